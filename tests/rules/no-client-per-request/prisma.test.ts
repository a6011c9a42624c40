import rule from '../../../src/rules/no-client-per-request';
import { runRuleTests } from '../../helpers/rule-tester';
import { options, perCall, where } from './expect';

runRuleTests('no-client-per-request: Prisma', rule, {
  valid: [
    // Module scope, and the Next.js singleton on globalThis.
    {
      code: `
import { PrismaClient } from '@prisma/client';
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };
export const prisma = globalForPrisma.prisma ?? new PrismaClient();
if (process.env.NODE_ENV !== 'production') globalForPrisma.prisma = prisma;
`,
      options,
    },
    // Memoised in a function: \`??=\`, \`if (!x) x = …\`, a module-level cache.
    {
      code: `
const { PrismaClient } = require('@prisma/client');
let client;
const tenants = new Map();
function getPrisma() {
  client ??= new PrismaClient();
  return client;
}
function prismaFor(tenant) {
  if (!tenants.has(tenant)) tenants.set(tenant, new PrismaClient({ datasourceUrl: tenant.url }));
  return tenants.get(tenant);
}
function legacy() {
  if (!global.__prisma) global.__prisma = new PrismaClient();
  return global.__prisma;
}
module.exports = { getPrisma, prismaFor, legacy };
`,
      options,
      js: true,
    },
    // A factory called once at module scope, and from \`main\`.
    {
      code: `
import { PrismaClient } from '@prisma/client';
function createClient() {
  return new PrismaClient({ log: ['warn', 'error'] });
}
export const prisma = createClient();
async function main() {
  const admin = new PrismaClient({ datasourceUrl: process.env.ADMIN_URL });
  await admin.$connect();
}
main();
`,
      options,
    },
    // Nest: a DI-managed service extends PrismaClient; \`useFactory\` providers; \`onModuleInit\`.
    `
import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { PrismaClient } from '@prisma/client';
@Injectable()
export class PrismaService implements OnModuleInit {
  private readonly client = new PrismaClient();
  async onModuleInit() {
    await this.client.$connect();
  }
}
@Module({
  providers: [{ provide: 'READ_REPLICA', useFactory: () => new PrismaClient({ datasourceUrl: process.env.REPLICA_URL }) }],
})
export class DbModule {}
`,
    // Extending a shared client per request is cheap: it shares the pool.
    {
      code: `
import express from 'express';
import { prisma } from './db';
const app = express();
app.get('/orders', async (req, res) => {
  const scoped = prisma.$extends({ query: { $allModels: { async $allOperations({ args, query }) { return query(args); } } } });
  res.json(await scoped.order.findMany());
});
`,
      options,
      js: true,
    },
    // An exported factory with a one-time name, called from another file at startup.
    {
      code: `
import { PrismaClient } from '@prisma/client';
export function createPrismaClient(url) {
  return new PrismaClient({ datasourceUrl: url });
}
`,
      options,
      js: true,
    },
    // Seeds and migrations are one-off scripts (the default ignore list).
    {
      code: `
import { PrismaClient } from '@prisma/client';
export async function seedUsers() {
  const prisma = new PrismaClient();
  await prisma.user.createMany({ data: [{ email: 'a@example.com' }] });
}
`,
      filename: 'prisma/seeds/users.ts',
      options,
      mode: 'untyped',
    },
  ],
  invalid: [
    // A route handler.
    {
      code: `
import express from 'express';
import { PrismaClient } from '@prisma/client';
const app = express();
app.get('/users/:id', async (req, res) => {
  const prisma = new PrismaClient();
  const user = await prisma.user.findUnique({ where: { id: Number(req.params.id) } });
  res.json(user);
});
`,
      options,
      js: true,
      errors: [perCall(6, 18, 'new PrismaClient()', 'prisma', where.route)],
    },
    // A Next.js API route: the default export is the request handler.
    {
      code: `
import { PrismaClient } from '@prisma/client';
export default async function handler(req, res) {
  const prisma = new PrismaClient();
  res.json(await prisma.post.findMany());
}
`,
      options,
      js: true,
      errors: [perCall(4, 18, 'new PrismaClient()', 'prisma', where.handler)],
    },
    // A \`getDb()\` accessor that builds a new client each call.
    {
      code: `
import { PrismaClient } from '@prisma/client';
export function getDb() {
  return new PrismaClient();
}
`,
      options,
      js: true,
      errors: [perCall(4, 10, 'new PrismaClient()', 'prisma', where.builds('getDb'))],
    },
    // Prisma 6's generated client in the app's own folder (by shape), in a class method.
    {
      code: `
import { PrismaClient } from '../generated/prisma';
export class ReportService {
  async monthly() {
    const db = new PrismaClient();
    return db.order.groupBy({ by: ['month'], _sum: { total: true } });
  }
}
`,
      options,
      errors: [perCall(5, 16, 'new PrismaClient()', 'prisma', where.method)],
    },
    // A constructor of a class this file instantiates per request.
    {
      code: `
import { PrismaClient } from '@prisma/client';
class UserRepository {
  constructor() {
    this.prisma = new PrismaClient();
  }
  find(id) {
    return this.prisma.user.findUnique({ where: { id } });
  }
}
export async function show(req, res) {
  const repo = new UserRepository();
  res.json(await repo.find(req.params.id));
}
`,
      options,
      js: true,
      errors: [perCall(5, 19, 'new PrismaClient()', 'prisma', where.constructor('UserRepository', 12))],
    },
  ],
});
