import rule from '../../../src/rules/no-client-per-request';
import { runRuleTests } from '../../helpers/rule-tester';
import { options, perCall, where } from './expect';

runRuleTests('no-client-per-request: node-postgres', rule, {
  valid: [
    // The pool at module scope; borrowing from it per request.
    {
      code: `
import express from 'express';
import { Pool } from 'pg';
const pool = new Pool({ max: 20 });
const app = express();
app.get('/users', async (req, res) => {
  const client = await pool.connect();
  try {
    res.json((await client.query('SELECT * FROM users')).rows);
  } finally {
    client.release();
  }
});
`,
      options,
      js: true,
    },
    // Lazily created once: \`if (!pool) pool = new Pool()\`.
    {
      code: `
const { Pool } = require('pg');
let pool;
function getPool() {
  if (!pool) {
    pool = new Pool({ connectionString: process.env.DATABASE_URL });
  }
  return pool;
}
module.exports = { getPool };
`,
      options,
      js: true,
    },
    // A per-tenant cache: looked up, made when missing, stored; and local aliases that go in circles.
    {
      code: `
import { Pool } from 'pg';
const pools = new Map();
export function poolFor(tenant) {
  let pool = pools.get(tenant);
  if (!pool) {
    pool = new Pool({ connectionString: tenant.url });
    pools.set(tenant.id, pool);
  }
  return pool;
}
export function loop() {
  let a = new Pool();
  let b = a;
  a = b;
  pools.set('loop', a);
}
`,
      options,
      js: true,
    },
    // A \`new Client()\` that this function never connects (handed to the caller).
    {
      code: `
import { Client } from 'pg';
export function replicationClient(url: string) {
  return new Client({ connectionString: url, replication: 'database' } as never);
}
`,
      options,
    },
    // Same-named constructors of other libraries: tarn's Pool, an LDAP Client, net.createConnection.
    {
      code: `
import { Pool } from 'tarn';
import { Client } from 'ldapts';
import net from 'net';
export async function handle(req) {
  const workers = new Pool({ create: () => ({}), destroy: () => {}, min: 0, max: 1 });
  const ldap = new Client({ url: 'ldaps://ldap.example.com' });
  await ldap.bind(req.user, req.password);
  const socket = net.createConnection(5432, 'db');
  return { workers, socket };
}
`,
      options,
      js: true,
    },
    // A startup function named by the option.
    {
      code: `
import { Pool } from 'pg';
export async function warmUp() {
  const pool = new Pool();
  await pool.query('SELECT 1');
  return pool;
}
export async function boot() {
  const pool = new Pool();
  await pool.query('SELECT 1');
}
`,
      options: [{ ...options[0], bootstrapFunctions: ['boot'] }],
    },
    // From node-pg-migrate: a function that wraps a client in an object of closures for its caller.
    {
      code: `
import pg from 'pg';
function db(connection, logger = console) {
  const client = new pg.Client(connection);
  const createConnection = () => new Promise((resolve, reject) => client.connect((err) => (err ? reject(err) : resolve())));
  return {
    createConnection,
    query: async (sql) => { await createConnection(); return client.query(sql); },
    close: () => client.end(),
  };
}
export { db };
`,
      options,
      js: true,
    },
  ],
  invalid: [
    // A helper that connects a new Client per call, then a route that calls it.
    {
      code: `
import express from 'express';
import { Client } from 'pg';
async function query(sql, params) {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}
const app = express();
app.get('/orders', async (req, res) => {
  res.json((await query('SELECT * FROM orders', [])).rows);
});
`,
      options,
      js: true,
      errors: [perCall(5, 18, 'new Client()', 'pg', where.runs('query'), 1)],
    },
    // A pool per job.
    {
      code: `
import { Worker } from 'bullmq';
import pg from 'pg';
new Worker('reports', async (job) => {
  const pool = new pg.Pool({ connectionString: job.data.url });
  await pool.query('REFRESH MATERIALIZED VIEW daily_sales');
  await pool.end();
});
`,
      options,
      js: true,
      errors: [perCall(5, 16, 'new pg.Pool()', 'pg', where.callback)],
    },
    // A pool per call of an exported helper; typed: the checker finds Pool in pg.
    {
      code: `
import { Pool } from 'pg';
export async function countUsers(): Promise<number> {
  const pool = new Pool();
  const { rows } = await pool.query('SELECT count(*) FROM users');
  await pool.end();
  return Number(rows[0].count);
}
`,
      options,
      errors: [perCall(4, 16, 'new Pool()', 'pg', where.runs('countUsers'))],
    },
    // Fastify: \`route({ handler })\`.
    {
      code: `
import Fastify from 'fastify';
import { Pool } from 'pg';
const fastify = Fastify();
fastify.route({
  method: 'GET',
  url: '/health',
  handler: async () => {
    const pool = new Pool();
    await pool.query('SELECT 1');
    return { ok: true };
  },
});
`,
      options,
      js: true,
      errors: [perCall(9, 18, 'new Pool()', 'pg', where.route)],
    },
  ],
});
