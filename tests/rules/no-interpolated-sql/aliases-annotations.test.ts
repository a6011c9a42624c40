// Single-file gaps seen on real back ends: sinks called through an alias, TypeScript annotations read
// without type information (values that cannot carry text; parameters typed with a library's class), and
// rows read back from the database spliced into the next statement.
import rule from '../../../src/rules/no-interpolated-sql';
import { runRuleTests } from '../../helpers/rule-tester';

const pgSafeForm = (receiver: string) => `pass values separately, \`${receiver}.query(text, values)\` with \`$1\`, \`$2\` placeholders`;

function suggestion(code: string, from: string, to: string) {
  if (!code.includes(from)) throw new Error(`not in the code: ${from}`);
  return { messageId: 'parameterize' as const, output: code.replace(from, to) };
}

const typedParameters = `
import type { PoolClient } from 'pg';
import type { Knex } from 'knex';
export async function byName(client: PoolClient, qb: Knex.QueryBuilder, name: string) {
  await client.query('SELECT * FROM users WHERE name = ' + "'" + name + "'");
  return qb.whereRaw(\`name = '\${name}'\`);
}`;

const rowsReadBack = `
import { Pool } from 'pg';
import mysql from 'mysql2/promise';
const pool = new Pool();
const conn = mysql.createPool({});
export async function copy() {
  const { rows } = await pool.query('SELECT id, name FROM users');
  for (const row of rows) {
    await pool.query(\`INSERT INTO audit (name) VALUES ('\${row.name}')\`);
  }
  const [users] = await conn.query('SELECT email FROM users');
  await conn.query(\`DELETE FROM invites WHERE email = '\${users[0].email}'\`);
}`;

const unknownBuilder = "export const byStatus = (qb: any, status: string) => qb.whereRaw(`status = '${status}'`);";

runRuleTests('no-interpolated-sql: aliases, annotations, rows read back', rule, {
  valid: [
    // Parameters declared as numbers, booleans or unions of literals carry no quote.
    `
import { Pool } from 'pg';
const pool = new Pool();
export async function page(limit: number, archived: boolean, dir: 'asc' | 'desc', id?: bigint) {
  await pool.query(\`SELECT * FROM orders WHERE archived = \${archived} ORDER BY id \${dir} LIMIT \${limit}\`);
  await pool.query(\`SELECT * FROM orders WHERE id = \${id}\`);
  const offset: number = limit * 2;
  await pool.query(\`SELECT * FROM orders OFFSET \${offset}\`);
}`,
    // An alias of a sink, used with constant text or bound values.
    `
import { Pool } from 'pg';
const pool = new Pool();
const run = pool.query.bind(pool);
export const f = (id: string) => run('SELECT * FROM t WHERE id = $1', [id]);`,
    // A method of something that is not a database client, taken off its object.
    {
      code: `
const { exec } = require('child_process');
export const list = (dir: string) => exec(\`ls \${dir}\`);
const cache = new Map<string, string>();
const { get: query } = cache;
export const g = (key: string) => query(\`SELECT \${key}\`);`,
      js: false,
    },
    // A library-typed parameter with constant clause text.
    `
import type { Knex } from 'knex';
export const active = (qb: Knex.QueryBuilder) => qb.whereRaw('deleted_at IS NULL');`,
    // Rows read back, used as bound values.
    `
import { Pool } from 'pg';
const pool = new Pool();
export async function copy() {
  const { rows } = await pool.query('SELECT id, name FROM users');
  for (const row of rows) await pool.query('INSERT INTO audit (name) VALUES ($1)', [row.name]);
}`,
  ],
  invalid: [
    {
      // The alias declared below the function that calls it: the file is read whole before calls by a plain name are judged.
      code: `
import { Pool } from 'pg';
export async function find(email: string) {
  await run(\`SELECT * FROM users WHERE email = '\${email}'\`);
}
const pool = new Pool();
const run = pool.query.bind(pool);`,
      errors: [{ messageId: 'interpolated', line: 4, column: 13, data: { sink: 'run (pool.query)', hole: 'email', line: '4', safeForm: pgSafeForm('pool') } }],
    },
    {
      // `bind`, a destructured method and a method read off its object: the sink called by another name.
      code: `
import { Pool } from 'pg';
import knex from 'knex';
const pool = new Pool();
const db = knex({ client: 'pg' });
const run = pool.query.bind(pool);
const { query } = pool;
const raw = db.raw;
export async function find(email: string) {
  await run(\`SELECT * FROM users WHERE email = '\${email}'\`);
  await query(\`SELECT * FROM users WHERE email = '\${email}'\`);
  await raw(\`SELECT * FROM users WHERE email = '\${email}'\`);
}`,
      errors: [
        { messageId: 'interpolated', line: 10, column: 13, data: { sink: 'run (pool.query)', hole: 'email', line: '10', safeForm: pgSafeForm('pool') } },
        { messageId: 'interpolated', line: 11, column: 15, data: { sink: 'query (pool.query)', hole: 'email', line: '11', safeForm: pgSafeForm('pool') } },
        { messageId: 'interpolated', line: 12, column: 13 },
      ],
    },
    {
      // A parameter typed with the library's class is that library's object, without type information.
      code: typedParameters,
      errors: [
        {
          messageId: 'interpolated',
          line: 5,
          column: 22,
          data: { sink: 'client.query', hole: 'name', line: '5', safeForm: pgSafeForm('client') },
          suggestions: [suggestion(typedParameters, `'SELECT * FROM users WHERE name = ' + "'" + name + "'"`, `'SELECT * FROM users WHERE name = $1', [name]`)],
        },
        { messageId: 'interpolated', line: 6, column: 22, suggestions: [suggestion(typedParameters, "`name = '${name}'`", `'name = ?', [name]`)] },
      ],
    },
    {
      // Rows read back from the database are data: a stored value can hold a quote (pg, mysql2).
      code: rowsReadBack,
      errors: [
        {
          messageId: 'interpolated',
          line: 9,
          column: 22,
          suggestions: [suggestion(rowsReadBack, "`INSERT INTO audit (name) VALUES ('${row.name}')`", `'INSERT INTO audit (name) VALUES ($1)', [row.name]`)],
        },
        {
          messageId: 'interpolated',
          line: 12,
          column: 20,
          suggestions: [suggestion(rowsReadBack, "`DELETE FROM invites WHERE email = '${users[0].email}'`", `'DELETE FROM invites WHERE email = ?', [users[0].email]`)],
        },
      ],
    },
    {
      // A builder-only raw clause on a builder whose origin is unknown (it came from another module).
      code: unknownBuilder,
      errors: [{ messageId: 'interpolated', line: 1, column: 66, suggestions: [suggestion(unknownBuilder, "`status = '${status}'`", `'status = ?', [status]`)] }],
    },
  ],
});
