import { describe, expect, it } from 'vitest';
import { ddlStatement } from '../../src/analysis/schema/sync';
import { sqlKeys } from '../../src/analysis/schema/sql-keys';
import { indexesInScript } from '../../src/analysis/schema/sibling-indexes';
import { tokenizeScript } from '../../src/analysis/migrations/lexer';

describe('sqlKeys', () => {
  it('reads inline and table-level foreign keys, keys and indexes of CREATE TABLE', () => {
    const keys = sqlKeys(`
      CREATE TABLE IF NOT EXISTS "public"."orders" (
        id serial PRIMARY KEY,
        customer_id integer NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
        shop_id integer,
        code text UNIQUE,
        CONSTRAINT orders_shop_fk FOREIGN KEY (shop_id, shop_region) REFERENCES shops (id, region),
        UNIQUE (shop_id, code),
        INDEX orders_created (created_at),
        CHECK (customer_id > 0)
      );`);
    expect(keys.foreignKeys.map(({ table, columns }) => ({ table, columns }))).toEqual([
      { table: 'orders', columns: ['customer_id'] },
      { table: 'orders', columns: ['shop_id', 'shop_region'] },
    ]);
    expect(keys.indexes).toEqual([
      { table: 'orders', columns: ['id'], partial: false },
      { table: 'orders', columns: ['code'], partial: false },
      { table: 'orders', columns: ['shop_id', 'code'], partial: false },
      { table: 'orders', columns: ['created_at'], partial: false },
    ]);
  });

  it('reads ALTER TABLE … ADD and CREATE INDEX, partial ones marked', () => {
    const keys = sqlKeys(`
      ALTER TABLE ONLY payments ADD COLUMN order_id int REFERENCES orders(id), ADD CONSTRAINT payments_refund_fk FOREIGN KEY (refund_id) REFERENCES refunds (id);
      CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS payments_order ON public.payments USING btree (order_id, lower(note));
      CREATE INDEX payments_live ON payments (refund_id) WHERE deleted_at IS NOT NULL;`);
    expect(keys.foreignKeys.map(({ table, columns }) => ({ table, columns }))).toEqual([
      { table: 'payments', columns: ['order_id'] },
      { table: 'payments', columns: ['refund_id'] },
    ]);
    expect(keys.indexes).toEqual([
      { table: 'payments', columns: ['order_id', '(expr)'], partial: false },
      { table: 'payments', columns: ['refund_id'], partial: true },
    ]);
  });

  it('ignores text that is not DDL', () => {
    expect(sqlKeys('See the REFERENCES section; a FOREIGN KEY is explained there.')).toEqual({ foreignKeys: [], indexes: [] });
  });
});

describe('indexesInScript (other migrations of the folder)', () => {
  it('finds schema-builder, query-interface and SQL indexes from tokens', () => {
    const tokens = tokenizeScript(`
      exports.up = async (knex, queryInterface) => {
        await knex.schema.alterTable('orders', (t) => {
          t.integer('shop_id').references('shops.id').index();
          t.index(['customer_id', 'created_at']);
          t.dropIndex(['legacy_id']);
        });
        await queryInterface.addIndex('invoices', { fields: ['customerId'], where: { paid: false } });
        await knex.raw('CREATE INDEX payments_order ON payments (order_id)');
      };`);
    expect(indexesInScript(tokens)).toEqual([
      { table: 'orders', columns: ['shop_id'], partial: false },
      { table: 'orders', columns: ['customer_id', 'created_at'], partial: false },
      { table: 'invoices', columns: ['customerId'], partial: true },
      { table: 'payments', columns: ['order_id'], partial: false },
    ]);
  });
});

describe('ddlStatement', () => {
  it('finds the first schema statement, past comments and other statements', () => {
    expect(ddlStatement('-- setup\nPRAGMA foreign_keys = ON; create unique index x on t (a)')).toBe('CREATE UNIQUE INDEX');
    expect(ddlStatement('CREATE TEMP TABLE scratch (id int)')).toBeUndefined();
    expect(ddlStatement("SELECT 'CREATE TABLE'")).toBeUndefined();
  });

  it('leaves a migration runner its bookkeeping table', () => {
    expect(ddlStatement('CREATE TABLE IF NOT EXISTS schema_migrations (name text)')).toBeUndefined();
    expect(ddlStatement('create table "public"."knex_migrations_lock" (id int)')).toBeUndefined();
    expect(ddlStatement('CREATE TABLE migration_notes (id int)')).toBe('CREATE TABLE');
  });
});
