import rule from '../../../src/rules/require-migration-down';
import { runEspreeTests, runMigrationRuleTests } from '../migration-testing';

const FILE = 'migrations/1700000000000-AddOrdersTable.ts';

runMigrationRuleTests('require-migration-down: TypeORM', rule, {
  valid: [
    // `up` drops a table or deletes rows: a `down` that throws is documented by nature, the loss is evident.
    {
      filename: 'migrations/1700000000014-DropLogs.ts',
      code: `
import { MigrationInterface, QueryRunner } from 'typeorm';
export class DropLogs1700000000014 implements MigrationInterface {
  async up(queryRunner: QueryRunner) { await queryRunner.dropTable('logs'); }
  async down(): Promise<void> {
    throw new Error('Irreversible migration');
  }
}
`,
    },
    {
      filename: 'migrations/1700000000015-DropAudit.ts',
      code: `
import { MigrationInterface, QueryRunner } from 'typeorm';
export class DropAudit1700000000015 implements MigrationInterface {
  async up(queryRunner: QueryRunner) { await queryRunner.query('DELETE FROM audit WHERE created_at < now()'); await queryRunner.query('DROP TABLE audit'); }
  async down() { throw new Error('Not implemented'); }
}
`,
    },
    // A comment right above \`down\` that says why documents it.
    {
      filename: 'migrations/1700000000017-MergeNames.ts',
      code: `
import { MigrationInterface, QueryRunner } from 'typeorm';
export class MergeNames1700000000017 implements MigrationInterface {
  async up(queryRunner: QueryRunner) { await queryRunner.query("UPDATE users SET name = first_name || ' ' || last_name"); }
  // Irreversible: first and last names cannot be split back reliably; restore from the nightly backup.
  async down() { throw new Error('Not supported'); }
}
`,
    },
    // The generated shape: `down` undoes `up` in reverse order.
    {
      filename: FILE,
      code: `
import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddOrdersTable1700000000000 implements MigrationInterface {
  name = 'AddOrdersTable1700000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(\`CREATE TABLE "orders" ("id" SERIAL NOT NULL, CONSTRAINT "PK_orders" PRIMARY KEY ("id"))\`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(\`DROP TABLE "orders"\`);
  }
}
`,
    },
    // The builder API.
    {
      filename: 'migrations/1700000000001-AddCountry.ts',
      code: `
import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
export class AddCountry1700000000001 implements MigrationInterface {
  async up(queryRunner: QueryRunner) {
    await queryRunner.addColumn('customers', new TableColumn({ name: 'country', type: 'char', length: '2' }));
  }
  async down(queryRunner: QueryRunner) {
    await queryRunner.dropColumn('customers', 'country');
  }
}
`,
    },
    // Irreversible, and `down` says why.
    {
      filename: 'migrations/1700000000002-DropLegacyCoupons.ts',
      code: `
import { MigrationInterface, QueryRunner } from 'typeorm';
export class DropLegacyCoupons1700000000002 implements MigrationInterface {
  async up(queryRunner: QueryRunner) {
    await queryRunner.query('DROP TABLE "legacy_coupons"');
  }
  async down(): Promise<void> {
    throw new Error('Irreversible: legacy_coupons was archived to s3://shop-archive before the drop; restore it from there.');
  }
}
`,
    },
    // Irreversible, documented by a comment inside `down`.
    {
      filename: 'migrations/1700000000003-MergeStatus.ts',
      code: `
import { MigrationInterface, QueryRunner } from 'typeorm';
export class MergeStatus1700000000003 implements MigrationInterface {
  async up(queryRunner: QueryRunner) {
    await queryRunner.query('UPDATE orders SET state = status');
  }
  async down(): Promise<void> {
    // Irreversible: the old status values were merged into state; restore them from the nightly backup.
  }
}
`,
    },
    // Irreversible, documented atop the file.
    {
      filename: 'migrations/1700000000004-PurgeSessions.ts',
      code: `
/**
 * Irreversible: purges expired sessions, which nobody needs back.
 */
import { MigrationInterface, QueryRunner } from 'typeorm';
export class PurgeSessions1700000000004 implements MigrationInterface {
  async up(queryRunner: QueryRunner) {
    await queryRunner.query('DELETE FROM sessions WHERE expires_at < now()');
  }
  async down(): Promise<void> {}
}
`,
    },
    // A message built at run time: the rule cannot read it, and does not guess.
    {
      filename: 'migrations/1700000000005-DropArchive.ts',
      code: `
import { MigrationInterface, QueryRunner } from 'typeorm';
import { irreversible } from './support';
export class DropArchive1700000000005 implements MigrationInterface {
  async up(queryRunner: QueryRunner) { await queryRunner.dropTable('archive'); }
  async down(): Promise<void> { throw irreversible('archive'); }
}
`,
    },
    // `down` delegates to a helper from another file: given the benefit of the doubt.
    {
      filename: 'migrations/1700000000006-AddTags.ts',
      code: `
import { MigrationInterface, QueryRunner } from 'typeorm';
import { dropTags } from './support';
export class AddTags1700000000006 implements MigrationInterface {
  async up(queryRunner: QueryRunner) { await queryRunner.query('CREATE TABLE tags (id int)'); }
  down = dropTags;
}
`,
    },
    // Not a migration: a helper in the migrations folder.
    {
      filename: 'migrations/helpers.ts',
      code: `export async function down() {}\nexport const up = 1;`,
    },
    // Not a migration: a class without `up`.
    {
      filename: 'migrations/1700000000007-Notes.ts',
      code: `export class Notes { async down() {} }`,
    },
    // Not in a migrations folder: an ordinary class with up/down methods.
    {
      filename: 'file.ts',
      code: `export class Elevator { async up() { this.floor++; } async down() {} }`,
    },
  ],
  invalid: [
    // The example's deliberate violation: an empty `down`.
    {
      filename: 'migrations/1700000600000-AddCustomerCountry.ts',
      code: `
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddCustomerCountry1700000600000 implements MigrationInterface {
  name = 'AddCustomerCountry1700000600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(\`ALTER TABLE "customers" ADD "country" character(2) NOT NULL DEFAULT 'DE'\`);
  }

  public async down(): Promise<void> {}
}
`,
      errors: [
        {
          messageId: 'emptyDown',
          line: 4,
          column: 14,
          endLine: 4,
          endColumn: 45,
          data: { what: 'it is empty', note: '', undo: ': drop column `country` from `customers`' },
        },
      ],
    },
    // No `down` at all (possible in JavaScript, or with a cast).
    {
      filename: 'migrations/1700000000010-AddIndex.ts',
      code: `
import { MigrationInterface, QueryRunner } from 'typeorm';
export class AddIndex1700000000010 {
  async up(queryRunner: QueryRunner) {
    await queryRunner.query('CREATE INDEX "idx_orders_customer" ON "orders" ("customer_id")');
  }
}
`,
      errors: [{ messageId: 'missingDown', line: 3, column: 14, data: { note: '', undo: ': drop the index on `orders`' } }],
    },
    // An empty SQL string does nothing.
    {
      filename: 'migrations/1700000000011-AddPhone.ts',
      code: `
import { MigrationInterface, QueryRunner } from 'typeorm';
export class AddPhone1700000000011 implements MigrationInterface {
  async up(queryRunner: QueryRunner) {
    await queryRunner.query('ALTER TABLE users ADD COLUMN phone text');
  }
  async down(queryRunner: QueryRunner) {
    await queryRunner.query('  ');
  }
}
`,
      errors: [{ messageId: 'emptyDown', line: 3, column: 14, data: { what: 'it runs an empty SQL string', note: '', undo: ': drop column `phone` from `users`' } }],
    },
    // Only a TODO.
    {
      filename: 'migrations/1700000000012-AddSku.ts',
      code: `
import { MigrationInterface, QueryRunner } from 'typeorm';
export class AddSku1700000000012 implements MigrationInterface {
  async up(queryRunner: QueryRunner) { await queryRunner.query('ALTER TABLE products ADD sku text'); }
  async down(): Promise<void> {
    // TODO
  }
}
`,
      errors: [{ messageId: 'emptyDown', line: 3, column: 14, data: { what: 'it holds only a TODO', note: '', undo: ': drop column `sku` from `products`' } }],
    },
    // "Cannot be undone" with no reason is not documentation.
    {
      filename: 'migrations/1700000000013-DropFax.ts',
      code: `
import { MigrationInterface, QueryRunner } from 'typeorm';
export class DropFax1700000000013 implements MigrationInterface {
  async up(queryRunner: QueryRunner) { await queryRunner.query('ALTER TABLE customers DROP COLUMN fax'); }
  async down(): Promise<void> {
    // cannot be undone
  }
}
`,
      errors: [
        {
          messageId: 'emptyDown',
          line: 3,
          column: 14,
          data: {
            what: 'it holds only comments',
            note: ' The comment says the migration is irreversible but not why.',
            undo: ': add column `fax` back to `customers` (and restore its data)',
          },
        },
      ],
    },
    // An error that says it is irreversible, but not why, after an `up` whose loss is not evident.
    {
      filename: 'migrations/1700000000014-AddLogsChecksum.ts',
      code: `
import { MigrationInterface, QueryRunner } from 'typeorm';
export class AddLogsChecksum1700000000014 implements MigrationInterface {
  async up(queryRunner: QueryRunner) { await queryRunner.query('ALTER TABLE logs ADD COLUMN checksum text'); }
  async down(): Promise<void> {
    throw new Error('Irreversible migration');
  }
}
`,
      errors: [
        {
          messageId: 'undocumentedThrow',
          line: 3,
          column: 14,
          data: { message: '"Irreversible migration"', undo: ': drop column `checksum` from `logs`' },
        },
      ],
    },
    // `Promise.resolve()` does nothing; several operations are listed last first.
    {
      filename: 'migrations/1700000000016-AddOrderItems.ts',
      code: `
import { MigrationInterface, QueryRunner, Table } from 'typeorm';
export class AddOrderItems1700000000016 implements MigrationInterface {
  async up(queryRunner: QueryRunner) {
    await queryRunner.createTable(new Table({ name: 'order_items', columns: [] }));
    await queryRunner.query('CREATE INDEX idx_items_order ON order_items (order_id)');
  }
  down(): Promise<void> {
    return Promise.resolve();
  }
}
`,
      errors: [
        {
          messageId: 'emptyDown',
          line: 3,
          column: 14,
          data: { what: 'it only returns', note: '', undo: ': drop the index on `order_items`, then drop table `order_items`' },
        },
      ],
    },
    // Logging is not undoing.
    {
      filename: 'migrations/1700000000017-AddNotes.ts',
      code: `
import { MigrationInterface, QueryRunner } from 'typeorm';
export class AddNotes1700000000017 implements MigrationInterface {
  async up(queryRunner: QueryRunner) { await queryRunner.query('ALTER TABLE orders ADD notes text'); }
  async down() { console.log('nothing to do'); }
}
`,
      errors: [{ messageId: 'emptyDown', line: 3, column: 14, data: { what: 'it only logs', note: '', undo: ': drop column `notes` from `orders`' } }],
    },
    // A default export with no name: the report sits on `class`.
    {
      filename: 'migrations/1700000000018-AddFlags.ts',
      code: `
import { MigrationInterface, QueryRunner } from 'typeorm';
export default class implements MigrationInterface {
  async up(queryRunner: QueryRunner) { await queryRunner.query('ALTER TABLE users ADD flags int'); }
  async down() {}
}
`,
      errors: [{ messageId: 'emptyDown', line: 3, column: 16, endLine: 3, endColumn: 21 }],
    },
  ],
});

// TypeORM's JavaScript template (`migration:create -o`): no `implements`, CommonJS.
runEspreeTests(
  'require-migration-down: TypeORM JavaScript template',
  rule,
  {
    valid: [
      {
        filename: 'migrations/1700000000020-AddOrders.js',
        code: `
module.exports = class AddOrders1700000000020 {
  async up(queryRunner) { await queryRunner.query('CREATE TABLE orders (id int)'); }
  async down(queryRunner) { await queryRunner.query('DROP TABLE orders'); }
};
`,
      },
    ],
    invalid: [
      {
        filename: 'migrations/1700000000021-AddUsers.js',
        code: `
/**
 * @typedef {import('typeorm').MigrationInterface} MigrationInterface
 */
module.exports = class AddUsers1700000000021 {
  async up(queryRunner) { await queryRunner.query('CREATE TABLE users (id int)'); }
  async down(queryRunner) {
  }
};
`,
        errors: [{ messageId: 'emptyDown', line: 5, column: 24, data: { what: 'it is empty', note: '', undo: ': drop table `users`' } }],
      },
    ],
  },
  { commonjs: true },
);
