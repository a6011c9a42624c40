import rule from '../../../src/rules/no-outer-client-in-transaction';
import { runRuleTests } from '../../helpers/rule-tester';
import { outer } from './expect';

const drizzleCode = (client: string) => `
import { drizzle } from 'drizzle-orm/node-postgres';
import { eq, inArray, sql } from 'drizzle-orm';
import { accounts, transfers } from './schema';
const db = drizzle(process.env.DATABASE_URL);
export async function transfer(from, to, amount) {
  await db.transaction(async (tx) => {
    await tx.update(accounts).set({ balance: sql\`balance - \${amount}\` }).where(eq(accounts.id, from));
    await ${client}.insert(transfers).values({ from, to, amount });
  });
}
`;

const kyselyCode = (client: string) => `
import { Kysely, PostgresDialect } from 'kysely';
const db = new Kysely({ dialect: new PostgresDialect({}) });
export async function rename(id, name) {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('person').set({ name }).where('id', '=', id).execute();
    await ${client}.insertInto('audit').values({ id, what: 'rename' }).execute();
  });
}
`;

runRuleTests('no-outer-client-in-transaction: Drizzle and Kysely', rule, {
  valid: [
    // Drizzle: a subquery built on db inside a tx query is a fragment of it.
    {
      code: `
import { drizzle } from 'drizzle-orm/node-postgres';
import { inArray } from 'drizzle-orm';
import { users, bans } from './schema';
const db = drizzle(process.env.DATABASE_URL);
export async function purge() {
  await db.transaction(async (tx) => {
    await tx.delete(users).where(inArray(users.id, db.select({ id: bans.userId }).from(bans)));
  });
  await db.select().from(users);
}
`,
      js: true,
    },
    // Drizzle on a synchronous single-connection SQLite driver (drizzle-orm's own Durable Objects migrator):
    // the callback runs synchronously on the one connection, so db and tx are the same connection.
    {
      code: `
import { sql } from 'drizzle-orm';
export function migrate(db, migrations) {
  db.transaction((tx) => {
    try {
      db.run(sql\`CREATE TABLE IF NOT EXISTS __migrations (id integer primary key, hash text)\`);
      for (const migration of migrations) db.run(sql.raw(migration));
    } catch (error) {
      tx.rollback();
      throw error;
    }
  });
}
`,
      js: true,
    },
    // Kysely: db.fn and db.dynamic build expressions; a controlled transaction through trx.
    `
import { Kysely } from 'kysely';
declare const db: Kysely<any>;
export async function count(table: string) {
  await db.transaction().setIsolationLevel('serializable').execute(async (trx) => {
    const row = await trx.selectFrom('orders').select(db.fn.count('id').as('n')).executeTakeFirst();
    await trx.insertInto('counts').values({ table, n: db.dynamic.ref('n'), at: row }).execute();
  });
}
`,
  ],
  invalid: [
    {
      code: drizzleCode('db'),
      js: true,
      errors: [
        outer(9, 11, { call: 'db.insert()', client: 'db', by: 'db.transaction()', line: 7, library: 'drizzle', handle: 'tx', output: drizzleCode('tx') }),
      ],
    },
    {
      code: kyselyCode('db'),
      js: true,
      errors: [
        outer(7, 11, {
          call: 'db.insertInto()',
          client: 'db',
          by: 'db.transaction().execute()',
          line: 5,
          library: 'kysely',
          handle: 'trx',
          output: kyselyCode('trx'),
        }),
      ],
    },
  ],
});
