import { describe, expect, it } from 'vitest';
import { classifyMigrationFile, defaultCliFolders, looksLikeMigrationScript } from '../../src/analysis/migrations/files-on-disk';

const probe = (...files: string[]) => ({ exists: (relative: string) => files.includes(relative) });
const classify = (relative: string, text: string, files: string[] = []) => {
  const info = classifyMigrationFile(relative, text, defaultCliFolders, probe(...files));
  return info && { tool: info.tool?.id, name: info.name.meaning, order: info.name.order, group: info.group, pair: info.pair };
};

describe('looksLikeMigrationScript', () => {
  it.each([
    ['export async function up(knex) {}', true],
    ['export const up: MigrationFn = async () => {};', true],
    ['exports.up = function (db, callback) {};', true],
    ['module.exports.up = () => {};', true],
    ['module.exports = { async up(qi) {}, async down(qi) {} };', true],
    ['module.exports = { up, down };', true],
    ['export class AddOrders implements MigrationInterface { async up(q) {} }', true],
    ['export class M extends Migration {\n  override async up(): Promise<void> {}\n}', true],
    // Not migrations: a runner calling `up`, a helper, an index.
    ['import { umzug } from "./umzug";\nexport async function run() { await umzug.up(); }', false],
    ['export const addTimestamps = (t) => { t.timestamps(); };', false],
    ["export * from './1700000000000-AddOrders';", false],
    ['const up = 1;', false],
  ])('%s', (text, expected) => {
    expect(looksLikeMigrationScript(text)).toBe(expected);
  });
});

describe('classifyMigrationFile', () => {
  it('recognises scripts by shape and tool by import', () => {
    expect(classify('migrations/1700000000000-AddOrders.ts', "import { MigrationInterface } from 'typeorm';\nexport class AddOrders1700000000000 implements MigrationInterface { async up() {} }")).toEqual({
      tool: 'typeorm', name: 'AddOrders', order: '1700000000000', group: 'migrations', pair: undefined,
    });
    expect(classify('db/migrate/20240101120000_add_orders.js', 'exports.up = (knex) => {};')).toMatchObject({ tool: undefined, name: 'add_orders' });
    expect(classify('migrations/helpers.ts', 'export async function up() {}')).toBeUndefined();
    expect(classify('migrations/1700000000000-AddOrders.test.ts', 'export async function up() {}')).toBeUndefined();
    expect(classify('src/services/orders.ts', 'export async function up() {}')).toBeUndefined();
  });

  it('recognises Prisma Migrate folders', () => {
    expect(classify('prisma/migrations/20240101120000_add_orders/migration.sql', 'CREATE TABLE "Order" ();', ['prisma/migrations/migration_lock.toml'])).toEqual({
      tool: 'prisma-migrate', name: 'add_orders', order: '20240101120000', group: 'prisma/migrations', pair: undefined,
    });
    // A Prisma layout found by its lock file outside the default folders.
    expect(classify('schema/history/20240101120000_init/migration.sql', 'CREATE TABLE x ();', ['schema/history/migration_lock.toml'])).toMatchObject({ tool: 'prisma-migrate' });
  });

  it('recognises drizzle-kit folders by their journal', () => {
    expect(classify('drizzle/0000_swift_blackbird.sql', 'CREATE TABLE users ();', ['drizzle/meta/_journal.json'])).toMatchObject({ tool: 'drizzle-kit', name: 'swift_blackbird', order: '0000' });
    expect(classify('db/out/0001_add_orders.sql', 'CREATE TABLE orders ();', ['db/out/meta/_journal.json'])).toMatchObject({ tool: 'drizzle-kit' });
  });

  it('recognises Flyway names', () => {
    expect(classify('src/main/resources/db/migration/V12__add_orders.sql', 'CREATE TABLE orders ();')).toMatchObject({ tool: 'flyway', name: 'add_orders', order: '12' });
    expect(classify('db/migration/R__refresh_views.sql', 'CREATE VIEW v AS SELECT 1;')).toMatchObject({ tool: 'flyway', order: undefined });
  });

  it('recognises up/down pairs', () => {
    expect(classify('migrations/000001_create_users.up.sql', 'CREATE TABLE users ();')).toEqual({
      tool: 'golang-migrate', name: 'create_users', order: '000001', group: 'migrations', pair: { role: 'up', partner: 'migrations/000001_create_users.down.sql' },
    });
    expect(classify('migrations/sqls/20240101120000-add-pets-down.sql', '')).toMatchObject({
      tool: 'db-migrate', group: 'migrations', pair: { role: 'down', partner: 'migrations/sqls/20240101120000-add-pets-up.sql' },
    });
  });

  it('recognises node-pg-migrate SQL sections, and other SQL in migration folders', () => {
    expect(classify('migrations/1700000000000_add-orders.sql', '-- Up Migration\nCREATE TABLE orders ();\n-- Down Migration\nDROP TABLE orders;')).toMatchObject({ tool: 'node-pg-migrate' });
    expect(classify('migrations/001_init.sql', 'CREATE TABLE x ();')).toMatchObject({ tool: undefined, name: 'init' });
    expect(classify('scripts/cleanup.sql', 'DELETE FROM x;')).toBeUndefined();
  });
});

describe('looksLikeMigrationScript: look-alikes from published code', () => {
  it('is not fooled by a runner class or a prototype with up/down', () => {
    // knex's own Migrator (lib/migrations/migrate/Migrator.js) and migrate-stub.js.
    expect(looksLikeMigrationScript('class Migrator {\n  async up(config) {}\n  async down(config) {}\n}\nmodule.exports = { Migrator };')).toBe(false);
    expect(looksLikeMigrationScript('const StubMigrate = (module.exports = function () {});\nStubMigrate.prototype = { up: noSuchMethod, down: noSuchMethod };')).toBe(false);
    expect(looksLikeMigrationScript('export { up as upgrade };')).toBe(false);
    // A class with a timestamp in its name, or in a file whose name has one, is a migration.
    expect(looksLikeMigrationScript('module.exports = class AddUsers1700000000021 { async up(q) {} };')).toBe(true);
    expect(looksLikeMigrationScript('export class AddUsers { async up(q) {} }', true)).toBe(true);
    expect(looksLikeMigrationScript('export { upgrade as up };')).toBe(true);
  });
});
