// The reporting database: a plain pg pool, shared by the report queries.
import { Pool } from 'pg';

export const pool = new Pool({
  connectionString: process.env.REPORTING_DATABASE_URL,
  max: 10,
  idleTimeoutMillis: 30_000,
});

/** The report queries' helper: the text goes to the pool as it is, the values as parameters. */
export function runReport(sql: string, params: readonly unknown[] = []) {
  return pool.query(sql, [...params]);
}
