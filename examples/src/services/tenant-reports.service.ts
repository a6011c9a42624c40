// Per-tenant reporting databases: each tenant's reports live in a database of its own.
import { Pool } from 'pg';

const tenantPools = new Map<string, Pool>();

/** One pool per tenant for the life of the process: made on first use, then reused. */
export function tenantPool(tenant: string): Pool {
  let pool = tenantPools.get(tenant);
  if (!pool) {
    pool = new Pool({ connectionString: tenantUrl(tenant), max: 5 });
    tenantPools.set(tenant, pool);
  }
  return pool;
}

export async function tenantRevenue(tenant: string): Promise<number> {
  const { rows } = await tenantPool(tenant).query('SELECT SUM(revenue_cents) AS total FROM daily_sales');
  return Number(rows[0]?.total ?? 0);
}

/** The legacy export, written before the pools above: it opens a pool for every export it runs. */
export async function exportTenantOrders(tenant: string): Promise<unknown[]> {
  // deliberate: no-client-per-request — a new pool (and its TCP/TLS handshakes) on every call, never shared
  const pool = new Pool({ connectionString: tenantUrl(tenant), max: 2 });
  try {
    const { rows } = await pool.query('SELECT * FROM orders ORDER BY created_at');
    return rows;
  } finally {
    await pool.end();
  }
}

function tenantUrl(tenant: string): string {
  return `${process.env.TENANT_DATABASE_BASE_URL}/${encodeURIComponent(tenant)}`;
}
