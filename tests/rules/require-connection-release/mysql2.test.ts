import rule from '../../../src/rules/require-connection-release';
import { runRuleTests } from '../../helpers/rule-tester';
import { leak } from './expect';

runRuleTests('require-connection-release: mysql2', rule, {
  valid: [
    // mysql2/promise: release in finally.
    {
      code: `
import mysql from 'mysql2/promise';
const pool = mysql.createPool({ host: 'db', user: 'app', database: 'shop', connectionLimit: 10 });
export async function placeOrder(userId, items) {
  const conn = await pool.getConnection();
  try {
    await conn.beginTransaction();
    await conn.execute('INSERT INTO orders (user_id) VALUES (?)', [userId]);
    await conn.commit();
  } catch (error) {
    await conn.rollback();
    throw error;
  } finally {
    conn.release();
  }
}
`,
      js: true,
    },
    // The callback API, released in the query's callback (that callback owns it), and \`pool.releaseConnection(conn)\`.
    {
      code: `
const mysql = require('mysql2');
const pool = mysql.createPool({ host: 'db', connectionLimit: 5 });
function lookup(id, cb) {
  pool.getConnection((err, conn) => {
    if (err) return cb(err);
    conn.query('SELECT * FROM users WHERE id = ?', [id], (error, rows) => {
      conn.release();
      cb(error, rows);
    });
  });
}
async function count() {
  const conn = await pool.promise().getConnection();
  try {
    const [rows] = await conn.query('SELECT COUNT(*) AS n FROM users');
    return rows;
  } finally {
    pool.releaseConnection(conn);
  }
}
module.exports = { lookup, count };
`,
      js: true,
    },
    // \`destroy()\` also takes it out of the pool's books.
    `
import mysql from 'mysql2/promise';
const pool = mysql.createPool({ connectionLimit: 4 });
export async function kill() {
  const conn = await pool.getConnection();
  try {
    await conn.query('KILL QUERY 42');
  } finally {
    conn.destroy();
  }
}
`,
    // TypeORM's legacy \`getConnection()\` is a function, not a pool's checkout.
    `
import { getConnection } from 'typeorm';
export async function users() {
  const connection = getConnection();
  return connection.query('SELECT * FROM users');
}
`,
  ],
  invalid: [
    {
      code: `
import mysql from 'mysql2/promise';
const pool = mysql.createPool({ host: 'db', connectionLimit: 10 });
export async function findUser(id) {
  const conn = await pool.getConnection();
  const [rows] = await conn.execute('SELECT * FROM users WHERE id = ?', [id]);
  conn.release();
  return rows[0];
}
`,
      js: true,
      errors: [leak('releaseSkippedByThrow', 5, 22, 'pool.getConnection()', 'mysql2', 6)],
    },
    {
      code: `
import { createPool } from 'mysql2/promise';
const pool = createPool({ connectionLimit: 10 });
export async function exportUsers() {
  const conn = await pool.getConnection();
  const [rows] = await conn.query('SELECT * FROM users');
  return rows;
}
`,
      js: true,
      errors: [leak('neverReleased', 5, 22, 'pool.getConnection()', 'mysql2')],
    },
    // The callback form: an early return that skips the release.
    {
      code: `
const mysql = require('mysql2');
const pool = mysql.createPool({ connectionLimit: 5 });
function check(id, cb) {
  pool.getConnection((err, conn) => {
    if (err) return cb(err);
    if (!id) return cb(new Error('no id'));
    conn.release();
    cb(null);
  });
}
module.exports = { check };
`,
      js: true,
      errors: [leak('releaseSkippedByReturn', 5, 3, 'pool.getConnection()', 'mysql2', 7)],
    },
  ],
});
