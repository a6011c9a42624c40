import rule from '../../../src/rules/no-io-in-transaction';
import { runRuleTests } from '../../helpers/rule-tester';
import { io } from './expect';

runRuleTests('no-io-in-transaction: Kysely', rule, {
  valid: [
    // A connection (not a transaction), and I/O after the controlled transaction's commit.
    `
import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
import { createClient } from 'redis';
const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new Pool() }) });
const cache = createClient();
export async function rename(id: number, name: string) {
  await db.connection().execute(async (conn) => {
    await conn.updateTable('product').set({ name }).where('id', '=', id).execute();
    await cache.del(\`product:\${id}\`);
  });
  const trx = await db.startTransaction().setIsolationLevel('serializable').execute();
  await trx.insertInto('audit').values({ id, name }).execute();
  await trx.commit().execute();
  await cache.publish('renamed', String(id));
}
`,
  ],
  invalid: [
    {
      code: `
import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
import { createClient } from 'redis';
const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new Pool() }) });
const cache = createClient();
export async function rename(id: number, name: string) {
  await db.transaction().setIsolationLevel('serializable').execute(async (trx) => {
    await trx.updateTable('product').set({ name }).where('id', '=', id).execute();
    await cache.del(\`product:\${id}\`);
  });
  const trx = await db.startTransaction().execute();
  await trx.insertInto('audit').values({ id, name }).execute();
  await cache.set('last-rename', String(id));
  await trx.commit().execute();
  await cache.publish('renamed', String(id));
}
`,
      errors: [
        io(10, 11, 'cache.del()', 'redis', { by: 'db.transaction().setIsolationLevel().execute()', line: 8 }),
        io(14, 9, 'cache.set()', 'redis', { by: 'db.startTransaction().execute()', line: 12 }),
      ],
    },
    // The database from another file: `transaction().execute(cb)` is distinctive by shape.
    {
      code: `
import { db } from './database';
import { copyFile } from 'fs/promises';
export async function archive(id: number) {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('document').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await copyFile(row.path, \`/archive/\${id}\`);
    await trx.deleteFrom('document').where('id', '=', id).execute();
  });
}
`,
      errors: [io(7, 11, 'copyFile()', 'node-fs', { by: 'db.transaction().execute()', line: 5 })],
    },
  ],
});
