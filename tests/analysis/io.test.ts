import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { IoClassifier, type IoOptions } from '../../src/analysis/io/calls';
import { ioLibraries } from '../../src/knowledge/io';
import { libraries } from '../../src/knowledge';

const fixturesDir = path.resolve(__dirname, '../fixtures');
const noOptions: IoOptions = { ioFunctions: [], ioModules: [], allow: [], allowLibraries: [] };

/** Every call of a file, classified: `text → library id (tier)`, or `text → -` when it is not I/O. */
function classify(code: string, { typed = false, options = noOptions, settings = {} as Record<string, unknown>, fileOnDisk = false } = {}): Record<string, string> {
  const seen: Record<string, string> = {};
  const probe: TSESLint.RuleModule<'x'> = {
    meta: { type: 'problem', messages: { x: 'x' }, schema: [] },
    defaultOptions: [],
    create(context) {
      const classifier = new IoClassifier(context, options);
      return {
        'CallExpression, NewExpression'(node: TSESTree.CallExpression | TSESTree.NewExpression) {
          const hit = classifier.classify(node);
          seen[context.sourceCode.getText(node.callee)] = hit ? `${hit.library?.id ?? 'option'} (${hit.tier})` : '-';
        },
      };
    },
  };
  const linter = new Linter();
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: typed
          ? { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: fixturesDir } }
          : { parser: tsParser },
        plugins: { probe: { rules: { probe } } } as never,
        rules: { 'probe/probe': 'error' },
        settings,
      },
    ],
    typed || fileOnDisk ? path.join(fixturesDir, 'file.ts') : 'file.ts',
  );
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return seen;
}

describe('I/O knowledge', () => {
  it('gives every library a unique id, modules that no database library claims, and message text', () => {
    const ids = ioLibraries.map((library) => library.id);
    expect(new Set(ids).size).toBe(ids.length);
    const databaseModules = new Set(libraries.flatMap((library) => library.modules));
    for (const library of ioLibraries) {
      expect(library.io.what, library.id).toMatch(/^(a|an|file-system) /);
      expect(library.io.waitsOn, library.id).toMatch(/^(the|a) /);
      for (const moduleName of library.modules) expect(databaseModules.has(moduleName), moduleName).toBe(false);
      expect(library.io.calls.length + (library.io.globals?.length ?? 0), library.id).toBeGreaterThan(0);
    }
  });
});

