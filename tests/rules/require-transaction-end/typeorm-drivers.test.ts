import rule from '../../../src/rules/require-transaction-end';
import { runRuleTests } from '../../helpers/rule-tester';
import { end } from './expect';

runRuleTests('require-transaction-end: TypeORM, pg, mysql2, MikroORM, Kysely, better-sqlite3', rule, {
  valid: [
    // TypeORM: the documented query runner shape.
    `
import { DataSource } from 'typeorm';
export async function rename(ds: DataSource, id: number, name: string) {
  const queryRunner = ds.createQueryRunner();
  await queryRunner.connect();
  await queryRunner.startTransaction();
  try {
    await queryRunner.manager.update('users', { id }, { name });
    await queryRunner.commitTransaction();
  } catch (error) {
    await queryRunner.rollbackTransaction();
    throw error;
  } finally {
    await queryRunner.release();
  }
}
`,
    // pg: BEGIN inside try, ROLLBACK in catch, release in finally.
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
    // Started only when no transaction is active, and ended under the same flag (TypeORM's own query builders).
    `
import { DataSource } from 'typeorm';
export async function remove(ds: DataSource, sql: string) {
  const queryRunner = ds.createQueryRunner();
  let startedByUs = false;
  try {
    if (queryRunner.isTransactionActive === false) {
      await queryRunner.startTransaction();
      startedByUs = true;
    }
    const result = await queryRunner.query(sql);
    if (startedByUs) await queryRunner.commitTransaction();
    return result;
  } catch (error) {
    if (startedByUs) await queryRunner.rollbackTransaction();
    throw error;
  } finally {
    await queryRunner.release();
  }
}
`,
    // pg: a client handed in by the caller is the caller's to end.
    `
import type { PoolClient } from 'pg';
export async function step(client: PoolClient) {
  await client.query('BEGIN');
  await client.query('UPDATE t SET n = n + 1');
}
`,
    // MikroORM: begin on a fork, commit and rollback.
    `
import { MikroORM } from '@mikro-orm/postgresql';
const orm = await MikroORM.init({});
export async function restock(id: number) {
  const em = orm.em.fork();
  await em.begin();
  try {
    await em.nativeUpdate('Book', { id }, { stock: 10 });
    await em.commit();
  } catch (error) {
    await em.rollback();
    throw error;
  }
}
`,
    // Kysely: a controlled transaction, commit().execute() awaited.
    `
import { Kysely } from 'kysely';
declare const db: Kysely<any>;
export async function rename(id: number, name: string) {
  const trx = await db.startTransaction().execute();
  try {
    await trx.updateTable('person').set({ name }).where('id', '=', id).execute();
    await trx.commit().execute();
  } catch (error) {
    await trx.rollback().execute();
    throw error;
  }
}
`,
    // better-sqlite3 runs statements synchronously: nothing to await.
    {
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
export function bump(id) {
  db.exec('BEGIN');
  try {
    db.prepare('UPDATE counters SET n = n + 1 WHERE id = ?').run(id);
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
`,
      js: true,
    },
  ],
  invalid: [
    // TypeORM: no release in finally.
    {
      code: `
import { DataSource } from 'typeorm';
export async function rename(ds: DataSource, id: number, name: string) {
  const queryRunner = ds.createQueryRunner();
  await queryRunner.startTransaction();
  try {
    await queryRunner.manager.update('users', { id }, { name });
    await queryRunner.commitTransaction();
  } catch (error) {
    await queryRunner.rollbackTransaction();
    throw error;
  }
  await queryRunner.release();
}
`,
      errors: [end('noRelease', 5, 9, 'queryRunner.startTransaction()', 'typeorm', 'startTransaction')],
    },
    // pg: COMMIT without a ROLLBACK path.
    {
      code: `
import { Pool } from 'pg';
const pool = new Pool();
export async function audit(id) {
  const client = await pool.connect();
  await client.query('BEGIN');
  await client.query('UPDATE audit SET n = n + 1 WHERE id = $1', [id]);
  await client.query('COMMIT');
  client.release();
}
`,
      js: true,
      errors: [end('noRollback', 6, 9, "client.query('BEGIN')", 'pg', 'query')],
    },
    // mysql2: the rollback not awaited.
    {
      code: `
import mysql from 'mysql2/promise';
const pool = mysql.createPool({});
export async function move(id: number) {
  const conn = await pool.getConnection();
  await conn.beginTransaction();
  try {
    await conn.execute('UPDATE a SET x = 1 WHERE id = ?', [id]);
    await conn.commit();
  } catch (error) {
    conn.rollback();
    throw error;
  } finally {
    conn.release();
  }
}
`,
      errors: [end('notAwaited', 6, 9, 'conn.beginTransaction()', 'mysql2', 'beginTransaction', { line: 11, end: 'conn.rollback()' })],
    },
    // Kysely: never committed.
    {
      code: `
import { Kysely } from 'kysely';
declare const db: Kysely<any>;
export async function rename(id: number, name: string) {
  const trx = await db.startTransaction().execute();
  await trx.updateTable('person').set({ name }).where('id', '=', id).execute();
}
`,
      errors: [end('noCommit', 5, 21, 'db.startTransaction().execute()', 'kysely', 'startTransaction')],
    },
  ],
});
