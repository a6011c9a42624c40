import path from 'node:path';
import rule from '../../../src/rules/require-fk-index';
import { fixturesDir, runRuleTests } from '../../helpers/rule-tester';

/** Beside tests/fixtures/project/src/schema/table.ts, which makes \`createTable\` (create-t3-app's layout). */
const schemaFile = path.join(fixturesDir, 'project/src/schema/linted.ts');

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
    // A table function made by pgTableCreator, in the newer callback form, with the key indexed.
    {
      code: `
import { pgTableCreator, index } from 'drizzle-orm/pg-core';
import { users } from './users';
const createTable = pgTableCreator((name) => \`app_\${name}\`);
export const posts = createTable(
  'post',
  (d) => ({
    id: d.integer().primaryKey().generatedByDefaultAsIdentity(),
    authorId: d.integer().notNull().references(() => users.id),
  }),
  (t) => [index('post_author_idx').on(t.authorId)],
);
`,
      js: true,
    },
    // The project's own \`defineTable\`, from a module of the project: not a table function Drizzle made.
    {
      filename: schemaFile,
      code: `
import { integer } from 'drizzle-orm/pg-core';
import { defineTable } from './table';
import { users } from './users';
export const posts = defineTable('post', { authorId: integer('author_id').references(() => users.id) });
`,
    },
    // A MySQL table made by mysqlTableCreator: MySQL indexes foreign keys itself.
    {
      code: `
import { mysqlTableCreator, int } from 'drizzle-orm/mysql-core';
import { customers } from './customers';
const table = mysqlTableCreator((name) => name);
export const orders = table('orders', { customerId: int('customer_id').references(() => customers.id) });
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
    // create-t3-app: \`createTable\` made by pgTableCreator in another module, the columns in a callback.
    {
      filename: schemaFile,
      code: `
import { createTable } from './table';
import { users } from './users';
export const posts = createTable('post', (d) => ({
  id: d.integer().primaryKey().generatedByDefaultAsIdentity(),
  authorId: d.integer().notNull().references(() => users.id),
}));
`,
      errors: [{ messageId: 'missingIndex', line: 6, column: 35, data: { key: 'post.authorId', plural: '', table: 'post', advice: "add `index('post_authorId_idx').on(t.authorId)` to the table's extra config (its third argument)" } }],
    },
    // A table of a Postgres schema, \`billing.table(…)\`, through the project's barrel.
    {
      filename: schemaFile,
      code: `
import { integer, serial } from 'drizzle-orm/pg-core';
import { billing } from '.';
import { customers } from './customers';
export const invoices = billing.table('invoices', {
  id: serial('id').primaryKey(),
  customerId: integer('customer_id').references(() => customers.id),
});
`,
      errors: [{ messageId: 'missingIndex', line: 7, column: 38 }],
    },
  ],
});