describe('I/O classifier, by import and globals', () => {
  it('recognises exports, factory instances, deep chains, globals and sleeps', () => {
    const seen = classify(`
import axios from 'axios';
import { readFile } from 'node:fs/promises';
import * as fs from 'fs';
import Stripe from 'stripe';
import { Storage } from '@google-cloud/storage';
import Redis from 'ioredis';
import { createClient } from 'redis';
const nodeRedis = createClient();
const client = axios.create();
const stripe = new Stripe('k');
const storage = new Storage();
const bucket = storage.bucket('b');
const redis = new Redis();
axios.get('u');
axios.isAxiosError(null);
client.post('u');
readFile('f');
fs.statSync('f');
fs.constants;
stripe.customers.create({});
stripe.webhooks.constructEvent('a', 'b', 'c');
bucket.file('f').download();
redis.on('error', () => 0);
redis.pipeline().set('a', 1).exec();
nodeRedis.options.url.toString();
nodeRedis.json.set('k', '$', {});
fetch('u');
globalThis.fetch('u');
new Promise((resolve) => setTimeout(resolve, 10));
console.log('x');
`);
    expect(seen).toMatchObject({
      'axios.create': '-',
      'axios.get': 'axios (import)',
      'axios.isAxiosError': '-',
      'client.post': 'axios (import)',
      readFile: 'node-fs (import)',
      'fs.statSync': 'node-fs (import)',
      'stripe.customers.create': 'stripe (import)',
      'stripe.webhooks.constructEvent': '-',
      "bucket.file('f').download": 'google-cloud-storage (import)',
      "bucket.file": '-',
      'redis.on': '-',
      "redis.pipeline().set('a', 1).exec": 'ioredis (import)',
      'redis.pipeline': '-',
      'nodeRedis.options.url.toString': '-',
      'nodeRedis.json.set': 'redis (import)',
      fetch: 'fetch (global)',
      'globalThis.fetch': 'fetch (global)',
      Promise: 'node-timers (global)',
      'console.log': '-',
    });
  });

  it('respects shadowing: a fetch or setTimeout declared in the file is not the global', () => {
    const seen = classify(`
function fetch(x: string) { return x; }
const setTimeout = (f: () => void) => f();
fetch('u');
new Promise<void>((resolve) => setTimeout(resolve));
`);
    expect(seen).toMatchObject({ fetch: '-', setTimeout: '-', Promise: '-' });
    expect(classify(`new Promise((resolve) => resolve(1));`)).toEqual({ Promise: '-', resolve: '-' });
  });

  it('applies options: extra functions and modules, allowed calls and libraries', () => {
    const seen = classify(
      `
import axios from 'axios';
import Redis from 'ioredis';
import { send } from '@acme/hooks';
import * as crm from '@acme/crm';
const redis = new Redis();
axios.get('u');
axios.head('u');
redis.get('k');
send('x');
crm.contacts.create({});
publishEvent('x');
`,
      {
        options: {
          ioFunctions: [{ name: 'publishEvent' }, { module: '@acme/hooks', export: 'send' }],
          ioModules: ['@acme/crm'],
          allow: [{ name: 'head' }],
          allowLibraries: ['ioredis'],
        },
      },
    );
    expect(seen).toEqual({
      'axios.get': 'axios (import)',
      'axios.head': '-',
      'redis.get': '-',
      send: 'option (option)',
      'crm.contacts.create': 'option (option)',
      publishEvent: 'option (option)',
      Redis: '-',
    });
  });
});

describe('I/O classifier, by type', () => {
  const acrossFiles = `
import { http, s3, redis, stripe, fetchRate, loadPage, formatMoney, notifyWarehouse } from './io-clients';
import { db } from './io-db';
import { readFile } from './io-reexports';
http.get('/x');
http.getUri();
s3.send({} as never);
s3.destroy();
redis.hget('a', 'b');
redis.on('error', () => 0);
stripe.customers.list();
fetchRate('EUR');
loadPage('u');
formatMoney(1);
notifyWarehouse(1);
db('orders').insert({});
readFile('x');
`;

  it('recognises clients from another file by the receiver type, and wrappers by their result type', () => {
    // The type tier alone: with cross-file reach on, the module engine answers first (next test).
    const seen = classify(acrossFiles, { typed: true, settings: { dbconventions: { followModules: false } } });
    expect(seen).toMatchObject({
      'http.get': 'axios (type)',
      'http.getUri': '-',
      's3.send': 'aws-sdk-v3 (type)',
      's3.destroy': '-',
      'redis.hget': 'ioredis (type)',
      'redis.on': '-',
      'stripe.customers.list': 'stripe (type)',
      fetchRate: 'axios (result)',
      loadPage: 'fetch (result)',
      formatMoney: '-',
      notifyWarehouse: '-',
      db: '-',
      readFile: 'node-fs (type)',
    });
  });

  it('recognises clients exported by another file by import, through the module engine, typed or not', () => {
    for (const typed of [true, false]) {
      const seen = classify(acrossFiles, { typed, fileOnDisk: true });
      expect(seen).toMatchObject({
        'http.get': 'axios (import)',
        'http.getUri': '-',
        's3.send': 'aws-sdk-v3 (import)',
        's3.destroy': '-',
        'redis.hget': 'ioredis (import)',
        'redis.on': '-',
        'stripe.customers.list': 'stripe (import)',
        formatMoney: '-',
        db: '-',
      });
    }
  });
});
