// Work a transaction runs outside itself through a function of another file (tests/fixtures/project/src/tx):
// a call in the scope, not handed the handle, to a helper whose body (or a function it calls) runs database
// work through the transaction's own client is reported at the call, with the helper's file and its work.
// Negatives: a helper handed the handle (or something made from it), a helper of another database or
// library, a helper that builds data only, a module that does not parse, `followModules: false`.
import path from 'node:path';
import rule from '../../../src/rules/no-outer-client-in-transaction';
import { fixturesDir, runRuleTests } from '../../helpers/rule-tester';

const filename = path.join(fixturesDir, 'project/src/tx/caller.ts');

const cost =
  'it runs on another pooled connection, outside the transaction: it is not rolled back when the transaction fails, it cannot see the rows the transaction has written, and with a small pool it waits for a connection the transaction holds (a deadlock)';

interface Expected {
  readonly call: string;
  readonly file: string;
  readonly verb: 'writes' | 'queries';
  readonly client: string;
  readonly path: string;
  readonly line: number;
  readonly handle?: string;
  readonly opener?: string;
}

function helper(line: number, column: number, expected: Expected) {
  return {
    messageId: 'outerClientInHelper' as const,
    line,
    column,
    data: {
      call: expected.call,
      file: expected.file,
      verb: expected.verb,
      client: expected.client,
      path: expected.path,
      opener: expected.opener ?? '`prisma.$transaction()`',
      line: expected.line,
      cost,
      handle: `\`${expected.handle ?? 'tx'}\``,
    },
  };
}

/** A Prisma transaction in `place()`: with one import line, the opener is on line 3 and `body` starts on line 5. */
const inside = (imports: string, body: string) =>
  `${imports}\nexport async function place(id: number) {\n  await prisma.$transaction(async (tx) => {\n    await tx.order.update({ where: { id }, data: { paid: true } });\n${body}\n  });\n}\n`;
const withPrisma = (imports: string) => `import { prisma } from '../lib/db';\n${imports}`;

/** A NestJS service paying an order in a TypeORM transaction: the opener is on line 9 and `body` starts on line 11. */
const nestService = (body: string) =>
  `import { Injectable } from '@nestjs/common';\nimport { DataSource } from 'typeorm';\nimport { AuditService } from './audit.service';\n\n@Injectable()\nexport class OrderService {\n  constructor(private readonly dataSource: DataSource, private readonly audit: AuditService) {}\n  async pay(id: number) {\n    await this.dataSource.transaction(async (manager) => {\n      await manager.update('orders', { id }, { paid: true });\n${body}\n    });\n  }\n}\n`;

/** A Sequelize transaction on the client of `clientModule`: the opener is on line 4 and `body` starts on line 6. */
const sequelizeTx = (clientModule: string, imports: string, body: string) =>
  `import { sequelize } from '${clientModule}';\n${imports}\nexport async function pay(id: number) {\n  await sequelize.transaction(async (t) => {\n    await sequelize.query('UPDATE orders SET paid = true WHERE id = ?', { replacements: [id], transaction: t });\n${body}\n  });\n}\n`;

