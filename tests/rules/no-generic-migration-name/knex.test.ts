import rule from '../../../src/rules/no-generic-migration-name';
import { runEspreeTests, runMigrationRuleTests } from '../migration-testing';

const CREATE_ORDERS = `
exports.up = (knex) => knex.schema.createTable('orders', (t) => t.increments());
exports.down = (knex) => knex.schema.dropTable('orders');
`;
const TS_CREATE_ORDERS = `
import type { Knex } from 'knex';
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('orders', (t) => t.increments());
}
export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('orders');
}
`;

runMigrationRuleTests('no-generic-migration-name: knex', rule, {
  valid: [
    { filename: 'migrations/20240101120000_add_orders_table.js', code: CREATE_ORDERS },
    { filename: 'migrations/20240101120001_add_index_on_users_email.js', code: CREATE_ORDERS },
    { filename: 'migrations/20240101120002_remove_legacy_status_column.js', code: CREATE_ORDERS },
    // init/initial are meaningful, also beside generic words.
    { filename: 'migrations/20240101120003_init.js', code: CREATE_ORDERS },
    { filename: 'migrations/20240101120004_initial_schema.ts', code: TS_CREATE_ORDERS },
    // A generic word beside a word that names something.
    { filename: 'migrations/20240101120005_update_order_totals.js', code: CREATE_ORDERS },
    // Not a migration.
    { filename: 'migrations/20240101120006_update.js', code: `module.exports = { client: 'pg' };` },
    // Generic words that name what \`up\` works on (from Backstage's catalog and scaffolder, and n8n).
    {
      filename: 'migrations/20200702153613_entities.js',
      code: `exports.up = (knex) => knex.schema.createTable('entities', (t) => t.uuid('id'));\nexports.down = (knex) => knex.schema.dropTable('entities');\n`,
    },
    {
      filename: 'migrations/20201006130744_entity_data_column.js',
      code: `exports.up = (knex) => knex.schema.alterTable('entities', (t) => { t.text('data').nullable(); });\nexports.down = (knex) => knex.schema.alterTable('entities', (t) => { t.dropColumn('data'); });\n`,
    },
    {
      filename: 'migrations/20220129100000_created_by.js',
      code: `exports.up = (knex) => knex.schema.alterTable('tasks', (t) => { t.text('created_by').nullable(); });\nexports.down = (knex) => knex.schema.alterTable('tasks', (t) => { t.dropColumn('created_by'); });\n`,
    },
    {
      filename: 'migrations/20241125120000_create_test_run_table.js',
      code: `exports.up = (knex) => knex.raw('CREATE TABLE "test_run" ("id" varchar(36) PRIMARY KEY)');\nexports.down = (knex) => knex.raw('DROP TABLE "test_run"');\n`,
    },
  ],
  invalid: [
    // Generic words beside the names \`up\` touches still say nothing: \`data\` is not a name here.
    {
      filename: 'migrations/20240101120010_update_data.js',
      code: `exports.up = (knex) => knex('orders').update({ status: 'open' }).where({ status: null });\nexports.down = () => { throw new Error('Irreversible: the null statuses cannot be told apart again, restore from the backup'); };\n`,
      errors: [{ messageId: 'genericName', data: { source: 'file name', base: '20240101120010_update_data', words: '`update` and `data`', are: 'are', suggestion: '' } }],
    },
    // The examples' deliberate violation.
    {
      filename: 'migrations/20240101120000_update_models.js',
      code: `
// deliberate: no-generic-migration-name — "update_models" says nothing; it adds daily_sales.refund_cents
exports.up = async function up(knex) {
  await knex.schema.alterTable('daily_sales', (table) => {
    table.bigInteger('refund_cents').notNullable().defaultTo(0);
  });
};

exports.down = async function down(knex) {
  await knex.schema.alterTable('daily_sales', (table) => {
    table.dropColumn('refund_cents');
  });
};
`,
      errors: [
        {
          messageId: 'genericName',
          line: 3,
          column: 1,
          endColumn: 11,
          data: { source: 'file name', base: '20240101120000_update_models', words: '`update` and `models`', are: 'are', suggestion: '' },
        },
      ],
    },
    {
      filename: 'migrations/20240102120000_schema_change.ts',
      code: TS_CREATE_ORDERS,
      errors: [{ messageId: 'genericName', line: 3, column: 23, endColumn: 25, data: { source: 'file name', base: '20240102120000_schema_change', words: '`schema` and `change`', are: 'are', suggestion: ', e.g. `add_orders_table`' } }],
    },
    { filename: 'migrations/20240102120001_wip.js', code: CREATE_ORDERS, errors: [{ messageId: 'genericName', line: 2, column: 1 }] },
    { filename: 'migrations/20240102120002_fix.js', code: CREATE_ORDERS, errors: [{ messageId: 'genericName', line: 2, column: 1 }] },
    { filename: 'migrations/20240102120003_misc_db_changes.js', code: CREATE_ORDERS, errors: [{ messageId: 'genericName', line: 2, column: 1 }] },
    { filename: 'migrations/20240102120004_new_tables.js', code: CREATE_ORDERS, errors: [{ messageId: 'genericName', line: 2, column: 1 }] },
    // Verbs and fillers name nothing on their own.
    { filename: 'migrations/20240102120005_add_table.js', code: CREATE_ORDERS, errors: [{ messageId: 'genericName', line: 2, column: 1, data: { source: 'file name', base: '20240102120005_add_table', words: '`add` and `table`', are: 'are', suggestion: ', e.g. `add_orders_table`' } }] },
    // Nothing but the timestamp.
    { filename: 'migrations/20240102120006.js', code: CREATE_ORDERS, errors: [{ messageId: 'emptyName', line: 2, column: 1, data: { source: 'file name', base: '20240102120006', scheme: 'timestamp', suggestion: ', e.g. `add_orders_table`' } }] },
    { filename: 'migrations/20240102120007_.js', code: CREATE_ORDERS, errors: [{ messageId: 'emptyName', line: 2, column: 1 }] },
    // A name that is only an application version.
    {
      filename: 'migrations/20240102120008_2.5.118.js',
      code: CREATE_ORDERS,
      errors: [{ messageId: 'generatedName', line: 2, column: 1, data: { source: 'file name', base: '20240102120008_2.5.118', description: 'only an application version', hint: 'A version says when the migration shipped, not what it changes.', suggestion: ', e.g. `add_orders_table`' } }],
    },
  ],
});

runEspreeTests(
  'no-generic-migration-name: knex',
  rule,
  {
    valid: [{ filename: 'migrations/20240103120000_add_orders_table.js', code: CREATE_ORDERS }],
    invalid: [{ filename: 'migrations/20240103120001_temp.js', code: CREATE_ORDERS, errors: [{ messageId: 'genericName', line: 2, column: 1 }] }],
  },
  { commonjs: true },
);
