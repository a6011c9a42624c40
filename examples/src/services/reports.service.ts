import { writeFile } from 'node:fs/promises';
import { pool } from '../db/pool';

export interface SalesRow {
  day: string;
  orders: number;
  revenue_cents: number;
}

/** Parameterised: the dates travel apart from the SQL text. */
export async function salesBetween(from: Date, to: Date): Promise<SalesRow[]> {
  const { rows } = await pool.query<SalesRow>(
    'SELECT day, orders, revenue_cents FROM daily_sales WHERE day BETWEEN $1 AND $2 ORDER BY day',
    [from, to],
  );
  return rows;
}

/** One placeholder per store, built from indexes: no value is spliced into the text. */
export async function revenueByStore(storeIds: number[]): Promise<{ store_id: number; revenue_cents: number }[]> {
  const placeholders = storeIds.map((_, i) => `$${i + 1}`).join(', ');
  const { rows } = await pool.query(
    `SELECT store_id, SUM(revenue_cents) AS revenue_cents FROM daily_sales WHERE store_id IN (${placeholders}) GROUP BY store_id`,
    storeIds,
  );
  return rows;
}

export async function topProducts(category: string): Promise<{ product_id: string; sold: number }[]> {
  const { rows } = await pool.query(
    // deliberate: no-interpolated-sql — the category comes straight from the request's query string
    `SELECT product_id, SUM(quantity) AS sold FROM order_lines WHERE category = '${category}' GROUP BY product_id ORDER BY sold DESC LIMIT 10`,
  );
  return rows;
}

/** Exports one day of sales as CSV, from one consistent snapshot. */
export async function exportDailySales(day: string, path: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<SalesRow>('SELECT day, orders, revenue_cents FROM daily_sales WHERE day = $1', [day]);
    await writeFile(path, toCsv(rows)); // deliberate: no-io-in-transaction — a disk write while the transaction holds its connection
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

function toCsv(rows: SalesRow[]): string {
  const lines = rows.map((row) => [row.day, row.orders, row.revenue_cents].join(','));
  return ['day,orders,revenue_cents', ...lines].join('\n');
}

/** Wrong: a failed insert leaves the transaction open on a pooled connection that is never released. */
export async function rebuildDailySalesUnsafe(day: string): Promise<void> {
  const client = await pool.connect(); // deliberate: require-connection-release — a throw before `client.release()` keeps the connection out of the pool
  await client.query('BEGIN'); // deliberate: require-transaction-end — no ROLLBACK when the insert throws
  await client.query('DELETE FROM daily_sales WHERE day = $1', [day]);
  await client.query('INSERT INTO daily_sales SELECT * FROM sales_rollup WHERE day = $1', [day]);
  await client.query('COMMIT');
  client.release();
}

/** Right: COMMIT after the work, ROLLBACK on failure, the client released whatever happens. */
export async function rebuildDailySales(day: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('DELETE FROM daily_sales WHERE day = $1', [day]);
    await client.query('INSERT INTO daily_sales SELECT * FROM sales_rollup WHERE day = $1', [day]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