runRuleTests('no-outer-client-in-transaction: across files', rule, {
  valid: [
    // The helper is handed the handle.
    { filename, code: inside(withPrisma(`import { auditWith } from './audit';`), `    await auditWith(tx, { action: 'paid' });`) },
    // The helper is handed something made from the handle.
    {
      filename,
      code: inside(withPrisma(`import { auditWith } from './audit';`), `    const log = tx.auditLog;\n    await auditWith(log, { action: 'paid' });`),
    },
    // A helper of another database (a second Prisma client) and of another library (Knex).
    {
      filename,
      code: inside(withPrisma(`import { trackEvent, logToWarehouse } from './other-databases';`), `    await trackEvent('paid');\n    await logToWarehouse('paid');`),
    },
    // A helper that builds data only.
    { filename, code: inside(withPrisma(`import { auditData } from './audit';`), `    await tx.auditLog.create({ data: auditData('paid') });`) },
    // A module that does not parse.
    { filename, code: inside(withPrisma(`import { createAuditEntry } from './broken';`), `    await createAuditEntry({ action: 'paid' });`) },
    // The helper's work after the transaction.
    {
      filename,
      code: `import { prisma } from '../lib/db';\nimport { createAuditEntry } from './audit';\nexport async function f() {\n  await prisma.$transaction(async (tx) => tx.order.create({ data: {} }));\n  await createAuditEntry({ action: 'x' });\n}\n`,
    },
    // NestJS: the injected service is handed the transaction's entity manager.
    { filename, code: nestService(`      await this.audit.recordWith(manager, 'paid');`) },
    // Sequelize: the model helper is handed the transaction and passes it in its options.
    { filename, code: sequelizeTx('./models', `import { logPaidIn } from './sequelize-audit';`, `    await logPaidIn(t, id);`) },
    // Sequelize with CLS turned on in a third file, the one that creates the transaction's client: the helper's
    // model joins the open transaction on its own.
    { filename, code: sequelizeTx('./cls-db', `import { logPayment } from './cls-audit';`, `    await logPayment(id);`) },
    // CLS turned on in a file the rule does not read (a bootstrap file): the team says so with the \`cls\` option,
    // for the helper's model and for a model called in the transaction itself.
    {
      filename,
      code: sequelizeTx('./models', `import { AuditEntry } from './models';\nimport { logPaid } from './sequelize-audit';`, `    await logPaid(id);\n    await AuditEntry.create({ orderId: id });`),
      options: [{ cls: true }],
    },
    // The team turned cross-file reach off.
    {
      filename,
      code: inside(withPrisma(`import { createAuditEntry } from './audit';`), `    await createAuditEntry({ action: 'paid' });`),
      settings: { dbconventions: { followModules: false } },
    },
  ],
  invalid: [
    {
      // A write through the module's client, one file away.
      filename,
      code: inside(withPrisma(`import { createAuditEntry } from './audit';`), `    await createAuditEntry({ action: 'paid' });`),
      errors: [helper(6, 11, { call: 'createAuditEntry()', file: './audit.ts', verb: 'writes', client: 'prisma', path: '`prisma.auditLog.create()`', line: 4 })],
    },
    {
      // A read counts too: it cannot see the rows the transaction has written. Through a tsconfig alias.
      filename,
      code: inside(withPrisma(`import { readAudit } from '@app/tx/audit';`), `    const entries = await readAudit('paid');`),
      errors: [helper(6, 27, { call: 'readAudit()', file: './audit.ts', verb: 'queries', client: 'prisma', path: '`prisma.auditLog.findMany()`', line: 4 })],
    },
    {
      // Two hops: the helper calls the function that writes, in a third file.
      filename,
      code: inside(withPrisma(`import { recordOrder } from './audit-chain';`), `    await recordOrder(id);`),
      errors: [
        helper(6, 11, {
          call: 'recordOrder()',
          file: './audit-chain.ts',
          verb: 'writes',
          client: 'prisma',
          path: '`createAuditEntry()` → `prisma.auditLog.create()` (./audit.ts)',
          line: 4,
        }),
      ],
    },
    {
      // A CommonJS helper.
      filename,
      code: inside(withPrisma(`import { archiveOrder } from './legacy';`), `    await archiveOrder(id);`),
      errors: [helper(6, 11, { call: 'archiveOrder()', file: './legacy.js', verb: 'writes', client: 'prisma', path: '`prisma.order.update()`', line: 4 })],
    },
    {
      // NestJS: a service of another file writes through its injected repository, on a connection of its own.
      filename,
      code: nestService(`      await this.audit.record('paid');`),
      errors: [
        helper(11, 13, {
          call: 'this.audit.record()',
          file: './audit.service.ts',
          verb: 'writes',
          client: 'this.auditRepo',
          path: '`this.auditRepo.save()`',
          line: 9,
          handle: 'manager',
          opener: '`this.dataSource.transaction()`',
        }),
      ],
    },
    {
      // Sequelize: a helper writes a model imported from a models file without \`{ transaction: t }\`.
      filename,
      code: sequelizeTx('./models', `import { logPaid } from './sequelize-audit';`, `    await logPaid(id);`),
      errors: [
        helper(6, 11, {
          call: 'logPaid()',
          file: './sequelize-audit.ts',
          verb: 'writes',
          client: 'AuditEntry',
          path: '`AuditEntry.create()`',
          line: 4,
          handle: 't',
          opener: '`sequelize.transaction()`',
        }),
      ],
    },
    {
      // The \`cls\` option is about libraries that join through CLS: Prisma's helper is still reported.
      filename,
      code: inside(withPrisma(`import { createAuditEntry } from './audit';`), `    await createAuditEntry({ action: 'paid' });`),
      options: [{ cls: true }],
      errors: [helper(6, 11, { call: 'createAuditEntry()', file: './audit.ts', verb: 'writes', client: 'prisma', path: '`prisma.auditLog.create()`', line: 4 })],
    },
    {
      // JavaScript calling a CommonJS helper, with require (also through espree; the project service does not lint .js here).
      filename: path.join(fixturesDir, 'project/src/tx/caller.js'),
      mode: 'untyped',
      js: true,
      code: `const { prisma } = require('../lib/db');\nconst { archiveOrder } = require('./legacy');\nasync function place(id) {\n  await prisma.$transaction(async (t) => {\n    await t.order.update({ where: { id }, data: { paid: true } });\n    await archiveOrder(id);\n  });\n}\nmodule.exports = { place };\n`,
      errors: [helper(6, 11, { call: 'archiveOrder()', file: './legacy.js', verb: 'writes', client: 'prisma', path: '`prisma.order.update()`', line: 4, handle: 't' })],
    },
  ],
});
