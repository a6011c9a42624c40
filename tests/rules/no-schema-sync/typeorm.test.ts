import rule from '../../../src/rules/no-schema-sync';
import { runRuleTests } from '../../helpers/rule-tester';
import { cases } from './expect';

runRuleTests('no-schema-sync: TypeORM', rule, {
  valid: [
    // ormconfig.js: the object TypeORM 0.2 reads its options from, with synchronize off.
    { code: `module.exports = { type: 'postgres', synchronize: false };`, filename: 'ormconfig.js', mode: 'untyped' },
    // The same object exported by a file TypeORM does not read (a file-sync tool's config).
    { code: `module.exports = { source: './docs', synchronize: true };`, filename: 'mirror.config.js', mode: 'untyped' },
    // Migrations instead of synchronize.
    {
      code: `
import { DataSource } from 'typeorm';
export const AppDataSource = new DataSource({
  type: 'postgres',
  url: process.env.DATABASE_URL,
  synchronize: false,
  migrationsRun: true,
  migrations: ['dist/migrations/*.js'],
});
`,
      js: true,
    },
    // No literal true: the rule does not guess what an environment variable holds.
    `
import { DataSource } from 'typeorm';
export const AppDataSource = new DataSource({ type: 'postgres', synchronize: process.env.DB_SYNC === 'true' });
`,
    // A spread options object overridden after the spread.
    `
import { DataSource } from 'typeorm';
const base = { type: 'postgres' as const, synchronize: true };
export const AppDataSource = new DataSource({ ...base, synchronize: false });
`,
    // \`synchronize: true\` of something that is not TypeORM (a sync engine's options).
    {
      code: `
import { createReplica } from './replication';
export const replica = createReplica({ synchronize: true, intervalMs: 500 });
`,
      js: true,
    },
    // Reading the schema, running migrations: not a change made by the application.
    `
import { DataSource } from 'typeorm';
const dataSource = new DataSource({ type: 'postgres' });
export async function start() {
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  const pending = await dataSource.showMigrations();
  return pending;
}
`,
    // A look-alike \`synchronize()\` on a calendar client.
    {
      code: `
import { CalendarClient } from './calendar';
const calendar = new CalendarClient();
export const refresh = () => calendar.synchronize();
`,
      js: true,
    },
    // A query runner's read-only schema questions.
    `
import { DataSource } from 'typeorm';
const dataSource = new DataSource({ type: 'postgres' });
export async function check() {
  const runner = dataSource.createQueryRunner();
  return runner.hasTable('orders');
}
`,
  ],
  invalid: cases([
    {
      code: `
import { DataSource } from 'typeorm';
export const AppDataSource = new DataSource({
  type: 'postgres',
  url: process.env.DATABASE_URL,
  synchronize: true,
  entities: ['dist/entities/*.js'],
});
`,
      js: true,
      errors: [[6, 3]],
    },
    // TypeORM 0.2: createConnection, and the global connection's synchronize().
    {
      code: `
const { createConnection, getConnection } = require('typeorm');
async function boot() {
  await createConnection({ type: 'mysql', synchronize: true });
  await getConnection().synchronize();
}
module.exports = { boot };
`,
      js: true,
      errors: [
        [4, 43],
        { messageId: 'schemaCall', line: 5, column: 25 },
      ],
    },
    // An options object spread into the DataSource, or passed whole.
    {
      code: `
import { DataSource } from 'typeorm';
const shared = { type: 'postgres', synchronize: true };
export const reader = new DataSource({ ...shared, replication: undefined });
const writerOptions = { type: 'postgres', synchronize: true };
export const writer = new DataSource(writerOptions);
`,
      js: true,
      errors: [
        [3, 36],
        [5, 43],
      ],
    },
    // An object declared with TypeORM's options type.
    {
      code: `
import type { DataSourceOptions } from 'typeorm';
export const options: DataSourceOptions = {
  type: 'postgres',
  synchronize: true,
};
export const more = { type: 'sqlite', database: ':memory:', synchronize: true } satisfies DataSourceOptions;
`,
      errors: [
        [5, 3],
        [7, 61],
      ],
    },
    // dataSource.synchronize(), dropDatabase(), a query runner's DDL at start-up.
    {
      code: `
import { DataSource, Table } from 'typeorm';
const dataSource = new DataSource({ type: 'postgres' });
export async function bootstrap() {
  await dataSource.initialize();
  await dataSource.synchronize();
  if (process.env.RESET) await dataSource.dropDatabase();
  const runner = dataSource.createQueryRunner();
  await runner.createTable(new Table({ name: 'audit', columns: [] }), true);
}
`,
      js: true,
      errors: [
        { messageId: 'schemaCall', line: 6, column: 20, data: { call: 'dataSource.synchronize()', effect: 'alters the tables to match the entities: a renamed property becomes a dropped column and a new empty one', advice: '`typeorm migration:generate` writes the change as a migration; `migration:run` (or `migrationsRun: true`) applies it' } },
        { messageId: 'schemaCall', line: 7, column: 43 },
        { messageId: 'schemaCall', line: 9, column: 16 },
      ],
    },
    // The data source came from another file: matched by its name (and by type when typed).
    {
      code: `
import { AppDataSource } from './data-source';
export async function main() {
  await AppDataSource.initialize();
  await AppDataSource.synchronize();
}
`,
      js: true,
      errors: [{ messageId: 'schemaCall', line: 5, column: 23 }],
    },
    // Typed: the checker knows \`dataSource\` is a TypeORM DataSource, whatever its name.
    {
      code: `
import { dataSource as source } from './io-db';
export const resync = () => source.synchronize(true);
`,
      mode: 'typed',
      errors: [{ messageId: 'schemaCall', line: 3, column: 36 }],
    },
    // A raw DDL statement through the DataSource.
    {
      code: `
import { DataSource } from 'typeorm';
const dataSource = new DataSource({ type: 'postgres' });
export const ensureAudit = () => dataSource.query('CREATE TABLE IF NOT EXISTS audit (id serial primary key)');
`,
      js: true,
      errors: [{ messageId: 'ddl', line: 4, column: 45, data: { call: 'dataSource.query()', statement: 'CREATE TABLE', advice: ': `typeorm migration:generate` writes the change as a migration; `migration:run` (or `migrationsRun: true`) applies it' } }],
    },
    // ormconfig.js / ormconfig.ts: the object TypeORM 0.2 reads its options from.
    {
      code: `module.exports = { type: 'postgres', synchronize: true };`,
      filename: 'ormconfig.js',
      mode: 'untyped',
      errors: [[1, 38]],
    },
    {
      code: `export default [{ name: 'default', type: 'postgres', synchronize: true }];`,
      filename: 'ormconfig.ts',
      mode: 'untyped',
      errors: [[1, 54]],
    },
  ]),
});
