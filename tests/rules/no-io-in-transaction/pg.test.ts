import rule from '../../../src/rules/no-io-in-transaction';
import { runRuleTests } from '../../helpers/rule-tester';
import { io } from './expect';

runRuleTests('no-io-in-transaction: node-postgres (BEGIN … COMMIT)', rule, {
  valid: [
    // The transaction ends on every path before the I/O.
    `
import { Pool } from 'pg';
import { setTimeout as sleep } from 'timers/promises';
const pool = new Pool();
export async function markDone(id: number) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('UPDATE jobs SET done = true WHERE id = $1', [id]);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
  await sleep(100);
  await fetch('https://hooks.example.com/job-done');
}
`,
    // Plain queries with no BEGIN: no transaction.
    `
import { Pool } from 'pg';
const pool = new Pool();
export async function count() {
  const { rows } = await pool.query('SELECT count(*) FROM jobs');
  await fetch('https://metrics.example.com', { method: 'POST', body: rows[0].count });
}
`,
  ],
  invalid: [
    {
      code: `
import { Pool } from 'pg';
import { setTimeout as sleep } from 'timers/promises';
const pool = new Pool();
export async function withRetry(id: number) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT * FROM jobs WHERE id = $1 FOR UPDATE', [id]);
    await sleep(500);
    await client.query('ROLLBACK TO SAVEPOINT before_update');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await client.query('COMMIT');
    await sleep(10);
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
}
`,
      errors: [
        io(10, 11, 'sleep()', 'node-timers', { by: "client.query('BEGIN')", line: 8 }),
        io(12, 11, 'new Promise(… setTimeout …)', 'node-timers', { by: "client.query('BEGIN')", line: 8 }),
      ],
    },
    // A client from elsewhere, the statement in an object, a conditional rollback that does not end every path.
    {
      code: `
const { getClient } = require('./db');
const { exec } = require('child_process');
async function migrateTenant(tenant) {
  const client = await getClient();
  await client.query({ text: 'BEGIN ISOLATION LEVEL SERIALIZABLE' });
  const { rowCount } = await client.query('UPDATE tenants SET migrating = true WHERE id = $1', [tenant]);
  if (rowCount === 0) {
    await client.query('ROLLBACK');
    return;
  }
  exec(\`./scripts/migrate.sh \${tenant}\`);
  await client.query('COMMIT');
}
module.exports = { migrateTenant };
`,
      js: true,
      errors: [io(12, 3, 'exec()', 'node-child-process', { by: "client.query({ text: 'BEGIN ISOLATION LEVEL SERIALIZABLE' })", line: 6 })],
    },
  ],
});
