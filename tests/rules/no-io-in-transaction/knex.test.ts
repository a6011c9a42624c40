import rule from '../../../src/rules/no-io-in-transaction';
import { runRuleTests } from '../../helpers/rule-tester';
import { io } from './expect';

runRuleTests('no-io-in-transaction: Knex', rule, {
  valid: [
    // Database work through the handle, and the I/O done first.
    `
import knex from 'knex';
import { readFile } from 'node:fs/promises';
const db = knex({ client: 'pg' });
export async function loadFixtures(path: string) {
  const rows = JSON.parse(await readFile(path, 'utf8'));
  await db.transaction(async (trx) => {
    await trx('products').del();
    await trx.batchInsert('products', rows, 500);
    await trx.raw('ANALYZE products');
  });
}
`,
    // Manual: I/O after commit, and after rollback in the catch.
    `
import { db } from './db';
import axios from 'axios';
export async function refund(paymentId: string) {
  const trx = await db.transaction();
  try {
    await trx('payments').where({ id: paymentId }).update({ status: 'refunded' });
    await trx.commit();
  } catch (err) {
    await trx.rollback();
    await axios.post('https://alerts.example.com', { paymentId });
    throw err;
  }
  await axios.post('https://psp.example.com/refund-notifications', { paymentId });
}
`,
  ],
  invalid: [
    {
      code: `
import knex from 'knex';
import { execSync } from 'node:child_process';
const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
export async function snapshot(tenant: string) {
  await db.transaction(async (trx) => {
    await trx('tenants').where({ id: tenant }).update({ frozen: true });
    execSync(\`pg_dump --table=tenant_\${tenant} > /backups/\${tenant}.sql\`);
    await trx.raw('NOTIFY tenant_frozen');
  });
}
`,
      errors: [io(8, 5, 'execSync()', 'node-child-process', { by: 'db.transaction()', line: 6 })],
    },
    // Manual region with the client from another file (by shape: transaction() … trx.commit()).
    {
      code: `
import { db } from './db';
import axios from 'axios';
export async function refund(paymentId: string) {
  const trx = await db.transaction();
  try {
    await trx('payments').where({ id: paymentId }).update({ status: 'refunding' });
    await axios.post('https://psp.example.com/refunds', { paymentId });
    await trx.commit();
  } catch (err) {
    await trx.rollback();
    throw err;
  }
}
`,
      errors: [io(8, 11, 'axios.post()', 'axios', { by: 'db.transaction()', line: 5 })],
    },
    // A transaction with a config object, CommonJS, a callback passed by name.
    {
      code: `
const db = require('knex')({ client: 'mysql2' });
const fs = require('fs');
async function rotate(trx) {
  await trx('logs').where('created_at', '<', db.raw('now() - interval 30 day')).del();
  fs.renameSync('/var/log/app.log', '/var/log/app.log.1');
}
async function nightly() {
  await db.transaction(rotate, { isolationLevel: 'read committed' });
}
module.exports = { nightly };
`,
      js: true,
      errors: [io(6, 3, 'fs.renameSync()', 'node-fs', { by: 'db.transaction()', line: 9 })],
    },
  ],
});
