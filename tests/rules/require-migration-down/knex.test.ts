import rule from '../../../src/rules/require-migration-down';
import { runEspreeTests, runMigrationRuleTests } from '../migration-testing';

runMigrationRuleTests('require-migration-down: knex', rule, {
  valid: [
    // The js stub, filled in.
    {
      filename: 'migrations/20231115090000_add_daily_sales_table.js',
      code: `
exports.up = async function up(knex) {
  await knex.schema.createTable('daily_sales', (table) => {
    table.date('day').notNullable();
    table.primary(['day']);
  });
};

exports.down = async function down(knex) {
  await knex.schema.dropTable('daily_sales');
};
`,
    },
    // The ts stub.
    {
      filename: 'migrations/20240102120000_add_orders.ts',
      code: `
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('orders', (t) => {
    t.increments();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('orders');
}
`,
    },
    // An expression-bodied down that returns the builder.
    {
      filename: 'migrations/20240103120000_add_refunds.js',
      code: `
exports.up = (knex) => knex.schema.createTable('refunds', (t) => t.increments());
exports.down = (knex) => knex.schema.dropTable('refunds');
`,
    },
    // An alter with a real builder callback.
    {
      filename: 'migrations/20240104120000_add_refund_cents.js',
      code: `
exports.up = (knex) => knex.schema.alterTable('daily_sales', (t) => { t.bigInteger('refund_cents'); });
exports.down = (knex) => knex.schema.alterTable('daily_sales', (t) => { t.dropColumn('refund_cents'); });
`,
    },
    // Irreversible and documented atop the file, with no `down` at all.
    {
      filename: 'migrations/20240105120000_drop_fax_numbers.js',
      code: `
// Irreversible: fax numbers are deleted for GDPR (ticket PRIV-112); they must not come back.
exports.up = (knex) => knex.schema.alterTable('customers', (t) => t.dropColumn('fax'));
`,
    },
    // A data-only migration whose empty down says there is nothing to undo, and why (Backstage's
    // catalog resets hashes to trigger reprocessing: rolling back needs no undo).
    {
      filename: 'migrations/20230125085746_trigger_reprocessing.js',
      code: `
exports.up = async function up(knex) {
  await knex('final_entities').update({ hash: '' });
  await knex('refresh_state').update({ result_hash: '', next_update_at: knex.fn.now() });
};

exports.down = async function down(_knex) {
  // Nothing to undo: up only clears the hashes so the catalog reprocesses every entity.
};
`,
    },
    // Exports a helper made (Ghost's \`createAddColumnMigration\`), with \`up\` replaced afterwards: the helper's \`down\` stays.
    {
      filename: 'migrations/2022-03-01-08-46-add-visibility-to-tiers.js',
      code: `
const { createAddColumnMigration } = require('../../utils');
module.exports = createAddColumnMigration('products', 'visible', { type: 'boolean', nullable: false, defaultTo: false });
module.exports.up = async () => {
  // noop - column will be replaced with \`visibility\` instead
};
`,
    },
    // The knexfile and seeds live beside migrations but are not migrations.
    { filename: 'migrations/knexfile.js', code: `module.exports = { client: 'pg', migrations: { directory: './migrations' } };` },
  ],
  invalid: [
    // The js stub left as generated: down does nothing.
    {
      filename: 'migrations/20240106120000_add_carts.js',
      code: `
/**
 * @param { import("knex").Knex } knex
 * @returns { Promise<void> }
 */
exports.up = function(knex) {
  return knex.schema.createTable("carts", function(t) {
    t.increments();
    t.timestamp();
  });
};

/**
 * @param { import("knex").Knex } knex
 * @returns { Promise<void> }
 */
exports.down = function(knex) {
};
`,
      errors: [{ messageId: 'emptyDown', line: 6, column: 1, endLine: 6, endColumn: 11, data: { what: 'it is empty', note: '', undo: ': drop table `carts`' } }],
    },
    // An alterTable whose builder callback is empty does nothing.
    {
      filename: 'migrations/20240107120000_add_country.ts',
      code: `
import type { Knex } from 'knex';
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('customers', (t) => { t.string('country', 2); });
}
export async function down(knex: Knex): Promise<void> {
  await knex.schema.table('customers', () => {});
}
`,
      errors: [{ messageId: 'emptyDown', line: 3, column: 23, endColumn: 25, data: { what: 'its schema builder callback is empty', note: '', undo: ': reverse the changes made to table `customers`' } }],
    },
    // No down: knex refuses to load it, and nothing can roll it back.
    {
      filename: 'migrations/20240108120000_add_discounts.ts',
      code: `
import { Knex } from 'knex';
export const up = async (knex: Knex) => {
  await knex.raw('CREATE TABLE discounts (id serial primary key)');
};
`,
      errors: [{ messageId: 'missingDown', line: 3, column: 14, data: { note: '', undo: ': drop table `discounts`' } }],
    },
    // The same migration as published (Backstage's catalog): the empty down says nothing.
    {
      filename: 'migrations/20230125085747_trigger_reprocessing_again.js',
      code: `
exports.up = async function up(knex) {
  await knex('final_entities').update({ hash: '' });
};

/**
 * @param { import("knex").Knex } _knex
 */
exports.down = async function down(_knex) {};
`,
      errors: [{ messageId: 'emptyDown', line: 2, column: 1, data: { what: 'it is empty', note: '', undo: '' } }],
    },
    // "Nothing to undo" alone gives no reason.
    {
      filename: 'migrations/20230125085748_trigger_reprocessing_once_more.js',
      code: `
exports.up = async function up(knex) {
  await knex('final_entities').update({ hash: '' });
};

exports.down = async function down() {
  // nothing to undo
};
`,
      errors: [{ messageId: 'emptyDown', line: 2, column: 1 }],
    },
    // `module.exports = { up, down }` with functions declared in the file.
    {
      filename: 'migrations/20240109120000_add_wishlists.js',
      code: `
async function up(knex) {
  await knex.schema.createTable('wishlists', (t) => t.increments());
}
async function down() {
  return;
}
module.exports = { up, down };
`,
      errors: [{ messageId: 'emptyDown', line: 8, column: 20, endColumn: 22 }],
    },
  ],
});

runEspreeTests(
  'require-migration-down: knex',
  rule,
  {
    valid: [
      {
        filename: 'migrations/20240110120000_add_coupons.js',
        code: `exports.up = (knex) => knex.schema.createTable('coupons', (t) => t.increments());\nexports.down = (knex) => knex.schema.dropTable('coupons');`,
      },
    ],
    invalid: [
      {
        filename: 'migrations/20240111120000_add_vouchers.js',
        code: `exports.up = (knex) => knex.schema.createTable('vouchers', (t) => t.increments());\nexports.down = () => Promise.resolve();`,
        errors: [{ messageId: 'emptyDown', line: 1, column: 1, data: { what: 'it only returns', note: '', undo: ': drop table `vouchers`' } }],
      },
    ],
  },
  { commonjs: true },
);
