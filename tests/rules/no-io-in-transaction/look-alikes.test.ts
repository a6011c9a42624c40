// Never reported: database work (also through the transaction handle), logging, pure computation, I/O
// before or after the transaction or after commit, and names that look like I/O on objects that are not.
import rule from '../../../src/rules/no-io-in-transaction';
import { runRuleTests } from '../../helpers/rule-tester';
import { io } from './expect';

runRuleTests('no-io-in-transaction: look-alikes', rule, {
  valid: [
    // Logging: console, pino, winston (even with a file transport configured elsewhere).
    `
import { db } from './db';
import pino from 'pino';
import winston from 'winston';
const log = pino();
const audit = winston.createLogger({ transports: [new winston.transports.File({ filename: 'audit.log' })] });
export async function close(id: number) {
  await db.transaction(async (trx) => {
    console.info('closing', id);
    log.info({ id }, 'closing');
    audit.info('closing', { id });
    await trx('accounts').where({ id }).update({ closed: true });
    console.error(new Error('x'));
  });
}
`,
    // Pure computation and awaited database promises with \`.then\`.
    `
import { db } from './db';
import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
export async function stamp(id: number, body: string) {
  await db.transaction(async (trx) => {
    const digest = createHash('sha256').update(body).digest('hex');
    const file = path.join('/uploads', \`\${randomUUID()}.bin\`);
    const [row] = await trx('docs').where({ id }).then((rows) => rows.map((r) => ({ ...r, digest, file })));
    await trx('docs').where({ id }).update(row);
    await Promise.all([trx('a').del(), trx('b').del()]);
    JSON.parse(JSON.stringify(row));
  });
}
`,
    // Methods named like I/O on the user's own objects from other files (no type information says otherwise).
    `
import { db } from './db';
import { mailer } from './mailer';
import { events } from './events';
export async function register(email: string) {
  await db.transaction(async (trx) => {
    await trx('users').insert({ email });
    events.emit('user.created', { email });
    mailer.queue({ to: email });
  });
}
`,
    // An event listener registered in the transaction runs later.
    `
import { db } from './db';
import axios from 'axios';
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
export async function listen() {
  await db.transaction(async (trx) => {
    await trx('listeners').insert({ name: 'created' });
    bus.on('created', async (id) => {
      await axios.post('https://hooks.example.com', { id });
    });
  });
}
`,
    // A \`fs\` or \`axios\` that is the project's own module.
    `
import { db } from './db';
import fs from './storage/fs';
import axios from '../mocks/axios';
export async function save(id: number) {
  await db.transaction(async (trx) => {
    await fs.writeFile(\`\${id}\`, 'x');
    await axios.post('/x');
    await trx('saves').insert({ id });
  });
}
`,
    // A promise that resolves right away is not a sleep.
    `
import { db } from './db';
export async function defer(id: number) {
  await db.transaction(async (trx) => {
    await new Promise<void>((resolve) => resolve());
    await new Promise((resolve) => queueMicrotask(() => resolve(id)));
    await trx('x').insert({ id });
  });
}
`,
    // Without the option, the team's own helper is not known to open a transaction.
    `
import { inTransaction } from '../lib/db';
export async function other() {
  await inTransaction(async () => {
    await fetch('https://example.com');
  });
}
`,
    // BEGIN on one client and COMMIT on another: no region on the second, and the I/O is after the first's COMMIT.
    `
import { Pool } from 'pg';
const pool = new Pool();
export async function twoClients() {
  const a = await pool.connect();
  const b = await pool.connect();
  await a.query('BEGIN');
  await a.query('INSERT INTO t VALUES (1)');
  await a.query('COMMIT');
  await b.query('SELECT 1');
  await fetch('https://example.com');
}
`,
    // A commit in both branches closes the region for what follows.
    `
import { db } from './db';
import axios from 'axios';
export async function decide(ok: boolean) {
  const trx = await db.transaction();
  await trx('decisions').insert({ ok });
  if (ok) {
    await trx.commit();
  } else {
    await trx.rollback();
  }
  await axios.post('https://hooks.example.com/decided', { ok });
}
`,
  ],
  invalid: [
    // A rollback in one branch only: the other path is still in the transaction.
    {
      code: `
import { db } from './db';
import axios from 'axios';
export async function decide(ok: boolean) {
  const trx = await db.transaction();
  await trx('decisions').insert({ ok });
  if (!ok) {
    await trx.rollback();
  }
  await axios.post('https://hooks.example.com/decided', { ok });
  await trx.commit();
}
`,
      errors: [io(10, 9, 'axios.post()', 'axios', { by: 'db.transaction()', line: 5 })],
    },
    // A \`.then\` callback and an inline \`map\` callback run inside the transaction.
    {
      code: `
import { db } from './db';
import axios from 'axios';
export async function resend(ids: number[]) {
  await db.transaction(async (trx) => {
    await trx('outbox').whereIn('id', ids).then(() => axios.post('https://hooks.example.com/resent'));
    await Promise.all(ids.map((id) => axios.post(\`https://hooks.example.com/\${id}\`)));
  });
}
`,
      errors: [
        io(6, 55, 'axios.post()', 'axios', { by: 'db.transaction()', line: 5 }),
        io(7, 39, 'axios.post()', 'axios', { by: 'db.transaction()', line: 5 }),
      ],
    },
    // I/O that is not awaited still runs inside the transaction (and may announce a write that rolls back).
    {
      code: `
import { db } from './db';
import { Queue } from 'bullmq';
const queue = new Queue('mail');
export async function signUp(email: string) {
  await db.transaction(async (trx) => {
    await trx('users').insert({ email });
    void queue.add('welcome', { email });
  });
}
`,
      errors: [io(8, 10, 'queue.add()', 'bullmq', { by: 'db.transaction()', line: 6 })],
    },
  ],
});
