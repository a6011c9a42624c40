import rule from '../../../src/rules/no-interpolated-sql';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests('no-interpolated-sql: mysql2', rule, {
  valid: [
    `import mysql from 'mysql2/promise';
const pool = mysql.createPool({ host: 'db' });
export async function find(email: string, column: string) {
  await pool.execute('SELECT * FROM users WHERE email = ?', [email]);
  await pool.query(\`SELECT * FROM users ORDER BY \${pool.escapeId(column)}\`);
  await pool.query(\`SELECT * FROM users WHERE email = \${mysql.escape(email)}\`);
  return pool.query(mysql.format('SELECT * FROM ?? WHERE email = ?', [column, email]));
}`,
  ],
  invalid: [
    {
      code: `import mysql from 'mysql2/promise';
const pool = mysql.createPool({ host: 'db' });
export async function find(email: string) {
  const conn = await pool.getConnection();
  return conn.execute(\`SELECT * FROM users WHERE email = '\${email}'\`);
}`,
      errors: [
        {
          messageId: 'interpolated',
          line: 5,
          column: 23,
          data: {
            sink: 'conn.execute',
            hole: 'email',
            line: '5',
            safeForm: 'pass values separately, `conn.execute(sql, values)` with `?` placeholders',
          },
          suggestions: [
            {
              messageId: 'parameterize',
              output: `import mysql from 'mysql2/promise';
const pool = mysql.createPool({ host: 'db' });
export async function find(email: string) {
  const conn = await pool.getConnection();
  return conn.execute('SELECT * FROM users WHERE email = ?', [email]);
}`,
            },
          ],
        },
      ],
    },
    {
      code: `const mysql = require('mysql2');
const connection = mysql.createConnection({ host: 'db' });
exports.find = (req, cb) => connection.query("SELECT * FROM users WHERE id = " + req.params.id, cb);`,
      js: true,
      errors: [{ messageId: 'interpolated', line: 3, column: 46, suggestions: [] }],
    },
  ],
});

runRuleTests('no-interpolated-sql: better-sqlite3', rule, {
  valid: [
    `import Database from 'better-sqlite3';
const db = new Database('app.db');
export function find(email: string) {
  db.exec('CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, email TEXT)');
  return db.prepare('SELECT * FROM users WHERE email = ?').get(email);
}`,
  ],
  invalid: [
    {
      code: `import Database from 'better-sqlite3';
const db = new Database('app.db');
export function find(email: string) {
  db.exec(\`DELETE FROM sessions WHERE email = '\${email}'\`);
  return db.prepare(\`SELECT * FROM users WHERE email = '\${email}'\`).get();
}`,
      errors: [
        { messageId: 'interpolated', line: 4, column: 11, suggestions: [] },
        {
          messageId: 'interpolated',
          line: 5,
          column: 21,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `import Database from 'better-sqlite3';
const db = new Database('app.db');
export function find(email: string) {
  db.exec(\`DELETE FROM sessions WHERE email = '\${email}'\`);
  return db.prepare('SELECT * FROM users WHERE email = ?').get(email);
}`,
            },
          ],
        },
      ],
    },
  ],
});

runRuleTests('no-interpolated-sql: pg-promise', rule, {
  valid: [
    `import pgPromise from 'pg-promise';
const pgp = pgPromise();
const db = pgp(process.env.DATABASE_URL!);
export async function find(email: string, column: string) {
  await db.any('SELECT * FROM users WHERE email = $1', [email]);
  return db.any(\`SELECT * FROM users ORDER BY \${pgp.as.name(column)}\`);
}`,
  ],
  invalid: [
    {
      code: `import pgPromise from 'pg-promise';
const pgp = pgPromise();
const db = pgp(process.env.DATABASE_URL!);
export async function find(email: string) {
  await db.any(\`SELECT * FROM users WHERE email = '\${email}'\`);
  return db.tx(async (t) => t.none('DELETE FROM sessions WHERE email = ' + email));
}`,
      errors: [
        {
          messageId: 'interpolated',
          line: 5,
          column: 16,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `import pgPromise from 'pg-promise';
const pgp = pgPromise();
const db = pgp(process.env.DATABASE_URL!);
export async function find(email: string) {
  await db.any('SELECT * FROM users WHERE email = $1', [email]);
  return db.tx(async (t) => t.none('DELETE FROM sessions WHERE email = ' + email));
}`,
            },
          ],
        },
        {
          messageId: 'interpolated',
          line: 6,
          column: 36,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `import pgPromise from 'pg-promise';
const pgp = pgPromise();
const db = pgp(process.env.DATABASE_URL!);
export async function find(email: string) {
  await db.any(\`SELECT * FROM users WHERE email = '\${email}'\`);
  return db.tx(async (t) => t.none('DELETE FROM sessions WHERE email = $1', [email]));
}`,
            },
          ],
        },
      ],
    },
  ],
});
