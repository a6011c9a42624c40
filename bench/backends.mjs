#!/usr/bin/env node
// Every plugin rule (the `all` config, untyped) over published back ends that ship services, entities and
// migrations: code none of us wrote, to read what the rules report on it. The packages are pinned, `npm pack`ed
// into bench/.cache/ once (as the corpus's are) and never executed. Needs `npm run build` first.
//
//   node bench/backends.mjs                 counts per rule and package
//   node bench/backends.mjs <rule> [prefix] each finding of one rule, with the line it sits on
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { download, extract } from './corpus.mjs';

const require = createRequire(import.meta.url);
const { Linter } = require('eslint');
const tsParser = require('@typescript-eslint/parser');
const plugin = require('../dist/index.js');

/** Back ends on npm, with the database layer each exercises. Compiled packages still show queries and transactions; decorators compile away. */
export const BACKENDS = [
  { name: 'ghost', version: '5.130.6' }, // knex and bookshelf, JavaScript sources, its own migration commands
  { name: '@directus/api', version: '23.3.2' }, // knex, services, runtime schema changes, migrations
  { name: '@vendure/core', version: '3.7.3' }, // TypeORM services and transactions (compiled)
  { name: '@strapi/database', version: '5.54.0' }, // knex behind its own entity manager and transaction wrapper
  { name: '@backstage/plugin-catalog-backend', version: '4.0.5' }, // knex, migrations, retry helpers
  { name: '@medusajs/medusa', version: '1.20.10' }, // TypeORM migrations as raw SQL (compiled)
];

const [onlyRule, prefix = ''] = process.argv.slice(2);
const linter = new Linter();
const ruleIds = Object.keys(plugin.rules).map((name) => `dbconventions/${name}`);
const counts = new Map();
let files = 0;
let unparsed = 0;

function* codeFiles(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      // Ghost's bundled admin and other built assets are not back-end code.
      if (!/^(node_modules|built|assets|public)$/.test(entry.name)) yield* codeFiles(full);
    } else if (/\.[cm]?[jt]s$/.test(entry.name) && !/\.d\.[cm]?ts$|\.min\.js$/.test(entry.name)) {
      yield full;
    }
  }
}

for (const pkg of BACKENDS) {
  const { tgz } = download(pkg, true);
  const root = extract(pkg, tgz);
  for (const file of codeFiles(root)) {
    const text = fs.readFileSync(file, 'utf8');
    if (text.length > 400_000) continue;
    const typescript = /\.[cm]?ts$/.test(file);
    const commonjs = !typescript && (file.endsWith('.cjs') || !/^\s*(?:import|export)\s/m.test(text));
    const config = [
      {
        files: ['**/*'],
        plugins: { dbconventions: plugin },
        rules: Object.fromEntries(ruleIds.map((id) => [id, 'error'])),
        linterOptions: { reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
        languageOptions: typescript ? { parser: tsParser, sourceType: 'module' } : { sourceType: commonjs ? 'commonjs' : 'module', ecmaVersion: 'latest' },
      },
    ];
    files++;
    const shown = `${pkg.name}/${path.relative(root, file)}`;
    for (const message of linter.verify(text, config, { filename: file, allowInlineConfig: false })) {
      if (message.fatal) {
        unparsed++;
        continue;
      }
      if (!message.ruleId?.startsWith('dbconventions/')) continue;
      const key = `${message.ruleId}\t${pkg.name}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (onlyRule && message.ruleId === `dbconventions/${onlyRule.replace(/^dbconventions\//, '')}` && shown.startsWith(prefix)) {
        console.log(`${shown}:${message.line}:${message.column}  ${message.message}`);
        console.log(`  ${String(message.line).padStart(5)} | ${text.split('\n')[message.line - 1]?.trim().slice(0, 160)}`);
      }
    }
  }
}

if (!onlyRule) for (const [key, count] of [...counts].sort()) console.log(`${String(count).padStart(5)}  ${key.replace('\t', '  ')}`);
console.log(`${files} files of ${BACKENDS.length} packages; ${unparsed} did not parse as their extension says`);
