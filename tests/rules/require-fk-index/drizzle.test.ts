import rule from '../../../src/rules/require-fk-index';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests('require-fk-index: Drizzle', rule, {
  valid: [
    {
      code: `
import { pgTable, serial, integer, timestamp, index, uniqueIndex, primaryKey } from 'drizzle-orm/pg-core';
import { customers, shops, coupons } from './customers';

export const orders = pgTable(
  'orders',
  {
    id: serial('id').primaryKey(),
    customerId: integer('customer_id').notNull().references(() => customers.id),
    shopId: integer('shop_id').references(() => shops.id),
    couponId: integer('coupon_id').unique().references(() => coupons.id),
    createdAt: timestamp('created_at').defaultNow(),
  },
  (t) => [index('orders_customer_idx').on(t.customerId), uniqueIndex('orders_shop_created').on(t.shopId, t.createdAt)],
);

export const tags = pgTable('order_tags', {
  orderId: integer('order_id').references(() => orders.id),
  tag: integer('tag'),
}, (t) => ({ pk: primaryKey({ columns: [t.orderId, t.tag] }) }));
`,
      js: true,
    },
    // MySQL indexes foreign keys itself.
    {
      code: `
import { mysqlTable, int } from 'drizzle-orm/mysql-core';
import { customers } from './customers';
export const orders = mysqlTable('orders', { customerId: int('customer_id').references(() => customers.id) });
`,
      js: true,
    },
  ],
  invalid: [
    {
      code: `
import { pgTable, serial, integer, index, foreignKey } from 'drizzle-orm/pg-core';
import { customers, orderVersions } from './customers';

export const orders = pgTable(
  'orders',
  {
    id: serial('id').primaryKey(),
    customerId: integer('customer_id').references(() => customers.id, { onDelete: 'cascade' }),
    versionId: integer('version_id'),
  },
  (t) => [
    index('orders_live_customer').on(t.customerId).where(sql\`deleted_at is null\`),
    foreignKey({ columns: [t.versionId], foreignColumns: [orderVersions.id] }),
  ],
);
`,
      js: true,
      errors: [
        {
          messageId: 'missingIndex',
          line: 9,
          column: 40,
          data: { key: 'orders.customerId', plural: '', table: 'orders', advice: "add `index('orders_customerId_idx').on(t.customerId)` to the table's extra config (its third argument)" },
        },
        { messageId: 'missingIndex', line: 14, column: 5 },
      ],
    },
  ],
});
