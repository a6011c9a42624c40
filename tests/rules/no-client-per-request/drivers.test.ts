import rule from '../../../src/rules/no-client-per-request';
import { runRuleTests } from '../../helpers/rule-tester';
import { options, perCall, where } from './expect';

runRuleTests('no-client-per-request: mysql2, postgres.js, Drizzle, Slonik, pg-promise', rule, {
  valid: [
    // Drizzle over a shared pool, over a platform binding, and postgres.js over a Workers binding.
    {
      code: `
import { drizzle } from 'drizzle-orm/node-postgres';
import { drizzle as d1 } from 'drizzle-orm/d1';
import postgres from 'postgres';
import { pool } from './db';
export default {
  async fetch(request, env) {
    const db = d1(env.DB);
    const sql = postgres(env.HYPERDRIVE.connectionString);
    return new Response(JSON.stringify(await db.select().from(users)));
  },
};
export function scoped() {
  return drizzle(pool);
}
export function withClient() {
  return drizzle({ client: pool });
}
`,
      options,
      js: true,
    },
    // pg-promise: the database object made once.
    {
      code: `
import pgPromise from 'pg-promise';
const pgp = pgPromise();
export const db = pgp(process.env.DATABASE_URL);
`,
      options,
      js: true,
    },
    // mysql2 and slonik at startup.
    {
      code: `
import mysql from 'mysql2/promise';
import { createPool } from 'slonik';
export const pool = mysql.createPool({ uri: process.env.MYSQL_URL, connectionLimit: 10 });
export async function bootstrap() {
  const slonik = await createPool(process.env.DATABASE_URL);
  return slonik;
}
`,
      options,
      js: true,
    },
    // generic-pool's createPool.
    {
      code: `
import genericPool from 'generic-pool';
import { createPool } from 'generic-pool';
export function browsers() {
  return genericPool.createPool({ create: launch, destroy: close }, { max: 2 });
}
export function pages() {
  const pool = createPool({ create: open, destroy: close });
  return pool.acquire();
}
`,
      options,
      js: true,
    },
  ],
  invalid: [
    {
      code: `
import mysql from 'mysql2/promise';
export async function findUser(req, res) {
  const conn = await mysql.createConnection({ uri: process.env.MYSQL_URL });
  const [rows] = await conn.execute('SELECT * FROM users WHERE id = ?', [req.params.id]);
  await conn.end();
  res.json(rows[0]);
}
`,
      options,
      js: true,
      errors: [perCall(4, 22, 'mysql.createConnection()', 'mysql2', where.runs('findUser'), 1)],
    },
    {
      code: `
import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
export async function listOrders() {
  const db = drizzle(postgres(process.env.DATABASE_URL));
  return db.select().from(orders);
}
export async function listUsers() {
  const db = drizzle(process.env.DATABASE_URL);
  return db.select().from(users);
}
`,
      options,
      js: true,
      errors: [
        perCall(5, 22, 'postgres()', 'postgres', where.runs('listOrders')),
        perCall(9, 14, 'drizzle()', 'drizzle', where.runs('listUsers')),
      ],
    },
    {
      code: `
import { createPool, sql } from 'slonik';
export class ReportJob {
  async run() {
    const pool = await createPool(process.env.DATABASE_URL);
    await pool.query(sql.unsafe\`REFRESH MATERIALIZED VIEW sales\`);
  }
}
`,
      options,
      js: true,
      errors: [perCall(5, 24, 'createPool()', 'slonik', where.method)],
    },
    {
      code: `
const pgp = require('pg-promise')();
async function handler(event) {
  const db = pgp(process.env.DATABASE_URL);
  return db.any('SELECT * FROM events WHERE id = $1', [event.id]);
}
exports.handler = handler;
`,
      options,
      js: true,
      errors: [perCall(4, 14, 'pgp()', 'pg-promise', where.handler)],
    },
  ],
});
