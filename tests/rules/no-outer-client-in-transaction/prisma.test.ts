import rule from '../../../src/rules/no-outer-client-in-transaction';
import { runRuleTests } from '../../helpers/rule-tester';
import { outer } from './expect';

const transfer = (call: string) => `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function transfer(from, to, amount) {
  await prisma.$transaction(async (tx) => {
    await tx.account.update({ where: { id: from }, data: { balance: { decrement: amount } } });
    await ${call}.account.update({ where: { id: to }, data: { balance: { increment: amount } } });
  });
}
`;

runRuleTests('no-outer-client-in-transaction: Prisma', rule, {
  valid: [
    // Everything through tx; work before and after the scope through prisma.
    {
      code: `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function placeOrder(userId, items) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
  const order = await prisma.$transaction(async (tx) => {
    const created = await tx.order.create({ data: { userId: user.id } });
    await Promise.all(items.map((item) => tx.stock.update({ where: { sku: item.sku }, data: { qty: { decrement: item.qty } } })));
    return created;
  });
  await prisma.auditLog.create({ data: { action: 'order', orderId: order.id } });
  return order;
}
`,
      js: true,
    },
    // The array form: the queries built on prisma run inside that batch transaction, not on their own.
    `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function archive(id: string) {
  await prisma.$transaction([
    prisma.post.update({ where: { id }, data: { archived: true } }),
    prisma.comment.deleteMany({ where: { postId: id } }),
  ]);
}
`,
    // A Map named prisma-like \`db\` whose \`transaction\` is not a database's.
    `
const db = new Map<string, number>();
const ledger = { transaction(fn: (tx: Map<string, number>) => void) { fn(new Map(db)); } };
ledger.transaction((tx) => {
  tx.set('a', 1);
  db.get('a');
});
`,
    // this.prisma in a NestJS service, through tx.
    `
import { Injectable } from '@nestjs/common';
import { PrismaClient } from '@prisma/client';
@Injectable()
export class WalletService {
  constructor(private readonly prisma: PrismaClient) {}
  async credit(id: string, amount: number) {
    return this.prisma.$transaction(async (tx) => {
      const wallet = await tx.wallet.findUniqueOrThrow({ where: { id } });
      return tx.wallet.update({ where: { id }, data: { balance: wallet.balance + amount } });
    });
  }
}
`,
  ],
  invalid: [
    {
      code: transfer('prisma'),
      js: true,
      errors: [
        outer(7, 11, {
          call: 'prisma.account.update()',
          client: 'prisma',
          by: 'prisma.$transaction()',
          line: 5,
          library: 'prisma',
          handle: 'tx',
          output: transfer('tx'),
        }),
      ],
    },
    // this.prisma in a service, the client from another file.
    {
      code: `
import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';
@Injectable()
export class OrdersService {
  constructor(private readonly prisma: PrismaService) {}
  async cancel(id: string) {
    await this.prisma.$transaction(async (tx) => {
      await tx.order.update({ where: { id }, data: { status: 'cancelled' } });
      const items = await this.prisma.orderItem.findMany({ where: { orderId: id } });
      for (const item of items) {
        await tx.stock.update({ where: { sku: item.sku }, data: { qty: { increment: item.qty } } });
      }
    });
  }
}
`,
      errors: [
        outer(10, 27, {
          call: 'this.prisma.orderItem.findMany()',
          client: 'this.prisma',
          by: 'this.prisma.$transaction()',
          line: 8,
          library: 'prisma',
          handle: 'tx',
          output: `
import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';
@Injectable()
export class OrdersService {
  constructor(private readonly prisma: PrismaService) {}
  async cancel(id: string) {
    await this.prisma.$transaction(async (tx) => {
      await tx.order.update({ where: { id }, data: { status: 'cancelled' } });
      const items = await tx.orderItem.findMany({ where: { orderId: id } });
      for (const item of items) {
        await tx.stock.update({ where: { sku: item.sku }, data: { qty: { increment: item.qty } } });
      }
    });
  }
}
`,
        }),
      ],
    },
    // A second transaction on the outer client inside the first.
    {
      code: `
import { prisma } from './db';
export async function merge(a: string, b: string) {
  await prisma.$transaction(async (tx) => {
    await tx.user.delete({ where: { id: b } });
    await prisma.$transaction([prisma.session.deleteMany({ where: { userId: b } })]);
  });
}
`,
      errors: [
        outer(6, 11, {
          call: 'prisma.$transaction()',
          client: 'prisma',
          by: 'prisma.$transaction()',
          line: 4,
          library: 'prisma',
          handle: 'tx',
          kind: 'transaction',
        }),
      ],
    },
  ],
});
