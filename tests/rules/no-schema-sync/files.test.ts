import rule from '../../../src/rules/no-schema-sync';
import { runRuleTests } from '../../helpers/rule-tester';
import { runMigrationRuleTests } from '../migration-testing';
import { cases } from './expect';

const knexSchema = `
const knex = require('knex')({ client: 'pg' });
exports.up = (k) => k.schema.createTable('orders', (t) => t.increments());
exports.seed = async () => knex.schema.createTable('tmp', (t) => t.increments());
`;

// Migrations (the shared folder setting), tests and seeds are where schema changes belong or are expected.
runMigrationRuleTests('no-schema-sync: migration files', rule, {
  valid: [
    { code: knexSchema, filename: 'migrations/20240101120000_create_orders_schema_sync.js' },
    {
      code: `
import { MigrationInterface, QueryRunner } from 'typeorm';
export class AddOrders1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner) {
    await queryRunner.query('CREATE TABLE orders (id serial primary key)');
  }
  async down(queryRunner: QueryRunner) {
    await queryRunner.query('DROP TABLE orders');
  }
}
`,
      filename: 'migrations/1700000000000-AddOrdersSchemaSync.ts',
    },
  ],
  invalid: [],
});

runRuleTests('no-schema-sync: tests, seeds and the ignoreFiles option', rule, {
  valid: [
    { code: knexSchema, filename: 'src/orders.test.js', mode: 'untyped' },
    { code: knexSchema, filename: 'test/setup.js', mode: 'untyped' },
    { code: knexSchema, filename: 'db/seeds/01_orders.js', mode: 'untyped' },
    { code: knexSchema, filename: 'src/__tests__/orders.js', mode: 'untyped' },
    { code: knexSchema, filename: 'e2e/global-setup.js', mode: 'untyped' },
    { code: knexSchema, filename: 'scripts/reset-dev-db.js', options: [{ ignoreFiles: ['scripts/**'] }], mode: 'untyped' },
    // The migration folders come from the shared setting.
    { code: knexSchema, filename: 'db/changes/001.js', settings: { dbconventions: { migrationFolders: ['db/changes/**'] } }, mode: 'untyped' },
  ],
  invalid: cases([
    // Application code (the default file name of the test harness, typed and untyped).
    {
      code: knexSchema,
      errors: [
        { messageId: 'schemaCall', line: 3, column: 30 },
        { messageId: 'schemaCall', line: 4, column: 40 },
      ],
    },
    // Application code.
    {
      code: knexSchema,
      filename: 'src/server.js',
      mode: 'untyped',
      errors: [
        { messageId: 'schemaCall', line: 3, column: 30 },
        { messageId: 'schemaCall', line: 4, column: 40 },
      ],
    },
    // ignoreFiles replaces the defaults: a test file is no longer exempt.
    {
      code: knexSchema,
      filename: 'src/orders.test.js',
      options: [{ ignoreFiles: ['scripts/**'] }],
      mode: 'untyped',
      errors: [
        { messageId: 'schemaCall', line: 3, column: 30 },
        { messageId: 'schemaCall', line: 4, column: 40 },
      ],
    },
  ]),
});
