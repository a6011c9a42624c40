import axios from 'axios';
import pino from 'pino';
import { db } from '../db/knex';

const logger = pino({ name: 'inventory' });
const WAREHOUSE_URL = process.env.WAREHOUSE_URL ?? 'https://warehouse.internal';

export class InventoryService {
  /** Wrong: the warehouse API is called while the stock row is locked. */
  async reserveHoldingLocks(sku: string, quantity: number): Promise<void> {
    await db.transaction(async (trx) => {
      const stock = await trx('stock').where({ sku }).forUpdate().first();
      if (!stock || stock.available < quantity) throw new Error(`Not enough ${sku} in stock`);
      await trx('stock').where({ sku }).decrement('available', quantity);
      logger.info({ sku, quantity }, 'stock reserved');
      await this.notifyWarehouse(sku, quantity); // deliberate: no-io-in-transaction — reaches axios.post() through notifyWarehouse()
    });
  }

  /** Right: a short transaction, logging inside is fine, the warehouse hears about it after commit. */
  async reserve(sku: string, quantity: number): Promise<void> {
    await db.transaction(async (trx) => {
      const stock = await trx('stock').where({ sku }).forUpdate().first();
      if (!stock || stock.available < quantity) throw new Error(`Not enough ${sku} in stock`);
      await trx('stock').where({ sku }).decrement('available', quantity);
      logger.info({ sku, quantity }, 'stock reserved');
    });
    await this.notifyWarehouse(sku, quantity);
  }

  /** Wrong: the movement log is written through `db`, on another connection: it stays when the transfer rolls back. */
  async transferHalfAtomic(sku: string, from: string, to: string, quantity: number): Promise<void> {
    await db.transaction(async (trx) => {
      await trx('stock').where({ sku, warehouse: from }).decrement('available', quantity);
      await trx('stock').where({ sku, warehouse: to }).increment('available', quantity);
      // deliberate: no-outer-client-in-transaction — `db` is not `trx`: the log row is outside the transaction
      await db('stock_movements').insert({ sku, from, to, quantity, at: db.fn.now() });
    });
  }

  /** Right: every write through `trx`; `db.fn.now()` only builds a value. */
  async transfer(sku: string, from: string, to: string, quantity: number): Promise<void> {
    await db.transaction(async (trx) => {
      await trx('stock').where({ sku, warehouse: from }).decrement('available', quantity);
      await trx('stock').where({ sku, warehouse: to }).increment('available', quantity);
      await trx('stock_movements').insert({ sku, from, to, quantity, at: db.fn.now() });
    });
  }

  private async notifyWarehouse(sku: string, quantity: number): Promise<void> {
    await axios.post(`${WAREHOUSE_URL}/reservations`, { sku, quantity });
  }
}
