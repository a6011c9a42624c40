import { describe, expect, it } from 'vitest';
import { baseNameOf, compareOrder, judgeName, parseName, splitWords, styleLike } from '../../src/analysis/migrations/name';
import drizzleKit from '../../src/knowledge/migrations/drizzle-kit';
import golangMigrate from '../../src/knowledge/migrations/golang-migrate';
import mikroOrm from '../../src/knowledge/migrations/mikro-orm';
import typeorm from '../../src/knowledge/migrations/typeorm';

describe('parseName strips every scheme', () => {
  it.each([
    ['1700000000000-AddOrders', '1700000000000', 'AddOrders'],
    ['20240101120000_add_orders', '20240101120000', 'add_orders'],
    ['20240101120000-add-orders', '20240101120000', 'add-orders'],
    ['20240101120000000_add-orders', '20240101120000000', 'add-orders'],
    ['2024_01_01_add_orders', '2024_01_01', 'add_orders'],
    ['2024_01_01_120000_add_orders', '2024_01_01_120000', 'add_orders'],
    ['2024-01-01-add-orders', '2024-01-01', 'add-orders'],
    ['2024.01.01T12.00.00.add-orders', '2024.01.01T12.00.00', 'add-orders'],
    ['2024-02-07T21.30.40Z_initial', '2024-02-07T21.30.40Z', 'initial'],
    ['V12__add_orders', '12', 'add_orders'],
    ['V1_1__add_orders', '1_1', 'add_orders'],
    ['V1.2.3__add_orders', '1.2.3', 'add_orders'],
    ['R__refresh_views', undefined, 'refresh_views'],
    ['0003_add_orders', '0003', 'add_orders'],
    ['000001_create_users', '000001', 'create_users'],
    ['1700000000_add_orders', '1700000000', 'add_orders'],
    ['Migration20240101120000', '20240101120000', ''],
    ['Migration20240101120000_add_orders', '20240101120000', 'add_orders'],
    ['20240101120000', '20240101120000', ''],
    ['add_orders', undefined, 'add_orders'],
  ])('%s', (base, order, meaning) => {
    const parsed = parseName(base);
    expect(parsed.order).toBe(order);
    expect(parsed.meaning).toBe(meaning);
  });

  it('reads class names with the tool schemes', () => {
    expect(parseName('AddOrders1700000000000', typeorm.classNames).meaning).toBe('AddOrders');
    expect(parseName('Migration20240101120000', mikroOrm.classNames).meaning).toBe('');
  });

  it('drops extensions and up/down suffixes', () => {
    expect(baseNameOf('migrations/1700000000000-AddOrders.ts')).toBe('1700000000000-AddOrders');
    expect(baseNameOf('db/000001_create_users.up.sql', golangMigrate)).toBe('000001_create_users');
    expect(baseNameOf('db/000001_create_users.down.sql', golangMigrate)).toBe('000001_create_users');
  });
});

describe('judgeName', () => {
  const judge = (base: string, options = {}, tool?: Parameters<typeof judgeName>[2], content?: string) => judgeName(parseName(base, tool?.names), options, tool, content).kind;

  it('accepts descriptive names and init/initial/baseline', () => {
    expect(judge('20240101120000_add_orders_table')).toBe('ok');
    expect(judge('20240101120000_add_index_on_users_email')).toBe('ok');
    expect(judge('20240101120000_init')).toBe('ok');
    expect(judge('20240101120000_initial-schema')).toBe('ok');
    expect(judge('V1__baseline')).toBe('ok');
  });

  it('reports generic words, verbs alone, and empty names', () => {
    expect(judge('20240101120000_update_models')).toBe('generic');
    expect(judge('20240101120000_schema_change')).toBe('generic');
    expect(judge('20240101120000_changes')).toBe('generic');
    expect(judge('20240101120000_add_tables')).toBe('generic');
    expect(judge('20240101120000_db_fix_2')).toBe('generic');
    expect(judge('20240101120000')).toBe('empty');
    expect(judge('20240101120000_')).toBe('empty');
  });

  it('reports made-up names: versions, MikroORM defaults, drizzle-kit words that the SQL does not share', () => {
    expect(judge('2.5.118')).toBe('generated');
    expect(judge('20240101120000_v2.5.118')).toBe('generated');
    expect(judge('v3')).toBe('generated');
    expect(judge('Migration20240101120000', {}, mikroOrm)).toBe('generated');
    expect(judge('0000_swift_blackbird', {}, drizzleKit, 'CREATE TABLE "users" ("id" serial);')).toBe('generated');
    expect(judge('0007_soft_captain_marvel', {}, drizzleKit, 'ALTER TABLE "orders" ADD COLUMN "total" integer;')).toBe('generated');
    expect(judge('0001_add_orders', {}, drizzleKit, 'CREATE TABLE "orders" ("id" serial);')).toBe('ok');
    expect(judge('0002_users_email_unique', {}, drizzleKit, 'CREATE UNIQUE INDEX ON "users" ("email");')).toBe('ok');
    expect(judge('0000_swift_blackbird', { acceptGeneratedNames: true }, drizzleKit, 'CREATE TABLE "users" ("id" serial);')).toBe('ok');
  });

  it('applies the options', () => {
    expect(judge('20240101120000_update_models', { allowWords: ['models'] })).toBe('ok');
    expect(judge('20240101120000_refresh_orders', { genericWords: ['refresh', 'orders'] })).toBe('generic');
    expect(judge('20240101120000_schema_sync', { allow: ['^schema_sync$'] })).toBe('ok');
    expect(judge('20240101120000_hotfix_orders', { deny: ['^hotfix'] })).toBe('denied');
    expect(judge('20240101120000_HOTFIX_orders', { deny: ['^hotfix'] })).toBe('denied');
  });
});

describe('name helpers', () => {
  it('splits words', () => {
    expect(splitWords('AddOrdersTable')).toEqual(['add', 'orders', 'table']);
    expect(splitWords('add_HTTPLogs-v2.table')).toEqual(['add', 'http', 'logs', 'v2', 'table']);
  });

  it('writes a name in the style of another', () => {
    const words = ['add', 'orders', 'table'];
    expect(styleLike(words, 'UpdateModels')).toBe('AddOrdersTable');
    expect(styleLike(words, 'update_models')).toBe('add_orders_table');
    expect(styleLike(words, 'update-models')).toBe('add-orders-table');
    expect(styleLike(words, 'updateModels')).toBe('addOrdersTable');
    expect(styleLike(words, '')).toBe('add_orders_table');
  });

  it('compares orders of one kind only', () => {
    expect(compareOrder(parseName('20240101120000_a'), parseName('20240201120000_b'))).toBeLessThan(0);
    expect(compareOrder(parseName('2024_01_05_a'), parseName('20240104120000_b'))).toBeGreaterThan(0);
    expect(compareOrder(parseName('0009_a'), parseName('0010_b'))).toBeLessThan(0);
    expect(compareOrder(parseName('V1_10__a'), parseName('V1.9__b'))).toBeGreaterThan(0);
    expect(compareOrder(parseName('1700000000000-A'), parseName('20240101120000_b'))).toBeUndefined();
    expect(compareOrder(parseName('R__a'), parseName('V1__b'))).toBeUndefined();
  });
});
