import rule from '../../../src/rules/require-multi-write-transaction';
import { runRuleTests } from '../../helpers/rule-tester';

const second = (line: number, column: number) => ({ messageId: 'secondWrite' as const, line, column });
const loop = (line: number, column: number) => ({ messageId: 'writeInLoop' as const, line, column });

runRuleTests('require-multi-write-transaction: ORMs', rule, {
  valid: [
    // Prisma: in a transaction; one bulk write; reads; writes to two databases.
    {
      code: `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
const analytics = new PrismaClient({ datasourceUrl: process.env.ANALYTICS_URL });
export async function place(userId, items) {
  const user = await prisma.user.findUnique({ where: { id: userId } });
  await prisma.$transaction(async (tx) => {
    await tx.order.create({ data: { userId } });
    await tx.stock.updateMany({ where: { sku: { in: items } }, data: { reserved: true } });
  });
  await prisma.orderItem.createMany({ data: items.map((sku) => ({ sku })) });
  await analytics.event.create({ data: { type: 'order', userId } });
  return user;
}
`,
      js: true,
    },
    // A helper handed the transaction by its caller; a @Transactional() method.
    `
import { Sequelize, Model, Transaction } from 'sequelize';
class Order extends Model {}
class Payment extends Model {}
export async function pay(orderId: number, t: Transaction) {
  await Order.update({ paid: true }, { where: { id: orderId }, transaction: t });
  await Payment.create({ orderId }, { transaction: t });
}
class Transactional { }
export class Billing {
  @Transactional()
  async bill(orderId: number) {
    await Order.update({ billed: true }, { where: { id: orderId } });
    await Payment.create({ orderId });
  }
}
`,
    // A Map named db: not a database.
    {
      code: `
const db = new Map();
export async function forget(a, b) {
  await db.delete(a);
  await db.delete(b);
}
`,
      js: true,
    },
    // Knex: a trx handed in; the pair in knex.transaction().
    `
import knex from 'knex';
const db = knex({ client: 'pg' });
export async function move(trx: unknown, id: number) {
  await db('a').where({ id }).del().transacting(trx as never);
  await db('b').insert({ id }).transacting(trx as never);
}
export async function copy(id: number) {
  await db.transaction(async (trx) => {
    await trx('a').where({ id }).del();
    await trx('b').insert({ id });
  });
}
`,
  ],
  invalid: [
    {
      code: `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function transfer(from, to, amount) {
  await prisma.account.update({ where: { id: from }, data: { balance: { decrement: amount } } });
  await prisma.account.update({ where: { id: to }, data: { balance: { increment: amount } } });
}
`,
      js: true,
      errors: [second(6, 9)],
    },
    {
      code: `
import knex from 'knex';
const db = knex({ client: 'pg' });
export async function archive(ids: number[]) {
  for (const id of ids) {
    await db('orders').where({ id }).update({ archived: true });
  }
}
`,
      errors: [loop(6, 11)],
    },
    {
      code: `
import { Sequelize, Model } from 'sequelize';
const sequelize = new Sequelize('sqlite::memory:');
class Cart extends Model {}
class CartItem extends Model {}
export async function clear(cartId) {
  await CartItem.destroy({ where: { cartId } });
  await Cart.update({ total: 0 }, { where: { id: cartId } });
}
`,
      js: true,
      errors: [second(8, 9)],
    },
    {
      code: `
import { DataSource, Repository } from 'typeorm';
class Order { id!: number; }
class Payment { id!: number; }
export class CheckoutService {
  constructor(private readonly orders: Repository<Order>, private readonly payments: Repository<Payment>, private readonly ds: DataSource) {}
  async pay(id: number) {
    await this.payments.insert({ id });
    await this.orders.update(id, {});
  }
}
`,
      errors: [second(9, 11)],
    },
    {
      code: `
import { drizzle } from 'drizzle-orm/node-postgres';
import { Kysely } from 'kysely';
import { users, audit } from './schema';
const db = drizzle(process.env.DATABASE_URL);
const k = new Kysely({});
export async function rename(id, name) {
  await db.update(users).set({ name });
  await db.insert(audit).values({ id, what: 'rename' });
}
export async function renameK(id, name) {
  await k.updateTable('person').set({ name }).where('id', '=', id).execute();
  await k.insertInto('audit').values({ id }).execute();
}
`,
      js: true,
      errors: [second(9, 9), second(13, 9)],
    },
    // MikroORM: each flush commits on its own.
    {
      code: `
import { MikroORM } from '@mikro-orm/postgresql';
const orm = await MikroORM.init({});
export async function twice(book: object, author: object) {
  const em = orm.em.fork();
  em.persist(book);
  await em.flush();
  em.persist(author);
  await em.flush();
}
`,
      errors: [second(9, 9)],
    },
  ],
});
