import rule from '../../../src/rules/require-connection-release';
import { runRuleTests } from '../../helpers/rule-tester';

// Things that are checked out and given back, or are called `connect`, but are not a database pool.
runRuleTests('require-connection-release: look-alikes', rule, {
  valid: [
    // A file handle.
    {
      code: `
import { open } from 'fs/promises';
export async function head(path) {
  const file = await open(path, 'r');
  const { buffer } = await file.read(Buffer.alloc(64), 0, 64, 0);
  return buffer;
}
`,
      js: true,
    },
    // A mutex: acquire() hands back a release function.
    {
      code: `
import { Mutex } from 'async-mutex';
const mutex = new Mutex();
export async function bump(counter) {
  const release = await mutex.acquire();
  counter.value += 1;
  release();
}
`,
      js: true,
    },
    // generic-pool and tarn: resources that are not the database's connections checked out by our rules.
    {
      code: `
import genericPool from 'generic-pool';
import { Pool } from 'tarn';
const browsers = genericPool.createPool({ create: launch, destroy: (b) => b.close() }, { max: 2 });
const workers = new Pool({ create: spawnWorker, destroy: (w) => w.kill(), min: 0, max: 4 });
export async function render(html) {
  const browser = await browsers.acquire();
  const page = await browser.newPage();
  await page.setContent(html);
  browsers.release(browser);
  const worker = await workers.acquire().promise;
  return worker.run(html);
}
`,
      js: true,
    },
    // A socket that connects, a Map named pool, an event emitter with a \`connect\` method.
    {
      code: `
import net from 'net';
const pool = new Map();
export async function dial(host, port) {
  const socket = new net.Socket();
  socket.connect(port, host);
  const entry = pool.connect?.(host);
  const client = await pool.get(host).connect();
  client.write('PING');
  return entry;
}
`,
      js: true,
    },
    // A worker pool (piscina) and a Redis pool: \`connect\` and \`release\` on things that are not the database.
    {
      code: `
import Piscina from 'piscina';
const piscina = new Piscina({ filename: './worker.js' });
export async function resize(image) {
  const result = await piscina.run(image);
  return result;
}
`,
      js: true,
    },
    // Knex's own \`client\` option, and a Sequelize connection manager: not the knowledge's checkout.
    `
import knex from 'knex';
const db = knex({ client: 'pg' });
export const dialect = db.client.dialect;
`,
  ],
  invalid: [],
});
