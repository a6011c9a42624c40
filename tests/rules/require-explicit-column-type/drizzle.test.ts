import path from 'node:path';
import rule from '../../../src/rules/require-explicit-column-type';
import { fixturesDir, runRuleTests } from '../../helpers/rule-tester';

/** Beside tests/fixtures/project/src/schema/table.ts, which makes \`createTable\` (create-t3-app's layout). */
const schemaFile = path.join(fixturesDir, 'project/src/schema/linted.ts');

const ADVICE =
  "`varchar('name', { length: 100 }).notNull()`, `numeric('price', { precision: 10, scale: 2 })`; a column meant to hold NULL can say so with the rule's `drizzleNullableByDefault` option";
const missing = (line: number, column: number, name: string, parts: string) => ({
  messageId: 'implicitColumn' as const,
  line,
  column,
  data: { column: name, missing: parts, library: 'Drizzle', advice: ADVICE },
});

const pgSchema = `
import { pgTable, pgEnum, serial, integer, varchar, text, numeric, timestamp, boolean, uuid, primaryKey } from 'drizzle-orm/pg-core';

export const role = pgEnum('role', ['admin', 'member']);

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  email: varchar('email', { length: 320 }).notNull().unique(),
  name: varchar('name'),
  bio: text('bio'),
  balance: numeric('balance', { precision: 12 }).notNull(),
  role: role('role').default('member'),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at').defaultNow(),
});

export const memberships = pgTable('memberships', {
  userId: integer('user_id').references(() => users.id),
  teamId: uuid('team_id'),
}, (t) => [primaryKey({ columns: [t.userId, t.teamId] })]);
`;

