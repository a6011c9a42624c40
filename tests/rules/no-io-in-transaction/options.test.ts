// Options: more I/O functions and modules, calls and libraries allowed, decorators and the team's own
// transaction helpers.
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/no-io-in-transaction';
import { runRuleTests } from '../../helpers/rule-tester';
import { io } from './expect';

const tx = (line: number) => ({ by: 'db.transaction()', line });

runRuleTests('no-io-in-transaction: options', rule, {
  valid: [
    // Allowed calls and libraries.
    {
      code: `
import { db } from './db';
import { readFileSync } from 'fs';
import Redis from 'ioredis';
const redis = new Redis();
export async function render(id: number) {
  await db.transaction(async (trx) => {
    const template = readFileSync('/app/templates/invoice.hbs', 'utf8');
    await redis.del(\`invoice:\${id}\`);
    await trx('invoices').where({ id }).update({ template });
  });
}
`,
      options: [{ allow: [{ module: 'fs', export: 'readFileSync' }], allowLibraries: ['ioredis'] }],
    },
    // Allow by name, on any receiver.
    {
      code: `
import { db } from './db';
import axios from 'axios';
export async function call(id: number) {
  await db.transaction(async (trx) => {
    await axios.head('https://status.example.com');
    await trx('calls').insert({ id });
  });
}
`,
      options: [{ allow: [{ name: 'head' }] }],
    },
    // Replacing the decorator list turns off the defaults.
    {
      code: `
import { Transactional } from 'typeorm-transactional';
export class S {
  @Transactional()
  async run() {
    await fetch('https://example.com');
  }
}
`,
      options: [{ transactionalDecorators: ['UnitOfWork'] }],
    },
  ],
  invalid: [
    {
      code: `
import { db } from './db';
import { sendWebhook } from '@acme/webhooks';
import * as audit from '@acme/audit-client';
import { slack } from './slack';
export async function close(id: number) {
  await db.transaction(async (trx) => {
    await trx('tickets').where({ id }).update({ closed: true });
    await sendWebhook('ticket.closed', { id });
    await audit.record('close', id);
    await slack.notify(\`closed \${id}\`);
  });
}
`,
      options: [{ ioFunctions: [{ module: '@acme/webhooks', export: 'sendWebhook' }, { name: 'notify' }], ioModules: ['@acme/audit-client'] }],
      errors: [
        io(9, 11, 'sendWebhook()', 'option', tx(7)),
        {
          ...io(10, 11, 'audit.record()', 'option', tx(7)),
          data: { ...io(10, 11, 'audit.record()', 'option', tx(7)).data, what: 'a call into `@acme/audit-client` (listed in the rule options as I/O)' },
        },
        io(11, 11, 'slack.notify()', 'option', tx(7)),
      ],
    },
    // The team's own decorator and transaction helper.
    {
      code: `
import { UnitOfWork } from '../lib/uow';
import { inTransaction } from '../lib/db';
import { promises as fs } from 'fs';
export class Exporter {
  @UnitOfWork()
  async run() {
    await fs.writeFile('/tmp/a', 'x');
  }
  async other() {
    await inTransaction(async (tx) => {
      await tx.query('DELETE FROM exports');
      await fs.rm('/tmp/a');
    });
  }
}
`,
      options: [{ transactionalDecorators: ['UnitOfWork'], transactionFunctions: ['inTransaction'] }],
      errors: [
        io(8, 11, 'fs.writeFile()', 'node-fs', { by: '@UnitOfWork()', line: 6 }),
        io(13, 13, 'fs.rm()', 'node-fs', { by: 'inTransaction()', line: 11 }),
      ],
    },
  ],
});

describe('no-io-in-transaction: option schema', () => {
  it.each([
    [{ allowLibraries: ['no-such-library'] }],
    [{ ioFunctions: [{ module: '@acme/http' }] }],
    [{ ioFunctions: ['sendWebhook'] }],
    [{ transactionalDecorators: [''] }],
    [{ allowDecorators: ['Transactional'] }],
  ])('rejects %j with a clear message', (options) => {
    const linter = new Linter();
    expect(() =>
      linter.verify('export {};', [{ plugins: { t: { rules: { r: rule } } } as never, rules: { 't/r': ['error', options] } }]),
    ).toThrow(/Key "t\/r":\s+Value .+ (should|must)/);
  });
});
