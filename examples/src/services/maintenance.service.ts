// Nightly maintenance jobs: they need one connection for several statements, so they check one out
// of the shared pools by hand.
import { pool } from '../db/pool';
import { dataSource } from '../typeorm/data-source';

/** Refreshes the reporting views; the connection goes back in `finally`, whatever happens. */
export async function refreshViews(): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('REFRESH MATERIALIZED VIEW CONCURRENTLY daily_sales');
    await client.query('REFRESH MATERIALIZED VIEW CONCURRENTLY weekly_sales');
  } finally {
    client.release();
  }
}

/** Archives old orders of the reporting database. */
export async function archiveOrders(before: Date): Promise<number> {
  // deliberate: require-connection-release — a failing UPDATE skips `client.release()`, and ten failed nights drain the pool
  const client = await pool.connect();
  const { rowCount } = await client.query('UPDATE orders_report SET archived = true WHERE day < $1', [before]);
  client.release();
  return rowCount ?? 0;
}

/** Recomputes stock counters in the order database. */
export async function recountStock(): Promise<void> {
  // deliberate: require-connection-release — the query runner is never released (typeorm#4866: unresponsive after ten runs)
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  await runner.query('UPDATE products SET stock = (SELECT COALESCE(SUM(quantity), 0) FROM stock_moves WHERE product_id = products.id)');
}
