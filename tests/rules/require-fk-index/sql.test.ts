import rule from '../../../src/rules/require-fk-index';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests('require-fk-index: raw SQL', rule, {
  valid: [
    {
      code: `
export async function up(db) {
  await db.query(\`
    CREATE TABLE orders (
      id serial PRIMARY KEY,
      customer_id integer NOT NULL REFERENCES customers (id),
      shop_id integer REFERENCES shops (id),
      coupon_id integer UNIQUE REFERENCES coupons (id)
    )\`);
  await db.query('CREATE INDEX orders_customer_id_idx ON orders (customer_id)');
  await db.query('CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_shop ON public.orders USING btree (shop_id, created_at DESC)');
}
`,
      js: true,
    },
    // ALTER TABLE … ADD CONSTRAINT … FOREIGN KEY with its index in the same migration.
    {
      code: `
import { MigrationInterface, QueryRunner } from 'typeorm';
export class AddPaymentsOrder1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner) {
    await queryRunner.query('ALTER TABLE "payments" ADD CONSTRAINT "FK_payments_order" FOREIGN KEY ("orderId") REFERENCES "orders"("id") ON DELETE CASCADE');
    await queryRunner.query('CREATE INDEX "IDX_payments_order" ON "payments" ("orderId")');
  }
  async down(queryRunner: QueryRunner) {
    await queryRunner.query('DROP INDEX "IDX_payments_order"');
  }
}
`,
    },
    // Text that mentions REFERENCES but is not DDL.
    {
      code: `export const help = 'See the REFERENCES section of the manual for the full list of foreign key rules.';`,
      js: true,
    },
  ],
  invalid: [
    {
      // Medusa's \`ALTER TABLE IF EXISTS … ADD CONSTRAINT IF NOT EXISTS "FK_…" FOREIGN KEY\`: the key's column, not the keyword.
      code: `
export class LinkProductChannels1680000000000 {
  async up(queryRunner) {
    await queryRunner.query('ALTER TABLE if exists "product_sales_channel" ADD CONSTRAINT if not exists "FK_5a4d5e1e" FOREIGN KEY ("product_id") REFERENCES "product"("id")');
  }
}
`,
      js: true,
      errors: [{ messageId: 'missingIndex', line: 4, data: { key: 'product_sales_channel.product_id', plural: '', table: 'product_sales_channel', advice: 'add `CREATE INDEX ON product_sales_channel (product_id)` to the migration' } }],
    },
    {
      code: `
export async function up(db) {
  await db.query(\`
    CREATE TABLE orders (
      id serial PRIMARY KEY,
      customer_id integer NOT NULL REFERENCES customers (id),
      shop_id integer,
      CONSTRAINT orders_shop_fk FOREIGN KEY (shop_id) REFERENCES shops (id)
    )\`);
  await db.query('CREATE INDEX orders_live_customer ON orders (customer_id) WHERE deleted_at IS NOT NULL');
}
`,
      js: true,
      errors: [
        {
          messageId: 'missingIndex',
          line: 6,
          column: 7,
          endColumn: 61,
          data: { key: 'orders.customer_id', plural: '', table: 'orders', advice: 'add `CREATE INDEX ON orders (customer_id)` to the migration' },
        },
        { messageId: 'missingIndex', line: 8, column: 7 },
      ],
    },
    {
      code: `
import { MigrationInterface, QueryRunner } from 'typeorm';
export class AddPaymentsOrder1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner) {
    await queryRunner.query(\`ALTER TABLE "payments" ADD CONSTRAINT "FK_payments_order" FOREIGN KEY ("orderId") REFERENCES "orders"("id")\`);
  }
  async down(queryRunner: QueryRunner) {
    await queryRunner.query(\`ALTER TABLE "payments" DROP CONSTRAINT "FK_payments_order"\`);
  }
}
`,
      errors: [{ messageId: 'missingIndex', line: 5, column: 57 }],
    },
  ],
});
