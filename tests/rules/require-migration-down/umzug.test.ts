import rule from '../../../src/rules/require-migration-down';
import { runEspreeTests, runMigrationRuleTests } from '../migration-testing';

runMigrationRuleTests('require-migration-down: umzug', rule, {
  valid: [
    // The ts template, filled in (with Sequelize's query interface as context).
    {
      filename: 'migrations/2024.01.01T12.00.00.add-orders.ts',
      code: `
import type { MigrationFn } from 'umzug';
import { DataTypes, type QueryInterface } from 'sequelize';

export const up: MigrationFn<QueryInterface> = async ({ context: queryInterface }) => {
  await queryInterface.createTable('orders', { id: { type: DataTypes.INTEGER, primaryKey: true } });
};

export const down: MigrationFn<QueryInterface> = async ({ context: queryInterface }) => {
  await queryInterface.dropTable('orders');
};
`,
    },
    // `module.exports = { up, down }`.
    {
      filename: 'migrations/2024.01.02T12.00.00.add-users.js',
      code: `
async function up({ context: sequelize }) {
  await sequelize.query('CREATE TABLE users (id int)');
}
async function down({ context: sequelize }) {
  await sequelize.query('DROP TABLE users');
}
module.exports = { up, down };
`,
    },
  ],
  invalid: [
    // The template left as generated.
    {
      filename: 'migrations/2024.01.03T12.00.00.add-carts.ts',
      code: `
import type { MigrationFn } from 'umzug';

export const up: MigrationFn = async ({ context }) => {
  await context.query('CREATE TABLE carts (id int)');
};
export const down: MigrationFn = async params => {};
`,
      errors: [{ messageId: 'emptyDown', line: 4, column: 14, endColumn: 16, data: { what: 'it is empty', note: '', undo: ': drop table `carts`' } }],
    },
    // No down.
    {
      filename: 'migrations/2024.01.04.add-coupons.ts',
      code: `
import type { MigrationFn } from 'umzug';
export const up: MigrationFn = async ({ context }) => {
  await context.createTable('coupons', {});
};
`,
      errors: [{ messageId: 'missingDown', line: 3, column: 14, data: { note: '', undo: ': drop table `coupons`' } }],
    },
  ],
});

runEspreeTests(
  'require-migration-down: umzug js template',
  rule,
  {
    valid: [],
    invalid: [
      {
        filename: 'migrations/2024.01.05T12.00.00.add-tags.js',
        code: `
/** @type {import('umzug').MigrationFn<any>} */
exports.up = async params => { await params.context.query('CREATE TABLE tags (id int)'); };

/** @type {import('umzug').MigrationFn<any>} */
exports.down = async params => {};
`,
        errors: [{ messageId: 'emptyDown', line: 3, column: 1, endColumn: 11 }],
      },
    ],
  },
  { commonjs: true },
);
