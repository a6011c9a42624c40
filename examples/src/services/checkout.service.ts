import type { Transporter } from 'nodemailer';
import type { DataSource } from 'typeorm';
import { Order } from '../typeorm/entities/Order';
import { OrderItem } from '../typeorm/entities/OrderItem';

const PAYMENTS_URL = process.env.PAYMENTS_URL ?? 'https://payments.internal';

export interface CartLine {
  productId: string;
  quantity: number;
  unitPriceCents: number;
}

export interface CartSnapshot {
  customerId: string;
  email: string;
  lines: CartLine[];
}

export class CheckoutService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Transporter,
  ) {}

  /** Wrong: the payment API and the e-mail run while the order rows are locked. */
  async placeOrderHoldingLocks(cart: CartSnapshot): Promise<Order> {
    return this.dataSource.transaction(async (manager) => {
      const order = await manager.save(manager.create(Order, { customer: { id: cart.customerId }, totalCents: totalOf(cart) }));
      await manager.save(cart.lines.map((line) => manager.create(OrderItem, { ...line, order, product: { id: line.productId } })));
      const body = JSON.stringify({ orderId: order.id, amountCents: order.totalCents });
      const charge = await fetch(`${PAYMENTS_URL}/charges`, { method: 'POST', body }); // deliberate: no-io-in-transaction — the payment API holds the transaction open
      if (!charge.ok) throw new Error(`Payment for order ${order.id} was declined`);
      await this.sendConfirmation(order, cart.email); // deliberate: no-io-in-transaction — reaches this.mailer.sendMail() through sendConfirmation()
      return order;
    });
  }

  /** Right: authorise the payment first, write in a short transaction, e-mail after commit. */
  async placeOrder(cart: CartSnapshot): Promise<Order> {
    const body = JSON.stringify({ customerId: cart.customerId, amountCents: totalOf(cart) });
    const charge = await fetch(`${PAYMENTS_URL}/authorizations`, { method: 'POST', body });
    if (!charge.ok) throw new Error('Payment was declined');
    const { authorizationId } = (await charge.json()) as { authorizationId: string };

    const order = await this.dataSource.transaction(async (manager) => {
      const created = await manager.save(
        manager.create(Order, { customer: { id: cart.customerId }, totalCents: totalOf(cart), status: 'paid' }),
      );
      await manager.save(cart.lines.map((line) => manager.create(OrderItem, { ...line, order: created, product: { id: line.productId } })));
      await manager.query('INSERT INTO payment_authorizations ("orderId", "authorizationId") VALUES ($1, $2)', [created.id, authorizationId]);
      return created;
    });

    await this.sendConfirmation(order, cart.email);
    return order;
  }

  private async sendConfirmation(order: Order, email: string): Promise<void> {
    await this.mailer.sendMail({
      to: email,
      subject: `Order ${order.id} confirmed`,
      text: `Thank you! We received your order of ${(order.totalCents / 100).toFixed(2)} EUR.`,
    });
  }
}

function totalOf(cart: CartSnapshot): number {
  return cart.lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0);
}
