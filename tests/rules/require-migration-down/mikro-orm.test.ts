import rule from '../../../src/rules/require-migration-down';
import { runEspreeTests, runMigrationRuleTests } from '../migration-testing';

runMigrationRuleTests('require-migration-down: MikroORM', rule, {
  valid: [
    // The generator's output when the diff has down statements.
    {
      filename: 'migrations/Migration20240101120000_add_orders.ts',
      code: `
import { Migration } from '@mikro-orm/migrations';

export class Migration20240101120000_add_orders extends Migration {

  override async up(): Promise<void> {
    this.addSql(\`create table "orders" ("id" serial primary key);\`);
  }

  override async down(): Promise<void> {
    this.addSql(\`drop table if exists "orders" cascade;\`);
  }

}
`,
    },
    {
      filename: 'migrations/Migration20240102120000_drop_legacy.ts',
      code: `
import { Migration } from '@mikro-orm/migrations';
export class Migration20240102120000_drop_legacy extends Migration {
  async up(): Promise<void> {
    this.addSql('drop table "legacy";');
  }
  async down(): Promise<void> {
    throw new Error('Irreversible: the legacy table was exported to the data warehouse before the drop.');
  }
}
`,
    },
  ],
  invalid: [
    // The generator leaves `down` out when the diff has none: the inherited one throws with no reason.
    {
      filename: 'migrations/Migration20240103120000.ts',
      code: `
import { Migration } from '@mikro-orm/migrations';

export class Migration20240103120000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(\`alter table "book" add column "isbn" varchar(13) null;\`);
  }

}
`,
      errors: [
        {
          messageId: 'missingDown',
          line: 4,
          column: 14,
          endColumn: 37,
          data: { note: ' The `down` MikroORM inherits only throws an error that gives no reason.', undo: ': drop column `isbn` from `book`' },
        },
      ],
    },
    {
      filename: 'migrations/Migration20240104120000_add_books.ts',
      code: `
import { Migration } from '@mikro-orm/migrations';
export class Migration20240104120000_add_books extends Migration {
  async up(): Promise<void> { this.addSql('create table "books" ("id" serial primary key);'); }
  async down(): Promise<void> { this.addSql(''); }
}
`,
      errors: [{ messageId: 'emptyDown', line: 3, column: 14, data: { what: 'it runs an empty SQL string', note: '', undo: ': drop table `books`' } }],
    },
  ],
});

// The JavaScript generator's output.
runEspreeTests(
  'require-migration-down: MikroORM JavaScript',
  rule,
  {
    valid: [],
    invalid: [
      {
        filename: 'migrations/Migration20240105120000.js',
        code: `'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20240105120000 extends Migration {

  async up() {
    this.addSql('create table "authors" ("id" serial primary key);');
  }

}
exports.Migration20240105120000 = Migration20240105120000;
`,
        errors: [{ messageId: 'missingDown', line: 5, column: 7 }],
      },
    ],
  },
  { commonjs: true },
);
