import rule from '../../../src/rules/require-explicit-column-type';
import { runRuleTests } from '../../helpers/rule-tester';

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
  ],
});
