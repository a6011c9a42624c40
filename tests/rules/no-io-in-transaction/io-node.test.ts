// Node's own I/O: fs (callback, sync, promises, FileHandle; fs-extra), child_process, net, tls, dgram, dns,
// and sleeps (timers/promises, `new Promise((r) => setTimeout(r, ms))`, same-file sleep helpers).
import rule from '../../../src/rules/no-io-in-transaction';
import { runRuleTests } from '../../helpers/rule-tester';
import { io, through } from './expect';

const tx = (line: number) => ({ by: 'db.transaction()', line });

runRuleTests('no-io-in-transaction: Node I-O and sleeps', rule, {
  valid: [
    // Reading the file first, writing the export after the transaction.
    `
import { db } from './db';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
export async function roundTrip(file: string) {
  const rows = JSON.parse(await readFile(file, 'utf8'));
  await sleep(100);
  const saved = await db.transaction(async (trx) => {
    const target = path.join('/exports', path.basename(file));
    await trx('rows').insert(rows);
    return { target, count: rows.length };
  });
  await writeFile(saved.target, String(saved.count));
}
`,
    // A timer that does not delay the transaction: the callback runs later, fire and forget.
    `
import { db } from './db';
import { writeFileSync } from 'fs';
export async function mark(id: number) {
  await db.transaction(async (trx) => {
    await trx('jobs').where({ id }).update({ marked: true });
    setTimeout(() => writeFileSync('/tmp/marked', String(id)), 5000);
    process.on('exit', () => writeFileSync('/tmp/exit', String(id)));
  });
}
`,
    // Functions defined in the transaction but never called there.
    `
import { db } from './db';
import { execSync } from 'child_process';
export async function prepare(id: number) {
  return db.transaction(async (trx) => {
    await trx('builds').insert({ id });
    const later = () => execSync('make deploy');
    return later;
  });
}
`,
    // A local \`setTimeout\` that is not the timer.
    `
import { db } from './db';
function setTimeout(resolve: () => void, _ms: number) { resolve(); }
export async function noWait(id: number) {
  await db.transaction(async (trx) => {
    await new Promise<void>((resolve) => setTimeout(resolve, 100));
    await trx('jobs').insert({ id });
  });
}
`,
    // A timeout guard (knex's util/timeout.js): the timer rejects, the promise waits on the query it races.
    `
import knex from 'knex';
const db = knex({ client: 'pg' });
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const id = setTimeout(() => reject(new Error('operation timed out')), ms);
    promise.then((value) => { clearTimeout(id); resolve(value); }, reject);
  });
}
export async function load(id: number) {
  await db.transaction(async (trx) => {
    await withTimeout(trx('orders').where({ id }).first(), 5000);
  });
}
`,
  ],
  invalid: [
    {
      code: `
import { db } from './db';
import fs from 'fs';
import * as fsp from 'node:fs/promises';
import { promises as fsPromises, createWriteStream } from 'node:fs';
import fse from 'fs-extra';
export async function exportAll() {
  await db.transaction(async (trx) => {
    const rows = await trx('orders').select();
    fs.writeFileSync('/tmp/a.json', JSON.stringify(rows));
    await fs.promises.mkdir('/tmp/out', { recursive: true });
    await fsp.writeFile('/tmp/b.json', JSON.stringify(rows));
    await fsPromises.rm('/tmp/old', { recursive: true, force: true });
    createWriteStream('/tmp/c.csv').end('x');
    await fse.outputJson('/tmp/d.json', rows);
    const handle = await fsp.open('/tmp/e.log', 'a');
    await handle.write('done');
  });
}
`,
      errors: [
        io(10, 5, 'fs.writeFileSync()', 'node-fs', tx(8)),
        io(11, 11, 'fs.promises.mkdir()', 'node-fs', tx(8)),
        io(12, 11, 'fsp.writeFile()', 'node-fs', tx(8)),
        io(13, 11, 'fsPromises.rm()', 'node-fs', tx(8)),
        io(14, 5, 'createWriteStream()', 'node-fs', tx(8)),
        io(15, 11, 'fse.outputJson()', 'node-fs', tx(8)),
        io(16, 26, 'fsp.open()', 'node-fs', tx(8)),
        io(17, 11, 'handle.write()', 'node-fs', tx(8)),
      ],
    },
    {
      code: `
import { db } from './db';
import { spawn, fork } from 'node:child_process';
import net from 'net';
import tls from 'node:tls';
import dgram from 'dgram';
import { lookup } from 'dns';
import dns from 'node:dns/promises';
export async function provision(host: string) {
  await db.transaction(async (trx) => {
    await trx('hosts').insert({ host });
    spawn('ansible-playbook', ['site.yml']);
    fork('./worker.js');
    net.connect(5432, host);
    tls.connect({ host, port: 443 });
    const socket = dgram.createSocket('udp4');
    socket.send('hello', 8125, 'statsd');
    lookup(host, () => undefined);
    await dns.resolve4(host);
  });
}
`,
      errors: [
        io(12, 5, 'spawn()', 'node-child-process', tx(10)),
        io(13, 5, 'fork()', 'node-child-process', tx(10)),
        io(14, 5, 'net.connect()', 'node-net', tx(10)),
        io(15, 5, 'tls.connect()', 'node-net', tx(10)),
        io(17, 5, 'socket.send()', 'node-net', tx(10)),
        io(18, 5, 'lookup()', 'node-dns', tx(10)),
        io(19, 11, 'dns.resolve4()', 'node-dns', tx(10)),
      ],
    },
    {
      code: `
import { db } from './db';
import { setTimeout as wait, scheduler } from 'node:timers/promises';
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
function delay(ms: number) {
  return new Promise((r) => { setTimeout(() => r(undefined), ms); });
}
export async function pollUntilReady(id: number) {
  await db.transaction(async (trx) => {
    await trx('jobs').where({ id }).update({ polling: true });
    await wait(1000);
    await scheduler.wait(500);
    await sleep(250);
    await delay(100);
    await new Promise(function (resolve) { setTimeout(resolve, 50); });
  });
}
`,
      errors: [
        io(11, 11, 'wait()', 'node-timers', tx(9)),
        io(12, 11, 'scheduler.wait()', 'node-timers', tx(9)),
        through(13, 11, 'sleep()', ['new Promise(… setTimeout …)'], 'node-timers', tx(9)),
        through(14, 11, 'delay()', ['new Promise(… setTimeout …)'], 'node-timers', tx(9)),
        io(15, 11, 'new Promise(… setTimeout …)', 'node-timers', tx(9)),
      ],
    },
    // CommonJS, destructured require.
    {
      code: `
const { db } = require('./db');
const { readFileSync, existsSync } = require('fs');
const { execFileSync } = require('child_process');
async function render(id) {
  await db.transaction(async (trx) => {
    const template = existsSync('/tpl/invoice.html') ? readFileSync('/tpl/invoice.html', 'utf8') : '';
    execFileSync('wkhtmltopdf', ['-', \`/out/\${id}.pdf\`], { input: template });
    await trx('invoices').where({ id }).update({ rendered: true });
  });
}
module.exports = { render };
`,
      js: true,
      errors: [
        io(7, 22, 'existsSync()', 'node-fs', tx(6)),
        io(7, 56, 'readFileSync()', 'node-fs', tx(6)),
        io(8, 5, 'execFileSync()', 'node-child-process', tx(6)),
      ],
    },
  ],
});
