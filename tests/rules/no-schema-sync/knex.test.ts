import rule from '../../../src/rules/no-schema-sync';
import { runRuleTests } from '../../helpers/rule-tester';
import { cases } from './expect';

runRuleTests('no-schema-sync: Knex and Kysely', rule, {
  valid: [
    // Running the migrations at start-up, and asking whether a table exists.
    {
      code: `
const knex = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL });
async function start() {
  await knex.migrate.latest();
  return knex.schema.hasTable('orders');
}
module.exports = { start };
`,
      js: true,
    },
    // A look-alike: a validation library's \`schema\` object.
    {
      code: `
import { builder } from './forms';
export const form = builder.schema.object({ name: builder.schema.string() });
`,
      js: true,
    },
    // Kysely queries, and its migrator.
    `
import { Kysely, Migrator, FileMigrationProvider } from 'kysely';
declare const db: Kysely<any>;
declare const provider: FileMigrationProvider;
export const migrate = () => new Migrator({ db, provider }).migrateToLatest();
export const list = () => db.selectFrom('orders').selectAll().execute();
`,
  ],
  invalid: cases([
    {
      code: `
const knex = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL });
async function ensureSchema() {
  if (!(await knex.schema.hasTable('events'))) {
    await knex.schema.createTable('events', (table) => {
      table.increments('id');
      table.string('kind').notNullable();
    });
  }
  await knex.schema.alterTable('events', (table) => table.index(['kind']));
}
module.exports = { ensureSchema };
`,
      js: true,
      errors: [
        {
          messageId: 'schemaCall',
          line: 5,
          column: 23,
          data: {
            call: 'knex.schema.createTable()',
            effect: 'changes the schema with the schema builder, which migrations use',
            advice: '`knex migrate:make <name>` creates a migration for it; `knex migrate:latest` applies it',
          },
        },
        { messageId: 'schemaCall', line: 10, column: 21 },
      ],
    },
    // The knex instance from another file: \`.schema.createTable\` is distinctive; raw DDL too.
    {
      code: `
import { db } from './db';
export async function init() {
  await db.schema.dropTableIfExists('tmp_import');
  await db.raw('CREATE INDEX orders_created_at ON orders (created_at)');
}
`,
      js: true,
      errors: [
        { messageId: 'schemaCall', line: 4, column: 19 },
        { messageId: 'ddl', line: 5, column: 12, data: { call: 'db.raw()', statement: 'CREATE INDEX', advice: '' } },
      ],
    },
    // Kysely's schema module at start-up.
    {
      code: `
import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new Pool() }) });
export async function boot() {
  await db.schema.createTable('person').ifNotExists().addColumn('id', 'serial', (c) => c.primaryKey()).execute();
}
`,
      errors: [{ messageId: 'schemaCall', line: 6, column: 19 }],
    },
    // Typed: the knex instance is known by its type.
    {
      code: `
import { db as database } from './io-db';
export const init = () => database.schema.createTable('audit', (t) => t.increments());
`,
      mode: 'typed',
      errors: [{ messageId: 'schemaCall', line: 3, column: 43 }],
    },
  ]),
});
