import rule from '../../../src/rules/no-outer-client-in-transaction';
import { runRuleTests } from '../../helpers/rule-tester';
import { outer } from './expect';

const restock = (client: string) => `
import knex from 'knex';
const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
export async function restock(sku, qty) {
  await db.transaction(async (trx) => {
    await trx('stock').where({ sku }).increment('qty', qty);
    await ${client}('stock_moves').insert({ sku, qty, at: db.fn.now() });
  });
}
`;

runRuleTests('no-outer-client-in-transaction: Knex', rule, {
  valid: [
    // A project's own wrapper over Knex (Strapi's database layer): the transaction goes along in an option, read off the handle.
    `
export function repository(db, uid) {
  return {
    async attachRelations(id, data) {
      const trx = await db.transaction();
      try {
        await db.entityManager.attachRelations(uid, id, data, { transaction: trx.get() });
        return await trx.commit();
      } catch (error) {
        await trx.rollback();
        throw error;
      }
    },
  };
}
`,
    // Through trx, value builders of the outer client, `.transacting(trx)`, work before and after.
    {
      code: `
import knex from 'knex';
const db = knex({ client: 'pg' });
export async function move(id, to) {
  const row = await db('boxes').where({ id }).first();
  await db.transaction(async (trx) => {
    await trx('boxes').where({ id }).update({ shelf: to, moved_at: db.fn.now(), weight: db.raw('weight + ?', [1]) });
    await db('moves').insert({ box: id, to }).transacting(trx);
    await trx.raw('SELECT pg_notify(?, ?)', ['moves', String(id)]);
    const repo = trx.table('audit');
    await repo.insert({ box: id });
  });
  await db('stats').increment('moves', 1);
  return row;
}
`,
      js: true,
    },
    // Manual: trx from knex.transaction(), only trx inside.
    `
import { db } from './db';
export async function refund(id: string) {
  const trx = await db.transaction();
  try {
    await trx('payments').where({ id }).update({ status: 'refunded' });
    await trx.commit();
  } catch (error) {
    await trx.rollback();
    throw error;
  }
  await db('refund_log').insert({ id });
}
`,
    // A nested transaction through trx (a savepoint) using trx inside.
    `
import { db } from './db';
export async function nested() {
  await db.transaction(async (trx) => {
    await trx.transaction(async (inner) => {
      await inner('a').insert({});
      await trx('b').insert({});
    });
  });
}
`,
  ],
  invalid: [
    {
      // The same wrapper, the transaction not handed over: the work runs outside it.
      code: `
export function repository(db, uid) {
  return {
    async attachRelations(id, data) {
      const trx = await db.transaction();
      try {
        await db.entityManager.attachRelations(uid, id, data);
        return await trx.commit();
      } catch (error) {
        await trx.rollback();
        throw error;
      }
    },
  };
}
`,
      errors: [outer(7, 15, { call: 'db.entityManager.attachRelations()', client: 'db', by: 'db.transaction()', line: 5, library: undefined, handle: 'trx' })],
    },
    {
      code: restock('db'),
      js: true,
      errors: [
        outer(7, 11, {
          call: 'db()',
          client: 'db',
          by: 'db.transaction()',
          line: 5,
          library: 'knex',
          handle: 'trx',
          output: restock('trx'),
        }),
      ],
    },
    // The client from another file (by shape), knex.raw awaited, a manual region.
    {
      code: `
import { knex } from '../db';
export async function closeMonth(month: string) {
  const trx = await knex.transaction();
  try {
    await trx('ledger').where({ month }).update({ closed: true });
    await knex.raw('REFRESH MATERIALIZED VIEW monthly_totals');
    await trx.commit();
  } catch (error) {
    await trx.rollback();
    throw error;
  }
}
`,
      errors: [
        outer(7, 11, {
          call: 'knex.raw()',
          client: 'knex',
          by: 'knex.transaction()',
          line: 4,
          library: undefined,
          handle: 'trx',
        }),
      ],
    },
    // A synchronous callback that returns the promise chain: still checked.
    {
      code: `
import knex from 'knex';
const db = knex({ client: 'pg' });
export function copy(id) {
  return db.transaction((trx) => {
    return db('a').where({ id }).del().then(() => trx('b').insert({ id }));
  });
}
`,
      js: true,
      errors: [outer(6, 12, { call: 'db()', client: 'db', by: 'db.transaction()', line: 5, library: 'knex', handle: 'trx', output: `
import knex from 'knex';
const db = knex({ client: 'pg' });
export function copy(id) {
  return db.transaction((trx) => {
    return trx('a').where({ id }).del().then(() => trx('b').insert({ id }));
  });
}
` })],
    },
    // A second transaction on the outer client, CommonJS.
    {
      code: `
const db = require('knex')({ client: 'mysql2' });
async function split(orderId) {
  await db.transaction(async (trx) => {
    await trx('orders').where({ id: orderId }).del();
    await db.transaction(async (other) => {
      await other('orders_archive').insert({ id: orderId });
    });
  });
}
module.exports = { split };
`,
      js: true,
      errors: [
        outer(6, 11, {
          call: 'db.transaction()',
          client: 'db',
          by: 'db.transaction()',
          line: 4,
          library: 'knex',
          handle: 'trx',
          kind: 'transaction',
        }),
      ],
    },
  ],
});
