import rule from '../../../src/rules/require-migration-down';
import { runEspreeTests, runMigrationRuleTests } from '../migration-testing';

runMigrationRuleTests('require-migration-down: node-pg-migrate', rule, {
  valid: [
    // No down, and node-pg-migrate reverses every operation by itself.
    {
      filename: 'migrations/1700000000000_add-orders.js',
      code: `
/**
 * @type {import('node-pg-migrate').ColumnDefinitions | undefined}
 */
exports.shorthands = undefined;

/**
 * @param pgm {import('node-pg-migrate').MigrationBuilder}
 */
exports.up = (pgm) => {
  pgm.createTable('orders', { id: 'id', customer_id: { type: 'integer', notNull: true } });
  pgm.createIndex('orders', 'customer_id');
  pgm.addConstraint('orders', 'orders_customer_fk', { foreignKeys: { columns: 'customer_id', references: 'customers' } });
  pgm.renameColumn('customers', 'mail', 'email');
};
`,
    },
    // The TypeScript template with an explicit down.
    {
      filename: 'migrations/1700000000001_add-country.ts',
      code: `
import type { ColumnDefinitions, MigrationBuilder } from 'node-pg-migrate';
export const shorthands: ColumnDefinitions | undefined = undefined;
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("UPDATE customers SET country = 'DE'");
}
export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.sql('UPDATE customers SET country = NULL');
}
`,
    },
    // `exports.down = false` with a reason.
    {
      filename: 'migrations/1700000000002_drop-fax.js',
      code: `
exports.up = (pgm) => {
  pgm.dropColumns('customers', ['fax']);
};
exports.down = false; // fax numbers are deleted for GDPR and must not come back
`,
    },
    {
      filename: 'migrations/1700000000003_purge.js',
      code: `
exports.up = (pgm) => { pgm.sql('DELETE FROM sessions'); };
// Sessions are disposable: a rollback has nothing to restore.
exports.down = false;
`,
    },
    // \`noTransaction\` and \`func\` are not operations.
    {
      filename: 'migrations/1700000000004_concurrent-index.js',
      code: `
exports.up = (pgm) => {
  pgm.noTransaction();
  pgm.createIndex('orders', 'created_at', { concurrently: true, method: 'brin' });
  pgm.addColumns('orders', { placed_at: { type: 'timestamptz', default: pgm.func('now()') } });
};
`,
    },
  ],
  invalid: [
    // Raw SQL cannot be reversed automatically.
    {
      filename: 'migrations/1700000000005_backfill.js',
      code: `
exports.up = (pgm) => {
  pgm.addColumns('orders', { total: { type: 'integer' } });
  pgm.sql('UPDATE orders SET total = 0');
};
`,
      errors: [
        {
          messageId: 'notAutoReversible',
          line: 2,
          column: 1,
          endColumn: 11,
          data: { calls: '`pgm.sql()`', undo: ': restore the previous values in `orders`, then drop the columns added to `orders`' },
        },
      ],
    },
    // A drop cannot be reversed; nor can a constraint given as raw SQL.
    {
      filename: 'migrations/1700000000006_drop-legacy.ts',
      code: `
import { MigrationBuilder } from 'node-pg-migrate';
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.dropTable('legacy');
  pgm.addConstraint('orders', 'orders_total_positive', 'CHECK (total >= 0)');
}
`,
      errors: [
        {
          messageId: 'notAutoReversible',
          line: 3,
          column: 23,
          data: {
            calls: '`pgm.dropTable()`, `pgm.addConstraint()` with raw SQL',
            undo: ': drop the constraint added to `orders`, then re-create table `legacy` (and restore the rows you need back)',
          },
        },
      ],
    },
    // Queries through pgm.db, and helpers that receive pgm, cannot be checked.
    {
      filename: 'migrations/1700000000007_copy.js',
      code: `
const { addAuditColumns } = require('./helpers');
exports.up = async (pgm) => {
  addAuditColumns(pgm, 'orders');
  await pgm.db.query('SELECT 1');
};
`,
      errors: [{ messageId: 'notAutoReversible', line: 3, column: 1, data: { calls: '`addAuditColumns(pgm)`, `pgm.db.query()`', undo: '' } }],
    },
    // `false` with no reason.
    {
      filename: 'migrations/1700000000008_drop-tags.js',
      code: `
/**
 * @param pgm {import('node-pg-migrate').MigrationBuilder}
 */
exports.up = (pgm) => { pgm.dropTable('tags'); };
/**
 * @param pgm {import('node-pg-migrate').MigrationBuilder}
 */
exports.down = false;
`,
      errors: [{ messageId: 'undocumentedFalse', line: 5, column: 1, data: { undo: ': re-create table `tags` (and restore the rows you need back)' } }],
    },
    // The template's empty down.
    {
      filename: 'migrations/1700000000009_add-notes.js',
      code: `
const up = (pgm) => { pgm.addColumns('orders', { notes: 'text' }); };
const down = (pgm) => {};
module.exports = { up, down };
`,
      errors: [{ messageId: 'emptyDown', line: 4, column: 20, data: { what: 'it is empty', note: '', undo: ': drop the columns added to `orders`' } }],
    },
  ],
});

runEspreeTests(
  'require-migration-down: node-pg-migrate',
  rule,
  {
    valid: [{ filename: 'migrations/1700000000010_add-index.js', code: `exports.up = (pgm) => { pgm.createIndex('orders', 'status'); };` }],
    invalid: [
      {
        filename: 'migrations/1700000000011_drop-index.js',
        code: `exports.up = (pgm) => { pgm.dropIndex('orders', 'status'); };`,
        errors: [{ messageId: 'notAutoReversible', line: 1, column: 1, data: { calls: '`pgm.dropIndex()`', undo: ': re-create the index dropped from `orders`' } }],
      },
    ],
  },
  { commonjs: true },
);
