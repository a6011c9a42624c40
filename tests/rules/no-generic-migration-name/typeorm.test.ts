import rule from '../../../src/rules/no-generic-migration-name';
import { runMigrationRuleTests } from '../migration-testing';

const migration = (className: string, extra = '', up = `await queryRunner.query('CREATE TABLE "orders" ("id" serial PRIMARY KEY)');`) => `
import { MigrationInterface, QueryRunner } from 'typeorm';
export class ${className} implements MigrationInterface {${extra}
  async up(queryRunner: QueryRunner): Promise<void> { ${up} }
  async down(queryRunner: QueryRunner): Promise<void> { await queryRunner.query('DROP TABLE "orders"'); }
}
`;

runMigrationRuleTests('no-generic-migration-name: TypeORM', rule, {
  valid: [
    { filename: 'migrations/1700000000000-AddOrdersTable.ts', code: migration('AddOrdersTable1700000000000', `\n  name = 'AddOrdersTable1700000000000';`) },
    { filename: 'migrations/1700000000001-InitialSchema.ts', code: migration('InitialSchema1700000000001') },
    { filename: 'migrations/1700000000002-AddIndexOnUsersEmail.ts', code: migration('AddIndexOnUsersEmail1700000000002') },
    // Not a migration (no `up`): its name is nobody's business.
    { filename: 'migrations/1700000000003-UpdateModels.ts', code: `export class UpdateModels1700000000003 { run() {} }` },
  ],
  invalid: [
    {
      filename: 'migrations/1700000000004-UpdateModels.ts',
      code: migration('UpdateModels1700000000004'),
      errors: [
        {
          messageId: 'genericName',
          line: 3,
          column: 14,
          endColumn: 39,
          data: { source: 'file name', base: '1700000000004-UpdateModels', words: '`update` and `models`', are: 'are', suggestion: ', e.g. `AddOrdersTable`' },
        },
      ],
    },
    // The file is named, the class is not.
    {
      filename: 'migrations/1700000000005-AddOrders.ts',
      code: migration('Migration1700000000005'),
      errors: [{ messageId: 'genericName', line: 3, column: 14, data: { source: 'class name', base: 'Migration1700000000005', words: '`migration`', are: 'is', suggestion: ', e.g. `AddOrdersTable`' } }],
    },
    // The `name` field, which TypeORM records in its migrations table.
    {
      filename: 'migrations/1700000000006-AddOrders.ts',
      code: migration('AddOrders1700000000006', `\n  name = 'SchemaChange1700000000006';`),
      errors: [{ messageId: 'genericName', line: 3, column: 14, data: { source: '`name` field', base: 'SchemaChange1700000000006', words: '`schema` and `change`', are: 'are', suggestion: ', e.g. `AddOrdersTable`' } }],
    },
    // Only a timestamp.
    {
      filename: 'migrations/1700000000007.ts',
      code: migration('AddOrders1700000000007'),
      errors: [{ messageId: 'emptyName', line: 3, column: 14, data: { source: 'file name', base: '1700000000007', scheme: 'timestamp', suggestion: ', e.g. `add_orders_table`' } }],
    },
    // More than one operation: no name is proposed.
    {
      filename: 'migrations/1700000000008-Changes.ts',
      code: migration('Changes1700000000008', '', `await queryRunner.query('CREATE TABLE a (id int)'); await queryRunner.query('CREATE TABLE b (id int)');`),
      errors: [{ messageId: 'genericName', line: 3, column: 14, data: { source: 'file name', base: '1700000000008-Changes', words: '`changes`', are: 'is', suggestion: '' } }],
    },
    // A single column added through the builder API.
    {
      filename: 'migrations/1700000000009-Fix.ts',
      code: migration('Fix1700000000009', '', `await queryRunner.addColumn('customers', new TableColumn({ name: 'country', type: 'char' }));`),
      errors: [{ messageId: 'genericName', data: { source: 'file name', base: '1700000000009-Fix', words: '`fix`', are: 'is', suggestion: ', e.g. `AddCountryToCustomers`' } }],
    },
  ],
});
