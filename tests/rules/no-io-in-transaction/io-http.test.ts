// HTTP clients: global fetch, axios, got, node-fetch, undici, ky, superagent, node:http/https/http2.
// The transaction is Knex's throughout; the client from `./db` is recognised by shape.
import rule from '../../../src/rules/no-io-in-transaction';
import { runRuleTests } from '../../helpers/rule-tester';
import { io } from './expect';

const tx = (line: number) => ({ by: 'db.transaction()', line });

runRuleTests('no-io-in-transaction: HTTP clients', rule, {
  valid: [
    // The same clients before and after the transaction.
    `
import { db } from './db';
import axios from 'axios';
import got from 'got';
import ky from 'ky';
export async function sync(id: number) {
  const { data } = await axios.get(\`https://catalog.example.com/items/\${id}\`);
  const stock = await got(\`https://stock.example.com/\${id}\`).json<{ qty: number }>();
  await db.transaction(async (trx) => {
    await trx('items').where({ id }).update({ name: data.name, qty: stock.qty });
  });
  await ky.post('https://hooks.example.com/synced', { json: { id } });
  await fetch('https://hooks.example.com/synced-again');
}
`,
    // Building a client, checking an error, and reading a response are not requests.
    `
import { db } from './db';
import axios, { isAxiosError } from 'axios';
export async function save(response: { data: unknown }, error: unknown) {
  await db.transaction(async (trx) => {
    const client = axios.create({ baseURL: 'https://api.example.com' });
    if (isAxiosError(error) || axios.isCancel(error)) await trx('errors').insert({ message: String(error) });
    await trx('responses').insert({ body: JSON.stringify(response.data), base: client.defaults.baseURL });
  });
}
`,
    // \`fetch\` shadowed by a function of this file that does no I/O.
    `
import { db } from './db';
async function fetch(id: number) {
  return { id, cached: true };
}
export async function load(id: number) {
  await db.transaction(async (trx) => {
    const item = await fetch(id);
    await trx('items').insert(item);
  });
}
`,
  ],
  invalid: [
    {
      code: `
import knex from 'knex';
import axios from 'axios';
const db = knex({ client: 'pg' });
const billing = axios.create({ baseURL: 'https://billing.example.com' });
export async function bill(id: number) {
  await db.transaction(async (trx) => {
    await trx('invoices').where({ id }).update({ state: 'billing' });
    await axios({ method: 'post', url: 'https://billing.example.com/run', data: { id } });
    await axios.get(\`https://billing.example.com/invoices/\${id}\`);
    await billing.patch(\`/invoices/\${id}\`, { state: 'sent' });
  });
}
`,
      errors: [
        io(9, 11, 'axios()', 'axios', tx(7)),
        io(10, 11, 'axios.get()', 'axios', tx(7)),
        io(11, 11, 'billing.patch()', 'axios', tx(7)),
      ],
    },
    {
      code: `
import { db } from './db';
import got from 'got';
import nodeFetch from 'node-fetch';
import { request, fetch as undiciFetch } from 'undici';
import ky from 'ky';
import superagent from 'superagent';
const api = got.extend({ prefixUrl: 'https://api.example.com' });
export async function sync(id: number) {
  await db.transaction(async (trx) => {
    await trx('items').where({ id }).update({ syncing: true });
    await got.post('https://a.example.com', { json: { id } }).json();
    await api.get(\`items/\${id}\`);
    await nodeFetch('https://b.example.com');
    await request('https://c.example.com');
    await undiciFetch('https://d.example.com');
    await ky.post('https://e.example.com', { json: { id } }).json();
    await superagent.post('https://f.example.com').send({ id }).set('Accept', 'application/json');
  });
}
`,
      errors: [
        io(12, 11, 'got.post()', 'got', tx(10)),
        io(13, 11, 'api.get()', 'got', tx(10)),
        io(14, 11, 'nodeFetch()', 'node-fetch', tx(10)),
        io(15, 11, 'request()', 'undici', tx(10)),
        io(16, 11, 'undiciFetch()', 'undici', tx(10)),
        io(17, 11, 'ky.post()', 'ky', tx(10)),
        io(18, 11, 'superagent.post()', 'superagent', tx(10)),
      ],
    },
    {
      code: `
import { db } from './db';
import http from 'node:http';
import * as https from 'https';
import { connect } from 'http2';
export async function ping(id: number) {
  await db.transaction(async (trx) => {
    await trx('pings').insert({ id });
    http.get('http://status.internal/ping');
    const req = https.request({ host: 'example.com', method: 'POST' });
    req.end();
    const session = connect('https://push.example.com');
    session.request({ ':path': '/notify' });
  });
}
`,
      errors: [
        io(9, 5, 'http.get()', 'node-http', tx(7)),
        io(10, 17, 'https.request()', 'node-http', tx(7)),
        io(12, 21, 'connect()', 'node-http', tx(7)),
        io(13, 5, 'session.request()', 'node-http', tx(7)),
      ],
    },
    {
      code: `
const { db } = require('./db');
const axios = require('axios');
async function handler(id) {
  await db.transaction(async (trx) => {
    await trx('events').insert({ id });
    await globalThis.fetch('https://a.example.com');
    const { data } = await axios.post('https://b.example.com', { id });
    return data;
  });
}
module.exports = { handler };
`,
      js: true,
      errors: [io(7, 11, 'globalThis.fetch()', 'fetch', tx(5)), io(8, 28, 'axios.post()', 'axios', tx(5))],
    },
  ],
});