runRuleTests('require-explicit-column-type: Drizzle', rule, {
  valid: [
    {
      code: `
import { pgTable, serial, integer, varchar, text, numeric, char, uuid } from 'drizzle-orm/pg-core';
export const products = pgTable('products', {
  id: serial('id').primaryKey(),
  legacyId: integer('legacy_id').generatedAlwaysAsIdentity(),
  sku: varchar('sku', { length: 32 }).notNull(),
  currency: char('currency', { length: 3 }).notNull(),
  title: text('title').notNull(),
  price: numeric('price', { precision: 10, scale: 2 }).notNull(),
  externalId: uuid('external_id').defaultRandom().notNull(),
  code: varchar({ length: 12 }).notNull(),
  // A column built by the project's own helper: not read.
  audit: auditColumn('audit'),
});
`,
      js: true,
    },
    // The newer callback form.
    {
      code: `
import { pgTable } from 'drizzle-orm/pg-core';
export const tags = pgTable('tags', (t) => ({
  id: t.integer().primaryKey().generatedAlwaysAsIdentity(),
  label: t.varchar({ length: 40 }).notNull(),
}));
`,
    },
    // SQLite stores any length and has no decimal precision: only nullability counts.
    {
      code: `
import { sqliteTable, integer, text, real } from 'drizzle-orm/sqlite-core';
export const notes = sqliteTable('notes', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  body: text('body').notNull(),
  score: real('score').notNull(),
});
`,
      js: true,
    },
    // MySQL serial is a key.
    {
      code: `
import { mysqlTable, serial, varchar, decimal } from 'drizzle-orm/mysql-core';
export const orders = mysqlTable('orders', {
  id: serial('id').primaryKey(),
  ref: varchar('ref', { length: 24 }).notNull(),
  total: decimal('total', { precision: 10, scale: 2 }).notNull(),
});
`,
      js: true,
    },
    // A \`pgTable\` that is not Drizzle's.
    {
      code: `
import { pgTable, varchar } from './fake-schema';
export const users = pgTable('users', { name: varchar('name') });
`,
      js: true,
    },
    // Look-alikes of a made table function: the project's own \`defineTable\` from another module, a local
    // \`createTable\` that Drizzle did not make, and knex's \`createTable\` (its callback has a body).
    {
      filename: schemaFile,
      code: `
import { varchar } from 'drizzle-orm/pg-core';
import { defineTable } from './table';
const makeTable = (name: string, columns: object) => ({ name, columns });
const createTable = makeTable;
export const a = defineTable('users', { name: varchar('name') });
export const b = createTable('users', { name: varchar('name') });
export const up = (knex: any) => knex.schema.createTable('users', (t: any) => { t.string('name'); });
`,
    },
    // A made table function whose columns say everything.
    {
      code: `
import { pgTableCreator } from 'drizzle-orm/pg-core';
const createTable = pgTableCreator((name) => \`app_\${name}\`);
export const posts = createTable('post', (d) => ({
  id: d.integer().primaryKey().generatedByDefaultAsIdentity(),
  name: d.varchar({ length: 256 }).notNull(),
}));
`,
      js: true,
    },
    // The option: a column without \`.notNull()\` is nullable by the team's decision; sizes still count.
    {
      code: `
import { pgTable, serial, text, varchar } from 'drizzle-orm/pg-core';
export const posts = pgTable('posts', { id: serial('id').primaryKey(), body: text('body'), slug: varchar('slug', { length: 80 }) });
`,
      options: [{ drizzleNullableByDefault: true }],
      js: true,
    },
  ],
  invalid: [
    {
      code: pgSchema,
      js: true,
      errors: [
        missing(9, 3, 'name', 'length and nullability'),
        missing(10, 3, 'bio', 'nullability'),
        missing(11, 3, 'balance', 'precision and scale'),
        missing(12, 3, 'role', 'nullability'),
        missing(14, 3, 'createdAt', 'nullability'),
      ],
    },
    {
      code: pgSchema,
      options: [{ drizzleNullableByDefault: true }],
      js: true,
      errors: [missing(9, 3, 'name', 'length'), missing(11, 3, 'balance', 'precision and scale')],
    },
    {
      code: `
import { mysqlTable, int, varchar, decimal, char } from 'drizzle-orm/mysql-core';
export const accounts = mysqlTable('accounts', {
  id: int('id').autoincrement().primaryKey(),
  owner: varchar('owner', { length: 64 }),
  total: decimal('total').notNull(),
  country: char('country').notNull(),
});
`,
      js: true,
      errors: [missing(5, 3, 'owner', 'nullability'), missing(6, 3, 'total', 'precision and scale'), missing(7, 3, 'country', 'length')],
    },
    {
      code: `
import { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core';
export const sessions = sqliteTable('sessions', {
  id: text('id').primaryKey(),
  userId: integer('user_id', { mode: 'number' }),
});
`,
      js: true,
      errors: [missing(5, 3, 'userId', 'nullability')],
    },
    {
      code: `
import { pgTable } from 'drizzle-orm/pg-core';
export const tags = pgTable('tags', (t) => ({
  id: t.integer().primaryKey(),
  label: t.varchar(),
}));
`,
      errors: [missing(5, 3, 'label', 'length and nullability')],
    },
    // create-t3-app: \`createTable\` made by pgTableCreator in another module, the columns in a callback.
    {
      filename: schemaFile,
      code: `
import { createTable } from './table';
export const posts = createTable('post', (d) => ({
  id: d.integer().primaryKey().generatedByDefaultAsIdentity(),
  name: d.varchar({ length: 256 }),
  createdAt: d.timestamp({ withTimezone: true }).notNull(),
}));
`,
      errors: [missing(5, 3, 'name', 'nullability')],
    },
    // The same, made in this file, and a MySQL table function made by mysqlTableCreator.
    {
      code: `
import { pgTableCreator, varchar } from 'drizzle-orm/pg-core';
import { mysqlTableCreator, decimal } from 'drizzle-orm/mysql-core';
const createTable = pgTableCreator((name) => \`app_\${name}\`);
const mysqlTable = mysqlTableCreator((name) => name);
export const users = createTable('user', { email: varchar('email') });
export const prices = mysqlTable('price', { amount: decimal('amount').notNull() });
`,
      js: true,
      errors: [missing(6, 44, 'email', 'length and nullability'), missing(7, 45, 'amount', 'precision and scale')],
    },
    // A table of a Postgres schema, \`billing.table(…)\`, through the project's barrel.
    {
      filename: schemaFile,
      code: `
import { numeric, serial } from 'drizzle-orm/pg-core';
import { billing } from '.';
export const invoices = billing.table('invoices', {
  id: serial('id').primaryKey(),
  total: numeric('total').notNull(),
});
`,
      errors: [missing(6, 3, 'total', 'precision and scale')],
    },
  ],
});
