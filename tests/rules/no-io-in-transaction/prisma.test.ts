// Prisma's client types exist only after `prisma generate`, which cannot run here: Prisma is covered by
// the import tier (`new PrismaClient()` in the file) and by shape (`$transaction` on a client from another
// file). In typed mode the unresolved client type is `any`, so both cases take the same path.
import rule from '../../../src/rules/no-io-in-transaction';
import { runRuleTests } from '../../helpers/rule-tester';
import { io, through } from './expect';

runRuleTests('no-io-in-transaction: Prisma', rule, {
  valid: [
    // The right pattern: fetch first, then write.
    `
import { PrismaClient } from '@prisma/client';
import axios from 'axios';
const prisma = new PrismaClient();
export async function chargeAndRecord(orderId: number) {
  const { data: charge } = await axios.post('https://payments.example.com/charges', { orderId });
  await prisma.$transaction(async (tx) => {
    await tx.order.update({ where: { id: orderId }, data: { chargeId: charge.id, status: 'PAID' } });
    await tx.payment.create({ data: { orderId, amount: charge.amount } });
  });
  await axios.post('https://hooks.example.com/paid', { orderId });
}
`,
    // The array form holds no callback: nothing runs between its queries.
    `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function transfer(from: number, to: number, amount: number) {
  const rate = await fetch('https://fx.example.com/eur').then((r) => r.json());
  await prisma.$transaction([
    prisma.account.update({ where: { id: from }, data: { balance: { decrement: amount * rate } } }),
    prisma.account.update({ where: { id: to }, data: { balance: { increment: amount * rate } } }),
  ]);
}
`,
    // Database work, logging and computation inside: all fine.
    {
      code: `
import { prisma } from './prisma';
import pino from 'pino';
const logger = pino();
export async function close(id: number) {
  return prisma.$transaction(async (tx) => {
    const order = await tx.order.findUniqueOrThrow({ where: { id } });
    const total = order.lines.reduce((sum, line) => sum + line.price * line.quantity, 0);
    logger.info({ id, total }, 'closing order');
    console.log('closing', id);
    await tx.$executeRaw\`UPDATE orders SET total = \${total} WHERE id = \${id}\`;
    return tx.order.update({ where: { id }, data: { status: 'CLOSED', total } });
  }, { timeout: 5000 });
}
`,
      js: false,
    },
  ],
  invalid: [
    {
      code: `
import { PrismaClient } from '@prisma/client';
import axios from 'axios';
const prisma = new PrismaClient();
export async function checkout(userId: number, cartId: number) {
  return prisma.$transaction(async (tx) => {
    const order = await tx.order.create({ data: { userId, cartId } });
    const { data } = await axios.post('https://payments.example.com/charges', { orderId: order.id });
    await tx.order.update({ where: { id: order.id }, data: { chargeId: data.id } });
    await fetch('https://hooks.example.com/order-created', { method: 'POST', body: JSON.stringify(order) });
    return order;
  });
}
`,
      errors: [
        io(8, 28, 'axios.post()', 'axios', { by: 'prisma.$transaction()', line: 6 }),
        io(10, 11, 'fetch()', 'fetch', { by: 'prisma.$transaction()', line: 6 }),
      ],
    },
    // The client comes from the user's own module: recognised by shape (`$transaction` with a callback).
    {
      code: `
import { prisma } from '../lib/prisma';
import { writeFile } from 'node:fs/promises';
export async function exportInvoice(id: number) {
  await prisma.$transaction(
    async (tx) => {
      const invoice = await tx.invoice.update({ where: { id }, data: { exportedAt: new Date() } });
      await writeFile(\`/exports/\${id}.json\`, JSON.stringify(invoice));
    },
    { isolationLevel: 'Serializable', timeout: 10000 },
  );
}
`,
      errors: [io(8, 13, 'writeFile()', 'node-fs', { by: 'prisma.$transaction()', line: 5 })],
    },
    // Through a helper of the same file, with the path in the message.
    {
      code: `
const { PrismaClient } = require('@prisma/client');
const prisma = new PrismaClient();

async function sendReceipt(order) {
  await fetch('https://mail.example.com/send', { method: 'POST', body: JSON.stringify(order) });
}

async function placeOrder(input) {
  await prisma.$transaction(async (tx) => {
    const order = await tx.order.create({ data: input });
    await sendReceipt(order);
  });
}
module.exports = { placeOrder };
`,
      js: true,
      errors: [
        through(12, 11, 'sendReceipt()', ['fetch()'], 'fetch', { by: 'prisma.$transaction()', line: 10 }),
      ],
    },
    // An extended client is still a client.
    {
      code: `
import { PrismaClient } from '@prisma/client';
import Redis from 'ioredis';
const redis = new Redis();
const prisma = new PrismaClient().$extends({});
export async function reserve(sku: string) {
  await prisma.$transaction(async (tx) => {
    await tx.stock.update({ where: { sku }, data: { reserved: { increment: 1 } } });
    await redis.del(\`stock:\${sku}\`);
  });
}
`,
      errors: [io(9, 11, 'redis.del()', 'ioredis', { by: 'prisma.$transaction()', line: 7 })],
    },
  ],
});
