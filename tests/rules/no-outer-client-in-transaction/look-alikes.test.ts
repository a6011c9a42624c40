import rule from '../../../src/rules/no-outer-client-in-transaction';
import { runRuleTests } from '../../helpers/rule-tester';
import { outer } from './expect';

runRuleTests('no-outer-client-in-transaction: look-alikes', rule, {
  valid: [
    // A Map named db used inside a real transaction; a cache and a logger around it.
    {
      code: `
import knex from 'knex';
const knexClient = knex({ client: 'pg' });
const db = new Map();
export async function save(id, value) {
  await knexClient.transaction(async (trx) => {
    db.set(id, value);
    console.log(db.get(id));
    await trx('kv').insert({ id, value });
  });
}
`,
      js: true,
    },
    // better-sqlite3: db.transaction(fn) runs fn synchronously on the one connection; its parameters are the caller's arguments.
    {
      code: `
import { db } from '../db';
export const importRows = db.transaction((rows) => {
  const stmt = db.prepare('INSERT INTO students (email) VALUES (?)');
  for (const row of rows) stmt.run(row.email);
  return rows.length;
});
`,
      js: true,
    },
    // Dexie (browser IndexedDB): access mode first, work through the same db on purpose (zones).
    {
      code: `
import { db } from './dexie';
export async function addFriend(friend) {
  await db.transaction('rw', db.friends, async (tx) => {
    await db.friends.add(friend);
  });
}
`,
      js: true,
    },
    // Another library's transaction helper with no handle (CLS-style): nothing to compare with.
    `
import { store } from './store';
export async function bump() {
  await store.transaction(async () => {
    await store.increment('visits');
  });
}
`,
    // A mutex's acquire/release and fs.open inside a transaction: not database work.
    `
import fs from 'node:fs/promises';
import { Mutex } from 'async-mutex';
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
const mutex = new Mutex();
export async function write(id: string) {
  await prisma.$transaction(async (tx) => {
    const release = await mutex.acquire();
    await tx.file.create({ data: { id } });
    release();
  });
  const handle = await fs.open('/tmp/x');
  await handle.close();
}
`,
    // The outer client only builds a value used by the transaction's own query.
    `
import { db } from './db';
export async function stamp(id: number) {
  await db.transaction(async (trx) => {
    await trx('events').insert({ id, at: db.fn.now(), seq: db.raw('nextval(?)', ['events_seq']) });
  });
}
`,
    // A function declared in the scope that receives the repository: not guessed.
    `
import { DataSource, Repository } from 'typeorm';
export async function run(ds: DataSource) {
  await ds.transaction(async (manager) => {
    const touch = (repo: Repository<{ id: number }>) => repo.increment({ id: 1 }, 'n', 1);
    await touch(manager.getRepository('counter'));
  });
}
`,
  ],
  invalid: [
    // Work after the callback returns a promise chain, inside Promise.all.
    {
      code: `
import { db } from './db';
export async function fanOut(ids) {
  await db.transaction(async (trx) => {
    await Promise.all([trx('a').insert({ ids }), db('b').insert({ ids })]);
  });
}
`,
      js: true,
      errors: [outer(5, 50, { call: 'db()', client: 'db', by: 'db.transaction()', line: 4, library: undefined, handle: 'trx' })],
    },
  ],
});
