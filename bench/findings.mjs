#!/usr/bin/env node
// What one rule reports on the corpus, with two lines of context: for reviewing false positives
// on published code (real/) or recall on the generated apps (gen/). Needs `npm run build` first.
//
//   node bench/findings.mjs <rule> [path prefix, default real/] [--typed]
//   node bench/findings.mjs no-eager-relations real/
//   node bench/findings.mjs no-interpolated-sql gen/003- --typed
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { CORPUS_DIR, buildCorpus } from './corpus.mjs';
import { benchConfig, filesFor } from './run.mjs';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const typed = process.argv.includes('--typed');
if (!args[0]) {
  console.error('usage: node bench/findings.mjs <rule> [path prefix] [--typed]');
  process.exit(2);
}
const ruleId = args[0].includes('/') ? args[0] : `dbconventions/${args[0]}`;
const prefix = args[1] ?? 'real/';

const manifest = await buildCorpus({ quiet: true });
// The smallest shipped config that turns the rule on: `strict` (or `all`) rules are off in `recommended`.
const plugin = require('../dist/index.js');
const configName = ['recommended', 'strict', 'all'].find((name) => {
  const config = plugin.configs[`flat/${name}`];
  return (Array.isArray(config) ? config : [config]).some((entry) => entry.rules?.[ruleId] !== undefined && entry.rules[ruleId] !== 'off');
});
if (!configName && ruleId.startsWith('dbconventions/')) {
  console.error(`${ruleId} is in none of the plugin's configs`);
  process.exit(2);
}
const { ESLint } = require('eslint');
const eslint = new ESLint({
  cwd: CORPUS_DIR,
  overrideConfigFile: true,
  overrideConfig: await benchConfig({ manifest, typed, rules: true, configName: configName ?? 'recommended' }),
  allowInlineConfig: false,
  ruleFilter: ({ ruleId: id }) => id === ruleId,
});
const files = filesFor(manifest, { typed }).filter((f) => f.startsWith(prefix));
const results = await eslint.lintFiles(files);
let count = 0;
for (const result of results) {
  const messages = result.messages.filter((m) => m.ruleId === ruleId || m.fatal);
  if (!messages.length) continue;
  const lines = fs.readFileSync(result.filePath, 'utf8').split('\n');
  for (const m of messages) {
    count++;
    console.log(`${path.relative(CORPUS_DIR, result.filePath)}:${m.line}:${m.column}  ${m.message}`);
    for (let i = Math.max(0, m.line - 3); i < Math.min(lines.length, m.line + 1); i++) console.log(`  ${String(i + 1).padStart(5)} | ${lines[i].slice(0, 160)}`);
  }
}
console.log(`${count} finding(s) of ${ruleId} in ${files.length} files under ${prefix}${typed ? ' (typed)' : ''}`);
