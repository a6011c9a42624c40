// I/O and transaction helpers in the project's own modules (tests/fixtures/project): a call inside a
// transaction into another file that reaches I/O is reported with the path and the files it crosses; a
// helper of the project that runs its callback in a transaction opens a scope like the library API it
// wraps. One case per way of finding the callee; negatives are same-named functions that do no I/O, pure
// methods of an I/O class, a helper that runs its callback after commit, a module that does not parse,
// and `followModules: false`. Every case runs untyped and typed.
import path from 'node:path';
import rule from '../../../src/rules/no-io-in-transaction';
import { fixturesDir, runRuleTests } from '../../helpers/rule-tester';
import { through, io } from './expect';

const filename = path.join(fixturesDir, 'project/src/routes/orders.ts');
const jsFilename = path.join(fixturesDir, 'project/src/routes/orders.js');
/** The opener in `inside()` with one import line. */
const prismaTx = { by: 'prisma.$transaction()', line: 5 };

const header = `import { prisma } from '../lib/db';\nexport async function place(to: string) {\n  const order = { to };\n  await prisma.$transaction(async (tx) => {\n    await tx.order.create({ data: order });\n`;
const footer = `  });\n}\n`;
/** Code inside the transaction above: with one import line, the opener is on line 5 and `line` starts on line 7. */
const inside = (imports: string, line: string) => `${imports}\n${header}${line}\n${footer}`;

