import rule from '../../../src/rules/no-generic-migration-name';
import { runMigrationRuleTests } from '../migration-testing';

// Kysely, umzug, Sequelize CLI, node-pg-migrate and db-migrate: each tool's timestamp scheme is stripped.
runMigrationRuleTests('no-generic-migration-name: Kysely, umzug, Sequelize CLI, node-pg-migrate, db-migrate', rule, {
  valid: [
    {
      filename: 'migrations/2024-01-01T10-00-00_add_pets.ts',
      code: `import { Kysely } from 'kysely';\nexport async function up(db: Kysely<any>) { await db.schema.createTable('pet').execute(); }\nexport async function down(db: Kysely<any>) { await db.schema.dropTable('pet').execute(); }`,
    },
    {
      filename: 'migrations/2024.01.01T12.00.00.add-orders.ts',
      code: `import type { MigrationFn } from 'umzug';\nexport const up: MigrationFn = async ({ context }) => {};\nexport const down: MigrationFn = async ({ context }) => {};`,
    },
    {
      filename: 'migrations/20240101120000-create-user.js',
      code: `module.exports = { async up(queryInterface) { await queryInterface.createTable('users', {}); }, async down(queryInterface) { await queryInterface.dropTable('users'); } };`,
    },
    { filename: 'migrations/1700000000000_add-orders.js', code: `exports.up = (pgm) => { pgm.createTable('orders', { id: 'id' }); };` },
    { filename: 'migrations/20240101120000000_add-orders-index.js', code: `exports.up = (pgm) => { pgm.createIndex('orders', 'status'); };` },
    { filename: 'migrations/0003_add-customers.js', code: `exports.up = (pgm) => { pgm.createTable('customers', { id: 'id' }); };` },
    { filename: 'migrations/20240101120000-add-pets.js', code: `exports.up = function (db, callback) { db.createTable('pets', {}, callback); };\nexports.down = function (db, callback) { db.dropTable('pets', callback); };` },
  ],
  invalid: [
    {
      filename: 'migrations/2024-01-02_changes.ts',
      code: `import { Kysely } from 'kysely';\nexport async function up(db: Kysely<any>) { await db.schema.createTable('pet').execute(); }`,
      errors: [{ messageId: 'genericName', line: 2, column: 23, data: { source: 'file name', base: '2024-01-02_changes', words: '`changes`', are: 'is', suggestion: ', e.g. `add_pet_table`' } }],
    },
    {
      filename: 'migrations/2024.01.02T12.00.00.misc.ts',
      code: `import type { MigrationFn } from 'umzug';\nexport const up: MigrationFn = async ({ context }) => { await context.createTable('carts', {}); };`,
      errors: [{ messageId: 'genericName', line: 2, column: 14, endColumn: 16, data: { source: 'file name', base: '2024.01.02T12.00.00.misc', words: '`misc`', are: 'is', suggestion: ', e.g. `add_carts_table`' } }],
    },
    // The name's style is kept: kebab-case for kebab-case files.
    {
      filename: 'migrations/20240102120000-update-db.js',
      code: `module.exports = { async up(queryInterface) { await queryInterface.addColumn('users', 'email', {}); } };`,
      errors: [{ messageId: 'genericName', line: 1, column: 26, data: { source: 'file name', base: '20240102120000-update-db', words: '`update` and `db`', are: 'are', suggestion: ', e.g. `add-email-to-users`' } }],
    },
    {
      filename: 'migrations/1700000000001_new-tables.js',
      code: `exports.up = (pgm) => { pgm.createTable('invoices', { id: 'id' }); };`,
      errors: [{ messageId: 'genericName', line: 1, column: 1, data: { source: 'file name', base: '1700000000001_new-tables', words: '`new` and `tables`', are: 'are', suggestion: ', e.g. `add-invoices-table`' } }],
    },
    { filename: 'migrations/0004_auto.js', code: `exports.up = (pgm) => { pgm.sql('SELECT 1'); };`, errors: [{ messageId: 'genericName', line: 1, column: 1 }] },
    {
      filename: 'migrations/20240102120001-temp.js',
      code: `exports.up = function (db, callback) { db.createTable('pets', {}, callback); };`,
      errors: [{ messageId: 'genericName', line: 1, column: 1, data: { source: 'file name', base: '20240102120001-temp', words: '`temp`', are: 'is', suggestion: ', e.g. `add-pets-table`' } }],
    },
    // A name that is only a version, without a timestamp.
    {
      filename: 'migrations/v3.1.0.js',
      code: `exports.up = (pgm) => { pgm.sql('SELECT 1'); };`,
      errors: [{ messageId: 'generatedName', line: 1, column: 1, data: { source: 'file name', base: 'v3.1.0', description: 'only an application version', hint: 'A version says when the migration shipped, not what it changes.', suggestion: '' } }],
    },
  ],
});
