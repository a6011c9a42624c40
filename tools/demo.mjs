#!/usr/bin/env node
/**
 * `npm run demo`: lint examples/ with the built plugin, the way a user's project is linted.
 *
 * Prints ESLint's usual (stylish) output, then a summary per rule of the plugin: how many
 * reports it gave, and a clear line for every rule that did not fire. Every violation in
 * examples/ is deliberate and marked in the code:
 *
 *     eager: true, // deliberate: no-eager-relations — why this is wrong
 *
 * The marker names the rule and sits on the reported line, or on comment lines right above it.
 * The demo checks the markers against the reports and lists reports without a marker (a
 * possible false positive) and markers of an enabled rule without a report (a possible miss).
 *
 * Exit code: 0 when every rule of the plugin fired; 1 when a rule never fired, or when linting
 * crashed (a rule threw, or a file did not parse). With `--strict`, a report without a marker
 * or a marker without its report also fails the run.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const examples = path.join(root, 'examples');
const configFile = path.join(examples, 'eslint.config.mjs');
const strict = process.argv.includes('--strict');

const require = createRequire(import.meta.url);
let plugin;
try {
  plugin = require(path.join(root, 'dist', 'index.js'));
} catch (error) {
  console.error(`Cannot load the plugin from dist/: run \`npm run build\` first.\n${error.stack ?? error}`);
  process.exit(1);
}
const namespace = plugin.meta?.namespace ?? 'dbconventions';
const ruleNames = Object.keys(plugin.rules ?? {}).sort();
const prefix = `${namespace}/`;

const rel = (file) => path.relative(root, file).split(path.sep).join('/');

// ---------------------------------------------------------------------------------------------
// Lint.
let eslint;
let results;
try {
  eslint = new ESLint({ cwd: examples, overrideConfigFile: configFile });
  results = await eslint.lintFiles(['.']);
} catch (error) {
  console.error(`Linting examples/ crashed:\n${error.stack ?? error}`);
  process.exit(1);
}

const formatter = await eslint.loadFormatter('stylish');
const output = await formatter.format(results);
process.stdout.write(output.trim() ? `${output.trimEnd()}\n\n` : 'ESLint reported nothing on examples/.\n\n');

// ---------------------------------------------------------------------------------------------
// What each rule reported; what was fatal.
const counts = new Map(ruleNames.map((name) => [name, 0]));
const reports = []; // { file, line, rule } for the plugin's rules
const fatal = [];
for (const result of results) {
  for (const message of result.messages) {
    if (message.fatal || !message.ruleId) {
      fatal.push(`${rel(result.filePath)}:${message.line ?? 0}:${message.column ?? 0} ${message.message}`);
      continue;
    }
    if (!message.ruleId.startsWith(prefix)) continue;
    const rule = message.ruleId.slice(prefix.length);
    counts.set(rule, (counts.get(rule) ?? 0) + 1);
    reports.push({ file: result.filePath, line: message.line, rule });
  }
}

// Which of the plugin's rules the config turns on for at least one linted file.
const enabled = new Set();
for (const result of results) {
  const config = await eslint.calculateConfigForFile(result.filePath);
  for (const [id, setting] of Object.entries(config?.rules ?? {})) {
    const severity = Array.isArray(setting) ? setting[0] : setting;
    if (id.startsWith(prefix) && severity !== 0 && severity !== 'off') enabled.add(id.slice(prefix.length));
  }
}

// ---------------------------------------------------------------------------------------------
// The `deliberate:` markers, and where each one points.
const MARKER = /deliberate:\s*([a-z0-9-]+)/;
const markers = []; // { file, line, rule, matched }
for (const result of results) {
  const lines = readFileSync(result.filePath, 'utf8').split(/\r?\n/);
  lines.forEach((text, index) => {
    const comment = text.search(/\/\/|\/\*/);
    const found = comment === -1 ? null : MARKER.exec(text.slice(comment));
    if (!found) return;
    let target = index;
    if (text.slice(0, comment).trim() === '') {
      // A comment line of its own points at the next line of code.
      target = index + 1;
      while (target < lines.length && /^\s*(\/\/|\/\*|\*|$)/.test(lines[target])) target += 1;
    }
    markers.push({ file: result.filePath, line: target + 1, rule: found[1], matched: false });
  });
}

const unexpected = [];
for (const report of reports) {
  const marker = markers.find((m) => !m.matched && m.file === report.file && m.line === report.line && m.rule === report.rule);
  if (marker) marker.matched = true;
  else unexpected.push(report);
}
const missed = markers.filter((m) => !m.matched && enabled.has(m.rule));
const pending = new Map(); // markers for rules the plugin does not have yet
const unknownMarkers = [];
for (const marker of markers) {
  if (marker.matched || enabled.has(marker.rule)) continue;
  if (ruleNames.includes(marker.rule)) continue; // a rule that is off: reported below as not firing
  if (/^[a-z0-9]+(-[a-z0-9]+)+$/.test(marker.rule)) pending.set(marker.rule, (pending.get(marker.rule) ?? 0) + 1);
  else unknownMarkers.push(marker);
}

// ---------------------------------------------------------------------------------------------
// Summary.
const width = Math.max(...ruleNames.map((name) => name.length), 10);
console.log(`${namespace} on examples/ (${results.length} files, ${ruleNames.length} rule${ruleNames.length === 1 ? '' : 's'} in the plugin):`);
const silent = [];
for (const name of ruleNames) {
  const count = counts.get(name) ?? 0;
  console.log(`  ${name.padEnd(width)}  ${String(count).padStart(3)} report${count === 1 ? '' : 's'}`);
  if (count === 0) silent.push(name);
}
console.log('');

for (const name of silent) {
  const why = enabled.has(name) ? '' : ' (it is not enabled by examples/eslint.config.mjs: turn it on there)';
  console.log(`✗ rule ${name} did not fire on examples/ — add an example${why}`);
}
for (const line of fatal) console.log(`✗ fatal: ${line}`);

const matchedCount = markers.filter((m) => m.matched).length;
const expectedCount = matchedCount + missed.length;
console.log(
  `Deliberate violations: ${matchedCount} of ${expectedCount} marked for enabled rules were reported; ${unexpected.length} report${unexpected.length === 1 ? '' : 's'} without a marker.`,
);
for (const report of unexpected) {
  console.log(`  ? unexpected: ${rel(report.file)}:${report.line} ${prefix}${report.rule} has no "deliberate: ${report.rule}" marker (a false positive, or a missing marker)`);
}
for (const marker of missed) {
  console.log(`  ? missed: ${rel(marker.file)}:${marker.line} is marked "deliberate: ${marker.rule}" but was not reported`);
}
for (const marker of unknownMarkers) {
  console.log(`  ? unreadable marker at ${rel(marker.file)}:${marker.line}: "deliberate: ${marker.rule}" names no rule`);
}
if (pending.size > 0) {
  const list = [...pending].sort().map(([rule, n]) => `${rule} (${n})`).join(', ');
  console.log(`Waiting for rules not in the plugin yet: ${list}.`);
}

const failed = silent.length > 0 || fatal.length > 0 || (strict && (unexpected.length > 0 || missed.length > 0 || unknownMarkers.length > 0));
console.log(failed ? '\nDemo: FAILED' : `\nDemo: OK — every rule fired${strict ? ', every report on a marked violation' : ''}.`);
process.exitCode = failed ? 1 : 0;
