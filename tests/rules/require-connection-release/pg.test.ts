import rule from '../../../src/rules/require-connection-release';
import { runRuleTests } from '../../helpers/rule-tester';
import { leak } from './expect';

runRuleTests('require-connection-release: node-postgres', rule, {
  valid: [
    // The house pattern: check out, try, release in finally.
    {
      code: `
import { Pool } from 'pg';
const pool = new Pool();
export async function transfer(from, to, amount) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('UPDATE accounts SET balance = balance - $1 WHERE id = $2', [amount, from]);
    await client.query('UPDATE accounts SET balance = balance + $1 WHERE id = $2', [amount, to]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
`,
      js: true,
    },
    // \`let\` declared outside the try, checked out inside it, released conditionally in finally.
    {
      code: `
import pg from 'pg';
const pool = new pg.Pool({ max: 5 });
export async function count() {
  let client;
  try {
    client = await pool.connect();
    const { rows } = await client.query('SELECT count(*) FROM users');
    return Number(rows[0].count);
  } finally {
    if (client) client.release();
  }
}
`,
      js: true,
    },
    // Catch and rethrow: released on both paths, an early return after the release.
    `
import { Pool } from 'pg';
const pool = new Pool();
export async function lock(id) {
  const client = await pool.connect();
  try {
    const { rows } = await client.query('SELECT pg_try_advisory_lock($1) AS ok', [id]);
    client.release();
    if (!rows[0].ok) return false;
    return true;
  } catch (error) {
    client.release(true);
    throw error;
  }
}
`,
    // Ownership moves: returned to the caller, stored on \`this\`, handed to a function that owns it now.
    {
      code: `
const { Pool } = require('pg');
const pool = new Pool();
async function getClient() {
  const client = await pool.connect();
  client.on('error', (err) => console.error(err));
  return client;
}
class Listener {
  async start() {
    this.client = await pool.connect();
    await this.client.query('LISTEN jobs');
  }
}
async function handOff() {
  const client = await pool.connect();
  await runInSession(client);
}
module.exports = { getClient, Listener, handOff };
`,
      js: true,
    },
    // A promise chain with \`.finally\`.
    {
      code: `
import { Pool } from 'pg';
const pool = new Pool();
export async function names() {
  const client = await pool.connect();
  return client.query('SELECT name FROM users').finally(() => client.release());
}
`,
      js: true,
    },
    // The callback form: \`done()\` on every path, and nothing is checked out inside \`if (err)\`.
    {
      code: `
import { Pool } from 'pg';
const pool = new Pool();
export function now(callback) {
  pool.connect((err, client, done) => {
    if (err) return callback(err);
    try {
      client.query('SELECT NOW()');
    } finally {
      done();
    }
    callback(null, new Date());
  });
}
`,
      js: true,
    },
    // The callback form with the release in the query's own callback: that callback owns it.
    {
      code: `
import { Pool } from 'pg';
const pool = new Pool();
pool.connect((err, client, release) => {
  if (err) {
    return console.error('Error acquiring client', err.stack);
  }
  client.query('SELECT NOW()', (err, result) => {
    release();
    if (err) return console.error('Error executing query', err.stack);
    console.log(result.rows);
  });
});
`,
      js: true,
    },
    // A non-pooled Client: \`connect()\` opens it, nothing is borrowed (its \`end()\` is another rule's concern).
    {
      code: `
import { Client } from 'pg';
export async function once() {
  const client = new Client();
  await client.connect();
  await client.query('SELECT 1');
  await client.end();
}
`,
      js: true,
    },
    // The pool's own query: checked out and released by the library.
    `
import { Pool } from 'pg';
const pool = new Pool();
export async function byId(id) {
  const { rows } = await pool.query('SELECT * FROM users WHERE id = $1', [id]);
  return rows[0];
}
`,
    // A pool from the app's own module, untyped: without a release call in sight, the rule cannot tell it is a pool.
    {
      code: `
import { pool } from './db';
export async function latest() {
  const client = await pool.connect();
  const { rows } = await client.query('SELECT * FROM events ORDER BY id DESC LIMIT 1');
  return rows[0];
}
`,
      mode: 'untyped',
      js: true,
    },
    // Handed on with no release here: the callee owns it (typed or not).
    {
      code: `
import { pool } from './db';
export async function stream() {
  const client = await pool.connect();
  return startStreaming(client);
}
`,
      js: true,
    },
    // From TypeORM's Postgres driver: handlers registered, then released; no awaited work in between.
    {
      code: `
export function createPool(pg, options, logger) {
  const pool = new pg.Pool(options);
  return new Promise((ok, fail) => {
    pool.connect((err, connection, release) => {
      if (err) return fail(err);
      if (options.logNotifications) {
        connection.on('notice', (msg) => logger.log('info', msg.message));
        connection.on('notification', (msg) => logger.log('info', msg.payload));
      }
      release();
      ok(pool);
    });
  });
}
`,
      js: true,
    },
  ],
  invalid: [
    // pg#1777: no release at all.
    {
      code: `
import { Pool } from 'pg';
const pool = new Pool();
export async function findUser(id) {
  const client = await pool.connect();
  const { rows } = await client.query('SELECT * FROM users WHERE id = $1', [id]);
  return rows[0];
}
`,
      js: true,
      errors: [leak('neverReleased', 5, 24, 'pool.connect()', 'pg')],
    },
    // Released after the work: a failing query skips it.
    {
      code: `
import { Pool } from 'pg';
const pool = new Pool();
export async function rename(id, name) {
  const client = await pool.connect();
  await client.query('UPDATE users SET name = $1 WHERE id = $2', [name, id]);
  client.release();
}
`,
      js: true,
      errors: [leak('releaseSkippedByThrow', 5, 24, 'pool.connect()', 'pg', 6)],
    },
    // An early return before the release.
    {
      code: `
import { Pool } from 'pg';
const pool = new Pool();
export async function activate(id) {
  const client = await pool.connect();
  try {
    const { rowCount } = await client.query('UPDATE users SET active = true WHERE id = $1', [id]);
    if (rowCount === 0) {
      return false;
    }
    client.release();
    return true;
  } catch (error) {
    client.release();
    throw error;
  }
}
`,
      errors: [leak('releaseSkippedByReturn', 5, 24, 'pool.connect()', 'pg', 9)],
    },
    // Released in one branch only.
    {
      code: `
import { Pool } from 'pg';
const pool = new Pool();
export async function warm(flag) {
  const client = await pool.connect();
  if (flag) {
    client.release();
  }
}
`,
      js: true,
      errors: [leak('releaseNotOnEveryPath', 5, 24, 'pool.connect()', 'pg')],
    },
    // A catch that swallows the error without releasing.
    {
      code: `
import { Pool } from 'pg';
const pool = new Pool();
export async function audit(event) {
  const client = await pool.connect();
  try {
    await client.query('INSERT INTO audit (event) VALUES ($1)', [event]);
    client.release();
  } catch (error) {
    console.error(error);
  }
}
`,
      errors: [leak('releaseNotOnEveryPath', 5, 24, 'pool.connect()', 'pg')],
    },
    // A promise chain that releases only when the query succeeds.
    {
      code: `
import { Pool } from 'pg';
const pool = new Pool();
export async function names() {
  const client = await pool.connect();
  return client.query('SELECT name FROM users').then((result) => {
    client.release();
    return result.rows;
  });
}
`,
      js: true,
      errors: [leak('releaseSkippedByThrow', 5, 24, 'pool.connect()', 'pg', 6)],
    },
    // Checked out and dropped.
    {
      code: `
import { Pool } from 'pg';
const pool = new Pool();
export async function ping() {
  await pool.connect();
}
`,
      js: true,
      errors: [leak('neverReleased', 5, 9, 'pool.connect()', 'pg')],
    },
    // The callback form: \`done()\` skipped by the early return.
    {
      code: `
import { Pool } from 'pg';
const pool = new Pool();
export function touch(id) {
  pool.connect((err, client, done) => {
    if (err) throw err;
    if (id < 0) return;
    client.query('UPDATE users SET touched_at = now() WHERE id = $1', [id]);
    done();
  });
}
`,
      js: true,
      errors: [leak('releaseSkippedByReturn', 5, 3, 'pool.connect()', 'pg', 7)],
    },
    // A pool from the app's own module: the release is there, but not in finally (by shape).
    {
      code: `
import { pool } from './db';
export async function archive(id) {
  const client = await pool.connect();
  await client.query('UPDATE orders SET archived = true WHERE id = $1', [id]);
  client.release();
}
`,
      js: true,
      errors: [leak('releaseSkippedByThrow', 4, 24, 'pool.connect()', 'pg', 5)],
    },
    // Typed: the app's shared pool is a pg Pool (tests/fixtures/db.ts), so a missing release is seen
    // even with no release call in sight (untyped, the receiver is unknown and the rule stays quiet).
    {
      code: `
import { pool } from './db';
export async function latest() {
  const client = await pool.connect();
  const { rows } = await client.query('SELECT * FROM events ORDER BY id DESC LIMIT 1');
  return rows[0];
}
`,
      mode: 'typed',
      errors: [leak('neverReleased', 4, 24, 'pool.connect()', 'pg')],
    },
    // A pool held in a class field, annotated with the library's class.
    {
      code: `
import { Pool } from 'pg';
export class UserRepository {
  constructor(private readonly pool: Pool) {}
  async find(id) {
    const client = await this.pool.connect();
    const { rows } = await client.query('SELECT * FROM users WHERE id = $1', [id]);
    return rows[0];
  }
}
`,
      errors: [leak('neverReleased', 6, 26, 'this.pool.connect()', 'pg')],
    },
  ],
});
