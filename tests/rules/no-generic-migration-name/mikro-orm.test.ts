import rule from '../../../src/rules/no-generic-migration-name';
import { runEspreeTests, runMigrationRuleTests } from '../migration-testing';

const generated = (className: string) => `
import { Migration } from '@mikro-orm/migrations';

export class ${className} extends Migration {

  override async up(): Promise<void> {
    this.addSql(\`create table "book" ("id" serial primary key);\`);
  }

  override async down(): Promise<void> {
    this.addSql(\`drop table if exists "book" cascade;\`);
  }

}
`;

runMigrationRuleTests('no-generic-migration-name: MikroORM', rule, {
  valid: [
    { filename: 'migrations/Migration20240101120000_add_book_table.ts', code: generated('Migration20240101120000_add_book_table') },
    // Accepting generated names on purpose.
    { filename: 'migrations/Migration20240101120001.ts', code: generated('Migration20240101120001'), options: [{ acceptGeneratedNames: true }] },
  ],
  invalid: [
    {
      filename: 'migrations/Migration20240101120002.ts',
      code: generated('Migration20240101120002'),
      errors: [
        {
          messageId: 'generatedName',
          line: 4,
          column: 14,
          endColumn: 37,
          data: {
            source: 'file name',
            base: 'Migration20240101120002',
            description: "MikroORM's default name (`Migration` and a timestamp)",
            hint: 'Create migrations with a name: `npx mikro-orm migration:create --name add_orders_table`.',
            suggestion: ', e.g. `add_book_table`',
          },
        },
      ],
    },
    // Named, but the name says nothing.
    {
      filename: 'migrations/Migration20240101120003_update_schema.ts',
      code: generated('Migration20240101120003_update_schema'),
      errors: [{ messageId: 'genericName', line: 4, column: 14, data: { source: 'file name', base: 'Migration20240101120003_update_schema', words: '`update` and `schema`', are: 'are', suggestion: ', e.g. `add_book_table`' } }],
    },
  ],
});

runEspreeTests(
  'no-generic-migration-name: MikroORM JavaScript',
  rule,
  {
    valid: [],
    invalid: [
      {
        filename: 'migrations/Migration20240101120004.js',
        code: `'use strict';
const { Migration } = require('@mikro-orm/migrations');
class Migration20240101120004 extends Migration {
  async up() { this.addSql('create table "author" ("id" serial primary key);'); }
}
exports.Migration20240101120004 = Migration20240101120004;
`,
        errors: [{ messageId: 'generatedName', line: 3, column: 7 }],
      },
    ],
  },
  { commonjs: true },
);
