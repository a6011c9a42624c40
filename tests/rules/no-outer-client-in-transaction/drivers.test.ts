import rule from '../../../src/rules/no-outer-client-in-transaction';
import { runRuleTests } from '../../helpers/rule-tester';
import { outer } from './expect';

const pgCode = (client: string) => `
import { Pool } from 'pg';
const pool = new Pool();
export async function transfer(from, to, amount) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('UPDATE accounts SET balance = balance - $1 WHERE id = $2', [amount, from]);
    await ${client}.query('UPDATE accounts SET balance = balance + $1 WHERE id = $2', [amount, to]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
`;

const pgpCode = (client: string) => `
import pgPromise from 'pg-promise';
const pgp = pgPromise();
const db = pgp(process.env.DATABASE_URL);
export async function enroll(userId, courseId) {
  return db.tx('enroll', async (t) => {
    await t.none('INSERT INTO enrollments(user_id, course_id) VALUES($1, $2)', [userId, courseId]);
    return ${client}.one('UPDATE courses SET seats = seats - 1 WHERE id = $1 RETURNING seats', [courseId]);
  });
}
`;

runRuleTests('no-outer-client-in-transaction: pg, mysql2, pg-promise, slonik, postgres.js', rule, {
  valid: [
    // pg: everything on the checked-out client; the pool after COMMIT.
    {
      code: `
import { Pool } from 'pg';
const pool = new Pool();
export async function audit(id) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('UPDATE t SET n = n + 1 WHERE id = $1', [id]);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
  await pool.query('SELECT 1');
}
`,
      js: true,
    },
    // postgres.js: sql(rows) fragments inside the transaction's query; slonik through the connection.
    `
import postgres from 'postgres';
import { createPool, sql as s } from 'slonik';
const sql = postgres();
const pool = await createPool('postgres://');
export async function load(rows: { id: number }[]) {
  await sql.begin(async (tx) => {
    await tx\`insert into items \${sql(rows, 'id')}\`;
  });
  await pool.transaction(async (connection) => {
    await connection.query(s.unsafe\`DELETE FROM staging\`);
  });
}
`,
  ],
  invalid: [
    {
      code: pgCode('pool'),
      js: true,
      errors: [
        outer(9, 11, {
          call: 'pool.query()',
          client: 'pool',
          by: "client.query('BEGIN')",
          line: 7,
          library: 'pg',
          handle: 'client',
          output: pgCode('client'),
        }),
      ],
    },
    {
      code: `
import mysql from 'mysql2/promise';
const pool = mysql.createPool({});
export async function move(id: number) {
  const conn = await pool.getConnection();
  await conn.beginTransaction();
  try {
    await conn.execute('UPDATE a SET x = 1 WHERE id = ?', [id]);
    await pool.execute('UPDATE b SET y = 1 WHERE id = ?', [id]);
    await conn.commit();
  } catch (error) {
    await conn.rollback();
    throw error;
  } finally {
    conn.release();
  }
}
`,
      errors: [outer(9, 11, { call: 'pool.execute()', client: 'pool', by: 'conn.beginTransaction()', line: 6, library: 'mysql2', handle: 'conn' })],
    },
    {
      code: pgpCode('db'),
      js: true,
      errors: [
        outer(8, 12, { call: 'db.one()', client: 'db', by: 'db.tx()', line: 6, library: 'pg-promise', handle: 't', output: pgpCode('t') }),
      ],
    },
    {
      code: `
import { createPool, sql } from 'slonik';
const pool = await createPool('postgres://');
export async function close(id: number) {
  await pool.transaction(async (connection) => {
    await connection.query(sql.unsafe\`UPDATE tickets SET closed = true WHERE id = \${id}\`);
    await pool.query(sql.unsafe\`DELETE FROM ticket_locks WHERE ticket_id = \${id}\`);
  });
}
`,
      errors: [
        outer(7, 11, {
          call: 'pool.query()',
          client: 'pool',
          by: 'pool.transaction()',
          line: 5,
          library: 'slonik',
          handle: 'connection',
          output: `
import { createPool, sql } from 'slonik';
const pool = await createPool('postgres://');
export async function close(id: number) {
  await pool.transaction(async (connection) => {
    await connection.query(sql.unsafe\`UPDATE tickets SET closed = true WHERE id = \${id}\`);
    await connection.query(sql.unsafe\`DELETE FROM ticket_locks WHERE ticket_id = \${id}\`);
  });
}
`,
        }),
      ],
    },
    {
      code: `
import postgres from 'postgres';
const sql = postgres();
export async function rename(id, name) {
  await sql.begin(async (tx) => {
    await tx\`update users set name = \${name} where id = \${id}\`;
    await sql\`insert into audit \${sql({ id, what: 'rename' })}\`;
  });
}
`,
      js: true,
      errors: [
        outer(7, 11, {
          call: 'sql`…`',
          client: 'sql',
          by: 'sql.begin()',
          line: 5,
          library: 'postgres',
          handle: 'tx',
          output: `
import postgres from 'postgres';
const sql = postgres();
export async function rename(id, name) {
  await sql.begin(async (tx) => {
    await tx\`update users set name = \${name} where id = \${id}\`;
    await tx\`insert into audit \${sql({ id, what: 'rename' })}\`;
  });
}
`,
        }),
      ],
    },
  ],
});
