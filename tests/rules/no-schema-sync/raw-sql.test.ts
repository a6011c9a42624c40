import rule from '../../../src/rules/no-schema-sync';
import { runRuleTests } from '../../helpers/rule-tester';
import { cases } from './expect';

runRuleTests('no-schema-sync: raw DDL (pg, mysql2, better-sqlite3, postgres.js, Prisma, Drizzle)', rule, {
  valid: [
    // Data statements, temporary tables and transactions are not schema changes.
    {
      code: `
import { Pool } from 'pg';
const pool = new Pool();
export async function report() {
  await pool.query('CREATE TEMP TABLE scratch AS SELECT * FROM orders');
  await pool.query('INSERT INTO audit (kind) VALUES ($1)', ['login']);
  await pool.query("SELECT 'CREATE TABLE' AS example");
  return pool.query('BEGIN');
}
`,
      js: true,
    },
    // A look-alike: SQL-ish text that an HTTP client posts, and a DDL string never run.
    {
      code: `
import axios from 'axios';
const EXAMPLE = 'CREATE TABLE demo (id int)';
export const explain = () => axios.post('/explain', { sql: EXAMPLE });
export const describe = (text: string) => text.replace('CREATE TABLE', 'create table');
`,
    },
    // A hand-written migration runner creates its own bookkeeping table, then runs migration files.
    {
      code: `
import { Pool } from 'pg';
const pool = new Pool();
export async function migrate(files: { name: string; sql: string }[]) {
  await pool.query('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz DEFAULT now())');
  await pool.query(\`CREATE TABLE IF NOT EXISTS "public"."knex_migrations_lock" (id int)\`);
  for (const file of files) await pool.query(file.sql);
}
`,
    },
    // DDL in a file of SQL strings that nothing runs here.
    {
      code: `
export const schema = \`
  CREATE TABLE IF NOT EXISTS users (id integer primary key);
\`;
`,
      js: true,
    },
  ],
  invalid: cases([
    {
      code: `
import { Pool } from 'pg';
const pool = new Pool();
const DDL = \`
  -- the audit table
  CREATE TABLE IF NOT EXISTS audit (id serial primary key, kind text)
\`;
export async function start() {
  await pool.query(DDL);
  await pool.query('ALTER TABLE orders ADD COLUMN note text');
  await pool.query('CREATE TABLE migration_notes (id int)');
}
`,
      js: true,
      errors: [
        { messageId: 'ddl', line: 9, column: 14, data: { call: 'pool.query()', statement: 'CREATE TABLE', advice: '' } },
        { messageId: 'ddl', line: 10, column: 14 },
        { messageId: 'ddl', line: 11, column: 14 },
      ],
    },
    {
      code: `
const Database = require('better-sqlite3');
const db = new Database('app.db');
db.pragma('journal_mode = WAL');
db.exec('PRAGMA foreign_keys = ON; CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, body TEXT)');
db.prepare('CREATE INDEX IF NOT EXISTS notes_body ON notes (body)').run();
module.exports = db;
`,
      js: true,
      errors: [
        { messageId: 'ddl', line: 5, column: 4, data: { call: 'db.exec()', statement: 'CREATE TABLE', advice: '' } },
        { messageId: 'ddl', line: 6, column: 4 },
      ],
    },
    {
      code: `
import mysql from 'mysql2/promise';
export async function init() {
  const conn = await mysql.createConnection({ host: 'localhost' });
  await conn.execute('DROP TABLE IF EXISTS sessions');
}
`,
      js: true,
      errors: [{ messageId: 'ddl', line: 5, column: 14 }],
    },
    // postgres.js tagged templates, Prisma, Drizzle.
    {
      code: `
import postgres from 'postgres';
import { PrismaClient } from '@prisma/client';
import { drizzle } from 'drizzle-orm/node-postgres';
import { sql as dsql } from 'drizzle-orm';
const sql = postgres(process.env.DATABASE_URL);
const prisma = new PrismaClient();
const db = drizzle(process.env.DATABASE_URL);
export async function init() {
  await sql\`CREATE TABLE IF NOT EXISTS jobs (id bigserial primary key)\`;
  await prisma.$executeRawUnsafe('ALTER TABLE "User" ADD COLUMN "bio" text');
  await db.execute(dsql\`CREATE INDEX jobs_id ON jobs (id)\`);
}
`,
      js: true,
      errors: [
        { messageId: 'ddl', line: 10, column: 9 },
        { messageId: 'ddl', line: 11, column: 16 },
        { messageId: 'ddl', line: 12, column: 12 },
      ],
    },
  ]),
});
