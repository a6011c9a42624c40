// Refunds: the SQL helper, the client and the mailer all live in other files of the shop.
import { db } from '../db/knex';
import { runReport } from '../db/pool';
import { ReceiptMailer } from '../shared/receipts';

export class RefundsService {
  constructor(private readonly mailer: ReceiptMailer) {}

  async refund(orderId: number, email: string, cents: number) {
    await db.transaction(async (trx) => {
      await trx('refunds').insert({ order_id: orderId, cents });
      await trx('orders').where({ id: orderId }).update({ status: 'refunded' });
      await this.mailer.sendRefundReceipt(email, cents); // deliberate: no-io-in-transaction — the mail is sent from ../shared/receipts.ts while the refund's rows stay locked
    });
  }

  async refundAndNotify(orderId: number, email: string, cents: number) {
    // Correct: the receipt goes out once the refund has committed.
    await db.transaction(async (trx) => {
      await trx('refunds').insert({ order_id: orderId, cents });
    });
    await this.mailer.sendRefundReceipt(email, cents);
  }

  byReason(reason: string) {
    // deliberate: no-interpolated-sql — runReport (../db/pool.ts) hands its text to pool.query, and the reason comes from the request
    return runReport(`SELECT order_id, cents FROM refunds WHERE reason = '${reason}'`);
  }

  byOrder(orderId: string) {
    // Correct: the helper's second argument carries the value as a parameter.
    return runReport('SELECT order_id, cents FROM refunds WHERE order_id = $1', [orderId]);
  }
}
