import rule from '../../../src/rules/require-fk-index';
import { runRuleTests } from '../../helpers/rule-tester';

// tests/fixtures/fk-history/migrations/ holds the other migrations of the folder: an index that
// one of them creates serves a foreign key declared here.
const filename = 'tests/fixtures/fk-history/migrations/20240101000000_create_orders.js';

runRuleTests('require-fk-index: indexes created by other migrations of the folder', rule, {
  valid: [
    {
      code: `
exports.up = async (knex) => {
  await knex.schema.createTable('orders', (t) => {
    t.increments('id');
    t.integer('customer_id').references('customers.id');
  });
  await knex.raw('ALTER TABLE payments ADD CONSTRAINT payments_order_fk FOREIGN KEY (order_id) REFERENCES orders (id)');
  await knex.schema.createTable('invoices', (t) => {
    t.integer('customerId').references('customers.id');
  });
};
`,
      filename,
      mode: 'untyped',
    },
  ],
  invalid: [
    {
      // The partial index in the SQL file serves only live rows.
      code: `
exports.up = (knex) => knex.raw('ALTER TABLE payments ADD CONSTRAINT payments_refund_fk FOREIGN KEY (refund_id) REFERENCES refunds (id)');
`,
      filename,
      mode: 'untyped',
      errors: [{ messageId: 'missingIndex', line: 2, column: 59 }],
    },
    // The same key in a file outside the folder (the harness's default file name) sees no other migration.
    {
      code: `
exports.up = (knex) =>
  knex.schema.createTable('orders', (t) => {
    t.integer('customer_id').references('customers.id');
  });
`,
      errors: [{ messageId: 'missingIndex', line: 4, column: 30 }],
    },
    // An entity whose index exists only in a migration near it (tests/fixtures/fk-history/migrations/).
    {
      code: `
import { Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Customer } from './customer.entity';
@Entity('invoices')
export class Invoice {
  @PrimaryGeneratedColumn() id!: number;
  @ManyToOne(() => Customer)
  customer!: Customer;
}
`,
      filename: 'tests/fixtures/fk-history/entities/invoice.entity.ts',
      mode: 'untyped',
      errors: [
        {
          messageId: 'indexOnlyInMigration',
          line: 8,
          column: 3,
          data: {
            key: 'invoices.customer',
            plural: '',
            table: 'invoices',
            file: 'tests/fixtures/fk-history/migrations/20240104000000_index_invoices.js',
            advice: "add `@Index()` to the property (or a class-level `@Index(['customer'])` that starts with it), then generate the migration",
          },
        },
      ],
    },
  ],
});
