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
    // Look-alikes: files, a cache, a mutex; and reads through pg-promise.
    {
      code: `
import fs from 'node:fs/promises';
import Redis from 'ioredis';
import pgPromise from 'pg-promise';
const redis = new Redis();
const db = pgPromise()(process.env.DATABASE_URL);
export async function flush(key, mutex) {
  const release = await mutex.acquire();
  await fs.writeFile('/tmp/a', 'x');
  await fs.writeFile('/tmp/b', 'y');
  await redis.del(key);
  await redis.set(key, '1');
  const rows = await db.any('SELECT * FROM t');
  await db.none('UPDATE t SET n = n + 1');
  release();
  return rows;
}
`,
      js: true,
    },
  ],
  invalid: [
    {
      code: `
import pgPromise from 'pg-promise';
const db = pgPromise()(process.env.DATABASE_URL);
export async function enroll(userId, courseId) {
  await db.none('INSERT INTO enrollments(user_id, course_id) VALUES($1, $2)', [userId, courseId]);
  await db.none('UPDATE courses SET seats = seats - 1 WHERE id = $1', [courseId]);
}
`,
      js: true,
      errors: [second(6, 9)],
    },
    {
      code: `
import { Model } from 'objection';
class Person extends Model {}
class Pet extends Model {}
export async function adopt(personId: number, petId: number) {
  await Pet.query().patch({ ownerId: personId }).findById(petId);
  await Person.query().patch({ pets: 1 }).findById(personId);
}
`,
      errors: [second(7, 9)],
    },
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
