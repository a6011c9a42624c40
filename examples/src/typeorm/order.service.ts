import type { DataSource, Repository } from 'typeorm';
import { Order, type OrderStatus } from './entities/Order';

export class OrderService {
  private readonly orders: Repository<Order>;

  constructor(private readonly dataSource: DataSource) {
    this.orders = dataSource.getRepository(Order);
  }

  /** The order page shows the customer and every line with its product: loaded for this query only. */
  findForOrderPage(id: string): Promise<Order | null> {
    return this.orders.findOne({
      where: { id },
      relations: { customer: true, items: { product: true } },
    });
  }

  /** The customer's order history, newest first, with the lines joined in the QueryBuilder. */
  listForCustomer(customerId: string, page: number): Promise<Order[]> {
    return this.orders
      .createQueryBuilder('order')
      .leftJoinAndSelect('order.items', 'item')
      .where('order.customerId = :customerId', { customerId })
      .orderBy('order.createdAt', 'DESC')
      .skip(page * 20)
      .take(20)
      .getMany();
  }

  countByStatus(status: OrderStatus): Promise<number> {
    return this.orders.count({ where: { status } });
  }

  /** Support staff search orders by the customer's e-mail. */
  searchByEmail(email: string): Promise<Order[]> {
    return this.orders
      .createQueryBuilder('order')
      .innerJoinAndSelect('order.customer', 'customer')
      .where(`customer.email = '${email}'`) // deliberate: no-interpolated-sql — the e-mail is spliced into the QueryBuilder's where
      .getMany();
  }

  /** Daily totals straight from SQL: parameterised. */
  async totalsSince(since: Date): Promise<{ day: string; total_cents: number }[]> {
    return this.dataSource.query(
      'SELECT date_trunc(\'day\', "createdAt") AS day, SUM("totalCents") AS total_cents FROM orders WHERE "createdAt" >= $1 GROUP BY 1 ORDER BY 1',
      [since],
    );
  }

  /** Wrong: the status and the history row are two writes with nothing holding them together. */
  async cancelHalfAtomic(id: string): Promise<void> {
    await this.orders.update(id, { status: 'cancelled' });
    // deliberate: require-multi-write-transaction — if this insert fails, the order stays cancelled with no history row
    await this.dataSource.query('INSERT INTO order_history ("orderId", "status") VALUES ($1, $2)', [id, 'cancelled']);
  }

  /** Right: both writes in one transaction, through its manager. */
  async cancel(id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.update(Order, id, { status: 'cancelled' });
      await manager.query('INSERT INTO order_history ("orderId", "status") VALUES ($1, $2)', [id, 'cancelled']);
    });
  }
}