runRuleTests('no-io-in-transaction: across files', rule, {
  valid: [
    // A same-named method of a class that does no I/O, and a pure method of the I/O class.
    {
      filename,
      code: inside(
        `import { MailService, NoopMailService } from '../services/mail.service';\nconst mail = new MailService();\nconst noop = new NoopMailService();`,
        `    await noop.sendWelcome(to);\n    mail.welcomeText(to);`,
      ),
    },
    // A pure function of a module that also exports I/O helpers.
    { filename, code: inside(`import { format } from '@app/utils/http';`, `    format(to);`) },
    // I/O after the transaction.
    { filename, code: `import { prisma } from '../lib/db';\nimport { notify } from '../utils/http';\nexport async function f() {\n  await prisma.$transaction(async (tx) => tx.order.create({ data: {} }));\n  await notify('x');\n}` },
    // A helper that runs its callback after committing is not a transaction helper.
    { filename, code: `import { afterCommit } from '../lib/db';\nimport { notify } from '../utils/http';\nexport const f = () => afterCommit(async () => { await notify('x'); });` },
    // Database work through the handle a project helper passes in.
    { filename, code: `import { inTransaction } from '../lib/knex';\nexport const f = () => inTransaction(async (trx) => { await trx('orders').insert({ id: 1 }); });` },
    // A module that does not parse.
    { filename, code: inside(`import { rawQuery as notify } from '../lib/broken';`, `    await notify('x');`) },
    // The team turned cross-file reach off.
    { filename, code: inside(`import { notify } from '../utils/http';`, `    await notify(to);`), settings: { dbconventions: { followModules: false } } },
  ],
  invalid: [
    {
      // A relative import, two hops inside the other file.
      filename,
      code: inside(`import { notifyAll } from '../utils/http';`, `    await notifyAll([to]);`),
      errors: [through(7, 11, 'notifyAll()', [['notify()', '../utils/http.ts'], 'fetch()'], 'fetch', prismaTx)],
    },
    {
      // A tsconfig alias.
      filename,
      code: inside(`import { notify } from '@app/utils/http';`, `    await notify(to);`),
      errors: [through(7, 11, 'notify()', [['fetch()', '../utils/http.ts']], 'fetch', prismaTx)],
    },
    {
      // A service injected through the constructor (NestJS), its private method doing the I/O.
      filename,
      code: `
import { prisma } from '../lib/db';
import { MailService } from '../services/mail.service';
export class OrdersService {
  constructor(private readonly mail: MailService) {}
  async place(to: string) {
    await prisma.$transaction(async (tx) => {
      await tx.order.create({ data: { to } });
      await this.mail.sendWelcome(to);
    });
  }
}`,
      errors: [
        through(9, 13, 'this.mail.sendWelcome()', [['this.deliver()', '../services/mail.service.ts'], 'this.transport.sendMail()'], 'nodemailer', {
          by: 'prisma.$transaction()',
          line: 7,
        }),
      ],
    },
    {
      // A class constructed in place, and a static method of the same class.
      filename,
      code: inside(`import { InviteEmail } from '../jobs/invite-email';`, `    await new InviteEmail(to).schedule();\n    await InviteEmail.scheduleAll([to]);`),
      errors: [
        through(7, 11, 'new InviteEmail(…).schedule()', [['queue.add()', '../jobs/invite-email.ts']], 'bullmq', prismaTx),
        through(8, 11, 'InviteEmail.scheduleAll()', [['new InviteEmail(…).schedule()', '../jobs/invite-email.ts'], 'queue.add()'], 'bullmq', prismaTx),
      ],
    },
    {
      // A method inherited from a class in another file, and a constant object of functions.
      filename,
      code: inside(
        `import { AuditedMailService } from '../services/audited.service';\nimport { mailer } from '../services/mail.service';`,
        `    await new AuditedMailService().welcomeAndLog(to);\n    await mailer.send(to);`,
      ),
      errors: [
        through(
          8,
          11,
          'new AuditedMailService(…).welcomeAndLog()',
          [['this.sendWelcome()', '../services/audited.service.ts'], ['this.deliver()', '../services/mail.service.ts'], 'this.transport.sendMail()'],
          'nodemailer',
          { by: 'prisma.$transaction()', line: 6 },
        ),
        through(
          9,
          11,
          'mailer.send()',
          [['new MailService(…).sendWelcome()', '../services/mail.service.ts'], 'this.deliver()', 'this.transport.sendMail()'],
          'nodemailer',
          { by: 'prisma.$transaction()', line: 6 },
        ),
      ],
    },
    {
      // A row from a model's library finder, whose own method (in the model's file) sends mail; the library's
      // \`update\` on the same row, handed the transaction, is database work.
      filename,
      code: `
import { Order } from '../entities/order.model';
import { sequelize } from '../entities/member.model';
export const ship = (id: number) =>
  sequelize.transaction(async (transaction) => {
    const order = await Order.findByPk(id, { transaction });
    await order!.update({ shipped: true }, { transaction });
    await order!.notifyShipped();
  });`,
      errors: [
        through(8, 11, 'order.notifyShipped()', [['mailer.sendMail()', '../entities/order.model.ts']], 'nodemailer', {
          by: 'sequelize.transaction()',
          line: 5,
          afterCommit: 'transaction.afterCommit(() => …)',
        }),
      ],
    },
    {
      // A queue held in a static field of the job class (`SyncJob.queue.add`); `describe()` does no I/O.
      filename,
      code: inside(`import { SyncJob } from '../jobs/sync.job';`, `    await new SyncJob().schedule(order);\n    new SyncJob().describe();`),
      errors: [through(7, 11, 'new SyncJob(…).schedule()', [['SyncJob.queue.add()', '../jobs/sync.job.ts']], 'bullmq', prismaTx)],
    },
    {
      // CommonJS: `module.exports.post = post` in a .js module.
      filename,
      code: inside(`const webhook = require('../lib/webhook');`, `    await webhook.post('https://hooks.example.com', order);`),
      errors: [through(7, 11, 'webhook.post()', [['axios.post()', '../lib/webhook.js']], 'axios', prismaTx)],
    },
    {
      // The project's transaction helper, through an alias and a barrel: it runs the callback in prisma.$transaction.
      filename,
      code: `import { withTransaction } from '@app/lib';\nexport const f = (url: string) =>\n  withTransaction('orders', async (tx) => {\n    await tx.order.create({ data: {} });\n    await fetch(url);\n  });`,
      errors: [io(5, 11, 'fetch()', 'fetch', { by: 'withTransaction()', line: 3 })],
    },
    {
      // A helper that hands its parameter straight to knex.transaction; I/O through another module inside it.
      filename,
      code: `import { inTransaction } from '../lib/knex';\nimport { notify } from '../utils/http';\nexport const f = () =>\n  inTransaction(async (trx) => {\n    await trx('orders').insert({ id: 1 });\n    await notify('x');\n  });`,
      errors: [through(6, 11, 'notify()', [['fetch()', '../utils/http.ts']], 'fetch', { by: 'inTransaction()', line: 4 })],
    },
    {
      // JavaScript through espree: a CommonJS I/O helper inside the project's knex transaction helper.
      filename: jsFilename,
      mode: 'untyped',
      js: true,
      code: `const { inTransaction } = require('../lib/knex');\nconst webhook = require('../lib/webhook');\nexports.f = () =>\n  inTransaction(async (trx) => {\n    await trx('orders').insert({ id: 1 });\n    await webhook.post('https://x');\n  });`,
      errors: [through(6, 11, 'webhook.post()', [['axios.post()', '../lib/webhook.js']], 'axios', { by: 'inTransaction()', line: 4 })],
    },
  ],
});
