// Reach: calls into functions of the same file (plain functions, arrow constants, methods of the same
// class and of a base class in the file, static methods, methods of a constant object, callbacks passed
// by name, immediately invoked functions), followed transitively and safely against recursion. The
// report sits on the call inside the transaction and names the path.
import rule from '../../../src/rules/no-io-in-transaction';
import { runRuleTests } from '../../helpers/rule-tester';
import { io, through } from './expect';

const tx = (line: number) => ({ by: 'db.transaction()', line });

runRuleTests('no-io-in-transaction: reach through functions of the same file', rule, {
  valid: [
    // Recursive and mutually recursive helpers without I/O.
    `
import { db } from './db';
function walk(node: { children: unknown[] }): number {
  return 1 + node.children.reduce<number>((sum, child) => sum + walk(child as { children: unknown[] }), 0);
}
function even(n: number): boolean { return n === 0 ? true : odd(n - 1); }
function odd(n: number): boolean { return n === 0 ? false : even(n - 1); }
export async function save(tree: { children: unknown[] }) {
  await db.transaction(async (trx) => {
    await trx('trees').insert({ size: walk(tree), even: even(3) });
  });
}
`,
    // A helper with I/O called only outside the transaction; its body is not reported on its own.
    `
import { db } from './db';
import axios from 'axios';
async function announce(id: number) {
  await axios.post('https://bus.example.com/created', { id });
}
export async function create(id: number) {
  await db.transaction(async (trx) => {
    await trx('things').insert({ id });
  });
  await announce(id);
}
`,
    // A retry helper that runs its work at once when handed a transaction (Knex's \`isTransaction\`), as Backstage's
    // \`retryOnDeadlock\` does: its back-off sleep never runs inside the transaction.
    `
import knex from 'knex';
import { setTimeout as sleep } from 'node:timers/promises';
const db = knex({ client: 'pg' });
async function retryOnDeadlock<T>(fn: () => Promise<T>, client: any, retries = 3): Promise<T> {
  if (client.isTransaction) {
    return fn();
  }
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= retries) throw error;
      await sleep(25 * 2 ** attempt);
    }
  }
}
const markStale = (client: any, ids: string[]) => retryOnDeadlock(() => client('entities').whereIn('id', ids).update({ stale: true }), client);
export async function refresh(ids: string[]) {
  await db.transaction(async (tx) => {
    await tx('entities').whereIn('id', ids).update({ refreshed_at: tx.fn.now() });
    await markStale(tx, ids);
  });
}
`,
  ],
  invalid: [
    {
      // A guard on \`isTransaction\` that does not return: what follows it still runs in the transaction.
      code: `
import knex from 'knex';
import { setTimeout as sleep } from 'node:timers/promises';
const db = knex({ client: 'pg' });
async function settle(client: any) {
  if (client.isTransaction === true) {
    console.debug('inside a transaction');
  }
  await sleep(100);
}
export async function refresh() {
  await db.transaction(async (tx) => {
    await settle(tx);
  });
}
`,
      errors: [through(13, 11, 'settle()', ['sleep()'], 'node-timers', { by: 'db.transaction()', line: 12 })],
    },
    {
      code: `
import { db } from './db';
import axios from 'axios';
import { writeFile } from 'node:fs/promises';

async function audit(id: number) {
  await writeFile(\`/audit/\${id}\`, 'x');
}
const notifyCustomer = async (id: number) => {
  await axios.post('https://notify.example.com', { id });
};
function sendReceipt(id: number) {
  return notify(id);
}
async function notify(id: number) {
  if (id < 0) return notify(-id);
  await audit(id);
}
const helpers = {
  async ping() {
    await fetch('https://status.example.com');
  },
  pure(x: number) {
    return x * 2;
  },
};

class BaseService {
  protected async publish(topic: string) {
    await axios.post(\`https://bus.example.com/\${topic}\`);
  }
}

export class OrderService extends BaseService {
  static async warmCache() {
    await fetch('https://cache.example.com/warm');
  }
  private readonly refresh = async () => {
    await fetch('https://cdn.example.com/purge');
  };
  private format(id: number) {
    return \`#\${id}\`;
  }
  async place(ids: number[]) {
    await db.transaction(async (trx) => {
      await trx('orders').insert(ids.map((id) => ({ id, label: this.format(id) })));
      await sendReceipt(ids[0]!);
      await Promise.all(ids.map(notifyCustomer));
      ids.forEach(async (id) => {
        await audit(id);
      });
      await helpers.ping();
      helpers.pure(2);
      await this.publish('orders');
      await OrderService.warmCache();
      await this.refresh();
      await (async () => {
        await fetch('https://iife.example.com');
      })();
    });
  }
}
`,
      errors: [
        through(47, 13, 'sendReceipt()', ['notify()', 'audit()', 'writeFile()'], 'node-fs', tx(45)),
        through(48, 25, 'notifyCustomer()', ['axios.post()'], 'axios', tx(45)),
        through(50, 15, 'audit()', ['writeFile()'], 'node-fs', tx(45)),
        through(52, 13, 'helpers.ping()', ['fetch()'], 'fetch', tx(45)),
        through(54, 13, 'this.publish()', ['axios.post()'], 'axios', tx(45)),
        through(55, 13, 'OrderService.warmCache()', ['fetch()'], 'fetch', tx(45)),
        through(56, 13, 'this.refresh()', ['fetch()'], 'fetch', tx(45)),
        io(58, 15, 'fetch()', 'fetch', tx(45)),
      ],
    },
    // The transaction callback itself is a function of the file, and calls a helper.
    {
      code: `
const { db } = require('./db');
const nodemailer = require('nodemailer');
const mailer = nodemailer.createTransport({ host: 'smtp.example.com' });
function mailOwner(project) {
  return mailer.sendMail({ to: project.owner, subject: 'Archived' });
}
async function archive(trx, project) {
  await trx('projects').where({ id: project.id }).update({ archived: true });
  await mailOwner(project);
}
exports.archiveProject = (project) => db.transaction((trx) => archive(trx, project));
`,
      js: true,
      errors: [through(12, 63, 'archive()', ['mailOwner()', 'mailer.sendMail()'], 'nodemailer', tx(12))],
    },
    // Plain JavaScript classes (espree's nodes carry no decorators): a same-class method and a static one.
    {
      code: `
import { db } from './db.js';
import got from 'got';
export class Importer {
  static async ping() {
    await got('https://status.example.com');
  }
  async pull(id) {
    return got(\`https://source.example.com/\${id}\`).json();
  }
  async run(ids) {
    await db.transaction(async (trx) => {
      for (const id of ids) await trx('rows').insert(await this.pull(id));
      await Importer.ping();
    });
  }
}
`,
      js: true,
      errors: [
        through(13, 60, 'this.pull()', ['got()'], 'got', tx(12)),
        through(14, 13, 'Importer.ping()', ['got()'], 'got', tx(12)),
      ],
    },
  ],
});
