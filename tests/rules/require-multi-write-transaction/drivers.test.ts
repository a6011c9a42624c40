import rule from '../../../src/rules/require-multi-write-transaction';
import { runRuleTests } from '../../helpers/rule-tester';

const second = (line: number, column: number) => ({ messageId: 'secondWrite' as const, line, column });

runRuleTests('require-multi-write-transaction: drivers', rule, {
  valid: [
    // pg: BEGIN … COMMIT on a checked-out client; a read and a write.
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
export async function touch(id) {
  const { rows } = await pool.query('SELECT * FROM t WHERE id = $1', [id]);
  await pool.query('UPDATE t SET seen = now() WHERE id = $1', [id]);
  return rows;
}
`,
      js: true,
    },
  ],
  invalid: [
    // BEGIN through the pool holds nothing together.
    {
      code: `
import { Pool } from 'pg';
const pool = new Pool();
export async function transfer(from, to, amount) {
  await pool.query('BEGIN');
  await pool.query('UPDATE accounts SET balance = balance - $1 WHERE id = $2', [amount, from]);
  await pool.query('UPDATE accounts SET balance = balance + $1 WHERE id = $2', [amount, to]);
  await pool.query('COMMIT');
}
`,
      js: true,
      errors: [second(7, 9)],
    },
    {
      code: `
import mysql from 'mysql2/promise';
const pool = mysql.createPool({});
export async function move(id: number) {
  await pool.execute('DELETE FROM a WHERE id = ?', [id]);
  await pool.execute('INSERT INTO b (id) VALUES (?)', [id]);
}
`,
      errors: [second(6, 9)],
    },
  ],
});
