import { Payment } from './models/Payment';
import { Refund } from './models/Refund';

/** The refunds screen shows each refund with its payment: the named scope, for this query. */
export function refundsForOrder(orderId: string): Promise<Refund[]> {
  return Refund.scope('withPayment').findAll({ where: { '$payment.orderId$': orderId } });
}

/** Settlement needs the payments only. */
export function settledPayments(): Promise<Payment[]> {
  return Payment.scope('settled').findAll({ attributes: ['id', 'amountCents'] });
}
