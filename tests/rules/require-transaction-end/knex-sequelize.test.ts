import rule from '../../../src/rules/require-transaction-end';
import { runRuleTests } from '../../helpers/rule-tester';
import { end } from './expect';

runRuleTests('require-transaction-end: Knex and Sequelize', rule, {
  valid: [
    // The house shape: commit at the end of try, rollback in catch, both awaited.
    {
      code: `
import knex from 'knex';
const db = knex({ client: 'pg' });
export async function refund(id) {
  const trx = await db.transaction();
  try {
    await trx('payments').where({ id }).update({ status: 'refunded' });
    await trx.commit();
  } catch (error) {
    await trx.rollback();
    throw error;
  }
}
`,
      js: true,
    },
    // Early return after a rollback; the commit after the try.
    `
import { Sequelize } from 'sequelize';
const sequelize = new Sequelize('sqlite::memory:');
export async function settle(id: number, ok: boolean) {
  const t = await sequelize.transaction();
  try {
    await sequelize.query('UPDATE orders SET settled = true WHERE id = ?', { replacements: [id], transaction: t });
  } catch (error) {
    await t.rollback();
    throw error;
  }
  if (!ok) {
    await t.rollback();
    return false;
  }
  await t.commit();
  return true;
}
`,
    // Ownership moves: returned, stored, handed to a helper.
    `
import knex from 'knex';
const db = knex({ client: 'pg' });
export async function begin() {
  const trx = await db.transaction();
  await trx('locks').insert({ at: db.fn.now() });
  return trx;
}
export class Unit {
  trx: unknown;
  async start() {
    this.trx = await db.transaction();
  }
}
export async function handOff(worker: (t: unknown) => Promise<void>) {
  const trx = await db.transaction();
  await worker(trx);
}
`,
    // Promise style: the ends handed to then/catch.
    {
      code: `
import knex from 'knex';
const db = knex({ client: 'pg' });
export async function stamp(id) {
  const trx = await db.transaction();
  return trx('stamps').insert({ id }).then(trx.commit).catch(trx.rollback);
}
`,
      js: true,
    },
    // The managed form ends itself.
    `
import knex from 'knex';
const db = knex({ client: 'pg' });
export async function managed() {
  await db.transaction(async (trx) => {
    await trx('a').insert({});
  });
}
`,
    // Not a database: a transaction() of something else, never committed.
    `
import { ledger } from './ledger';
export async function note() {
  const entry = await ledger.transaction();
  entry.add(1);
}
`,
  ],
  invalid: [
    // Never committed.
    {
      code: `
import knex from 'knex';
const db = knex({ client: 'pg' });
export async function archive(id) {
  const trx = await db.transaction();
  await trx('orders').where({ id }).update({ archived: true });
}
`,
      js: true,
      errors: [end('noCommit', 5, 21, 'db.transaction()', 'knex', 'transaction')],
    },
    // No rollback on failure.
    {
      code: `
import { Sequelize } from 'sequelize';
const sequelize = new Sequelize('sqlite::memory:');
export async function close(id: number) {
  const t = await sequelize.transaction();
  await sequelize.query('UPDATE carts SET closed = true WHERE id = ?', { replacements: [id], transaction: t });
  await t.commit();
}
`,
      errors: [end('noRollback', 5, 19, 'sequelize.transaction()', 'sequelize', 'transaction')],
    },
    // A return in the middle leaves it open; a commit not awaited.
    {
      code: `
import knex from 'knex';
const db = knex({ client: 'pg' });
export async function move(id, to) {
  const trx = await db.transaction();
  try {
    const box = await trx('boxes').where({ id }).first();
    if (!box) return null;
    await trx('boxes').where({ id }).update({ shelf: to });
    await trx.commit();
    return box;
  } catch (error) {
    await trx.rollback();
    throw error;
  }
}
export async function touch(id) {
  const trx = await db.transaction();
  try {
    await trx('boxes').where({ id }).update({ touched: true });
    trx.commit();
  } catch (error) {
    await trx.rollback();
    throw error;
  }
}
`,
      js: true,
      errors: [
        end('openAtReturn', 5, 21, 'db.transaction()', 'knex', 'transaction', { line: 8 }),
        end('notAwaited', 18, 21, 'db.transaction()', 'knex', 'transaction', { line: 21, end: 'trx.commit()' }),
      ],
    },
    // A catch that swallows the error without rolling back.
    {
      code: `
import { db } from './db';
export async function sync(rows: unknown[]) {
  const trx = await db.transaction();
  try {
    await trx('rows').insert(rows);
    await trx.commit();
  } catch (error) {
    console.error(error);
  }
}
`,
      errors: [end('openAtEnd', 4, 21, 'db.transaction()', undefined, 'transaction')],
    },
  ],
});
