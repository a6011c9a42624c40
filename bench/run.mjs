#!/usr/bin/env node
// The speed bench (DESIGN.md, "Bars" → Speed). Lints the corpus built by bench/corpus.mjs with
// ESLint's own `stats` (per-file parse time, per-rule time, pass total) and reports the plugin's
// overhead against the parse-only baseline:
//   (a) untyped, no rules: the baseline (sum of the per-file pass totals from `stats`);
//   (b) untyped, the plugin's recommended rules + eslint-plugin-sql's `sql/no-unsafe-query`
//       (the peer) in the same run: each rule's time as % of (a), twice: with a *cold* module
//       cache (cleared right before the measured pass) and a *warm* one (a second full pass in the
//       same process, against a baseline measured the same way); with the number of module files
//       the plugin's module engine read (`moduleReads()`) during the measured pass, and how many
//       it took from the files ESLint had just linted instead (`modulesReused()`);
//   (c) typed (parserOptions.projectService, bench/.corpus/tsconfig.json) on the TypeScript
//       files: a typed baseline without rules, and the rules' time as % of it.
// Every measurement runs in a fresh Node process, repeated (default 3) and interleaved; the
// figures are medians. Writes bench/report.md. Exit code 0 whatever the figures: it is a report.
//
//   npm run bench [-- --runs 3] [-- --typed-files all|<n>] [-- --no-typed] [-- --config strict]
// (`--config strict` measures the strict config, which holds every rule, and writes
// bench/report-strict.md instead.)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { CORPUS_DIR, buildCorpus, readManifest } from './corpus.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const require = createRequire(import.meta.url);

export const BUDGET = { totalUntyped: 5, totalTyped: 5, perRule: 2 };
const PEER = 'sql/no-unsafe-query';
const WARMUP_FILES = 150;
const FLOOR = 'bench-floor';
const floorId = (ruleId) => ruleId.replace('/', '--');

function floorTwin(rule) {
  return {
    meta: { type: 'problem', schema: rule.meta?.schema ?? [], defaultOptions: rule.meta?.defaultOptions },
    create(context) {
      const listeners = rule.create(context);
      return Object.fromEntries(Object.keys(listeners).map((key) => [key, () => {}]));
    },
  };
}

// ───────────────────────────── the ESLint config ─────────────────────────────

/** The flat config for one mode. `rules`: none (baseline) or the plugin's config (`recommended` or `strict`) + the peer. */
export async function benchConfig({ manifest, typed, rules, disable = [], configName = 'recommended' }) {
  const tsParser = require('@typescript-eslint/parser');
  const config = [
    {
      files: ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx'],
      languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
    },
    { files: manifest.commonjsGlobs, languageOptions: { sourceType: 'commonjs' } },
    {
      files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
      languageOptions: {
        parser: tsParser,
        parserOptions: typed ? { projectService: true, tsconfigRootDir: CORPUS_DIR } : {},
      },
    },
    { linterOptions: { reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' } },
  ];
  if (rules) {
    const plugin = require(path.join(root, 'dist/index.js'));
    const sql = (await import('eslint-plugin-sql')).default;
    const recommended = plugin.configs[`flat/${configName}`];
    const entries = Array.isArray(recommended) ? recommended : [recommended];
    for (const entry of entries) config.push(entry);
    config.push({ plugins: { sql }, rules: { [PEER]: 'error' } });
    // The measuring floor: for every measured rule, a twin that registers the same listeners
    // (from the real rule's own create()) and does nothing in them. Its time is what ESLint's
    // stats instrumentation and the listener dispatch cost by themselves.
    // A rule that crashed in an earlier run is switched off, so the others still get measured.
    if (disable.length) config.push({ rules: Object.fromEntries(disable.map((id) => [id, 'off'])) });
    const measured = { ...Object.fromEntries(entries.flatMap((e) => Object.keys(e.rules ?? {})).map((id) => [id, plugin.rules[id.split('/')[1]]])), [PEER]: sql.rules['no-unsafe-query'] };
    for (const id of disable) delete measured[id];
    const floorRules = {};
    for (const [id, rule] of Object.entries(measured)) floorRules[floorId(id)] = floorTwin(rule);
    config.push({ plugins: { [FLOOR]: { rules: floorRules } }, rules: Object.fromEntries(Object.keys(floorRules).map((id) => [`${FLOOR}/${id}`, 'error'])) });
  }
  return config;
}

/** The files a mode lints (paths relative to the corpus). */
export function filesFor(manifest, { typed, typedFiles = 'all' }) {
  if (!typed) return manifest.files.map((f) => f.path);
  const ts = manifest.files.filter((f) => f.lang === 'ts').map((f) => f.path);
  if (typedFiles === 'all' || Number(typedFiles) >= ts.length) return ts;
  // The first n in corpus order: whole generated apps first (so their imports resolve).
  return ts.slice(0, Number(typedFiles));
}

// ───────────────────────────── a worker: one measurement ─────────────────────────────

async function worker(spec) {
  const { ESLint } = require('eslint');
  const manifest = readManifest();
  const files = filesFor(manifest, spec);
  const overrideConfig = await benchConfig({ manifest, typed: spec.typed, rules: spec.rules, disable: spec.disable, configName: spec.configName });
  const eslint = new ESLint({
    cwd: CORPUS_DIR,
    overrideConfigFile: true,
    overrideConfig,
    stats: true,
    allowInlineConfig: false,
    warnIgnored: false,
    cache: false,
  });
  // Warm the JIT on a slice of the corpus (untyped only: a typed warm-up would also build the
  // TypeScript program, which belongs in the typed figures).
  // Warm: one full pass first, so the module cache holds what the measured pass will ask for.
  // The module engine lives in the plugin's build (dist/), loaded by benchConfig for rule runs.
  const modules = spec.rules ? require(path.join(root, 'dist/analysis/modules/load.js')) : undefined;
  let results;
  let started;
  let readsBefore;
  let reusedBefore;
  try {
    if (spec.warm) await eslint.lintFiles(files);
    else if (!spec.typed) await eslint.lintFiles(files.slice(0, WARMUP_FILES));
    // Cold: no module parsed yet, whatever the JIT warm-up read.
    if (!spec.warm) modules?.clearModuleCache();
    readsBefore = modules?.moduleReads() ?? 0;
    reusedBefore = modules?.modulesReused() ?? 0;
    started = process.hrtime.bigint();
    results = await eslint.lintFiles(files);
  } catch (error) {
    // A rule threw: ESLint stops the whole run. Report which rule and where.
    const ruleId = error?.ruleId ? String(error.ruleId).replace(`${FLOOR}/`, '').replace('--', '/') : undefined;
    fs.writeFileSync(spec.out, JSON.stringify({ crash: { ruleId, message: String(error?.message ?? error), stack: String(error?.stack ?? '') } }));
    return;
  }
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;

  const moduleReads = modules ? modules.moduleReads() - readsBefore : null;
  const modulesReused = modules ? modules.modulesReused() - reusedBefore : null;
  const out = { wallMs, files: results.length, parseMs: 0, totalMs: 0, rules: {}, messages: {}, fatal: [], perFile: [], moduleReads, modulesReused, byPart: {} };
  // Which part of the corpus the time goes to: the generated apps, the multi-module apps, real code.
  const partOf = (rel) => (rel.startsWith('real/') ? 'real' : /^gen\/m\d+-modules-/.test(rel) ? 'generated, multi-module apps' : 'generated, other apps');
  for (const result of results) {
    const pass = result.stats?.times?.passes?.[0];
    if (pass) {
      out.parseMs += pass.parse?.total ?? 0;
      out.totalMs += pass.total ?? 0;
      let plugin = 0;
      for (const [rule, { total }] of Object.entries(pass.rules ?? {})) {
        out.rules[rule] = (out.rules[rule] ?? 0) + total;
        if (rule.startsWith('dbconventions/')) plugin += total;
      }
      const rel = path.relative(CORPUS_DIR, result.filePath).split(path.sep).join('/');
      const part = (out.byPart[partOf(rel)] ??= { files: 0, totalMs: 0, pluginMs: 0 });
      part.files++;
      part.totalMs += pass.total ?? 0;
      part.pluginMs += plugin;
      if (plugin > 0) out.perFile.push([rel, plugin]);
    }
    for (const message of result.messages) {
      if (message.fatal || !message.ruleId) out.fatal.push(`${path.relative(CORPUS_DIR, result.filePath)}:${message.line}: ${message.message}`);
      else out.messages[message.ruleId] = (out.messages[message.ruleId] ?? 0) + 1;
    }
  }
  out.perFile.sort((a, b) => b[1] - a[1]);
  out.perFile = out.perFile.slice(0, 8);
  fs.writeFileSync(spec.out, JSON.stringify(out));
}

// ───────────────────────────── the driver ─────────────────────────────

function runWorker(spec) {
  const out = path.join(os.tmpdir(), `dbconventions-bench-${process.pid}-${spec.name}-${spec.run}.json`);
  const started = Date.now();
  const child = spawnSync(process.execPath, ['--max-old-space-size=6144', fileURLToPath(import.meta.url), '--worker', JSON.stringify({ ...spec, out })], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  if (child.status !== 0) {
    throw new Error(`bench worker ${spec.name} failed (exit ${child.status}):\n${child.stderr}`);
  }
  const result = JSON.parse(fs.readFileSync(out, 'utf8'));
  fs.rmSync(out, { force: true });
  result.processMs = Date.now() - started;
  return result;
}

/** Runs one measurement; a rule that crashes is recorded, switched off, and the run repeated. */
function measure(spec, crashes, disabled) {
  for (;;) {
    const result = runWorker({ ...spec, disable: spec.rules ? [...disabled] : [] });
    if (!result.crash) return result;
    const { ruleId, message } = result.crash;
    crashes.push({ mode: spec.name, ruleId, message });
    console.log(`  RULE CRASH in ${spec.name}: ${ruleId ?? '(unknown rule)'}: ${message.split('\n').join(' | ')}`);
    if (!ruleId || disabled.has(ruleId) || !spec.rules) throw new Error(`cannot measure ${spec.name}: ${message}`);
    disabled.add(ruleId);
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function parseArgs(argv) {
  const args = { runs: 3, typed: true, typedFiles: 'all', configName: 'recommended' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') args.runs = Number(argv[++i]);
    else if (a === '--typed-files') args.typedFiles = argv[++i];
    else if (a === '--no-typed') args.typed = false;
    else if (a === '--config') args.configName = argv[++i];
  }
  if (!['recommended', 'strict'].includes(args.configName)) throw new Error(`--config: recommended or strict, not ${args.configName}`);
  return args;
}

const pct = (part, whole) => (whole > 0 ? (100 * part) / whole : 0);
const fmtMs = (ms) => `${Math.round(ms).toLocaleString('en-US')} ms`;
const fmtPct = (p) => `${p.toFixed(2)}%`;

/** Summarises the runs of one mode: medians of every figure. */
function summarize(runs) {
  const ruleIds = [...new Set(runs.flatMap((r) => Object.keys(r.rules)))].sort();
  return {
    files: runs[0].files,
    totalMs: median(runs.map((r) => r.totalMs)),
    parseMs: median(runs.map((r) => r.parseMs)),
    wallMs: median(runs.map((r) => r.wallMs)),
    rules: Object.fromEntries(ruleIds.map((id) => [id, median(runs.map((r) => r.rules[id] ?? 0))])),
    // The same run's own baseline: its pass total minus all rule time (immune to load that
    // differs between the baseline's process and this one).
    sameRunBaseMs: median(runs.map((r) => r.totalMs - Object.values(r.rules).reduce((a, b) => a + b, 0))),
    sameRunPluginMs: median(runs.map((r) => Object.entries(r.rules).filter(([id]) => id.startsWith('dbconventions/')).reduce((a, [, ms]) => a + ms, 0))),
    messages: runs[0].messages,
    fatal: runs[0].fatal,
    perFile: runs[0].perFile,
    samples: runs.map((r) => r.totalMs),
    moduleReads: runs[0].moduleReads == null ? null : median(runs.map((r) => r.moduleReads)),
    modulesReused: runs[0].modulesReused == null ? null : median(runs.map((r) => r.modulesReused)),
    byPart: runs[0].byPart,
  };
}

function evaluate(base, withRules, budgetTotal, crashed = new Set()) {
  const rows = [...crashed].map((id) => ({ id, crashed: true, peer: false, ok: false, findings: 0 }));
  let pluginTotal = 0;
  for (const [id, ms] of Object.entries(withRules.rules)) {
    if (id.startsWith(`${FLOOR}/`)) continue;
    const isPlugin = id.startsWith('dbconventions/');
    if (isPlugin) pluginTotal += ms;
    const p = pct(ms, base.totalMs);
    const floorMs = withRules.rules[`${FLOOR}/${floorId(id)}`];
    rows.push({ id, ms, pct: p, floorMs, peer: !isPlugin, ok: isPlugin ? p <= BUDGET.perRule : undefined, findings: withRules.messages[id] ?? 0 });
  }
  rows.sort((a, b) => Number(a.peer) - Number(b.peer) || a.id.localeCompare(b.id));
  const totalPct = pct(pluginTotal, base.totalMs);
  return { rows, pluginTotal, totalPct, totalOk: totalPct <= budgetTotal, sameRunPct: pct(withRules.sameRunPluginMs, withRules.sameRunBaseMs) };
}

function table(title, base, evaluation, budgetTotal, withRules) {
  const lines = [];
  lines.push(`### ${title}`, '');
  lines.push(`Baseline (parser only, no rules): **${fmtMs(base.totalMs)}** over ${base.files} files (of which parsing ${fmtMs(base.parseMs)}; the runs: ${base.samples.map((x) => Math.round(x).toLocaleString('en-US')).join(', ')} ms).`, '');
  if (withRules?.moduleReads != null) {
    lines.push(`Module files read by the module engine during the measured pass: **${withRules.moduleReads}**; taken instead from the files ESLint had just linted: ${withRules.modulesReused ?? 0}.`, '');
  }
  lines.push('| Rule | Time | % of baseline | Budget | Measuring floor | Findings |', '|---|---:|---:|---|---:|---:|');
  for (const row of evaluation.rows) {
    if (row.crashed) {
      lines.push(`| \`${row.id}\` | — | — | ❌ **CRASHED** (switched off, not measured) | | |`);
      continue;
    }
    const budget = row.peer ? 'peer, not budgeted' : row.ok ? `≤ ${BUDGET.perRule}% ✅` : `≤ ${BUDGET.perRule}% ❌ **OVER**`;
    const floor = row.floorMs === undefined ? '' : `${fmtMs(row.floorMs)} (${fmtPct(pct(row.floorMs, base.totalMs))})`;
    lines.push(`| \`${row.id}\` | ${fmtMs(row.ms)} | ${fmtPct(row.pct)} | ${budget} | ${floor} | ${row.findings} |`);
  }
  lines.push(`| **all plugin rules** | **${fmtMs(evaluation.pluginTotal)}** | **${fmtPct(evaluation.totalPct)}** | ≤ ${budgetTotal}% ${evaluation.totalOk ? '✅' : '❌ **OVER**'} | | |`);
  lines.push('', `Cross-check inside the rules run itself (its pass total minus all rule time as the baseline): all plugin rules = ${fmtPct(evaluation.sameRunPct)}.`, '');
  return lines.join('\n');
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const benchStarted = Date.now();
  console.log('== corpus');
  const manifest = await buildCorpus();
  const c = manifest.counts;

  const modes = [
    { name: 'untyped-base', typed: false, rules: false },
    { name: 'untyped-rules', typed: false, rules: true },
    { name: 'untyped-base-warm', typed: false, rules: false, warm: true },
    { name: 'untyped-rules-warm', typed: false, rules: true, warm: true },
  ];
  if (args.typed) {
    modes.push({ name: 'typed-base', typed: true, rules: false, typedFiles: args.typedFiles });
    modes.push({ name: 'typed-rules', typed: true, rules: true, typedFiles: args.typedFiles });
  }
  const runs = Object.fromEntries(modes.map((m) => [m.name, []]));
  const crashes = [];
  // Per kind of run: a rule may crash on JavaScript ASTs only, and still be measured typed.
  const disabled = { untyped: new Set(), typed: new Set() };
  for (let run = 1; run <= args.runs; run++) {
    for (const mode of modes) {
      const result = measure({ ...mode, run, configName: args.configName }, crashes, disabled[mode.typed ? 'typed' : 'untyped']);
      runs[mode.name].push(result);
      const reads = result.moduleReads == null ? '' : `  module reads ${result.moduleReads}`;
      console.log(`  run ${run}/${args.runs} ${mode.name.padEnd(18)} ${String(result.files).padStart(5)} files  stats total ${fmtMs(result.totalMs).padStart(10)}  (process ${(result.processMs / 1000).toFixed(1)} s)${reads}`);
    }
  }

  const s = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, summarize(v)]));
  const untyped = evaluate(s['untyped-base'], s['untyped-rules'], BUDGET.totalUntyped, disabled.untyped);
  const warm = evaluate(s['untyped-base-warm'], s['untyped-rules-warm'], BUDGET.totalUntyped, disabled.untyped);
  const typed = args.typed ? evaluate(s['typed-base'], s['typed-rules'], BUDGET.totalTyped, disabled.typed) : undefined;
  const seconds = ((Date.now() - benchStarted) / 1000).toFixed(0);

  const over = [];
  for (const [label, ev] of [['untyped cold', untyped], ['untyped warm', warm]]) {
    if (!ev.totalOk) over.push(`${label} total ${fmtPct(ev.totalPct)} > ${BUDGET.totalUntyped}%`);
    for (const row of ev.rows) if (row.ok === false && !row.crashed) over.push(`${label} ${row.id} ${fmtPct(row.pct)} > ${BUDGET.perRule}%`);
  }
  if (typed) {
    if (!typed.totalOk) over.push(`typed total ${fmtPct(typed.totalPct)} > ${BUDGET.totalTyped}%`);
    for (const row of typed.rows) if (row.ok === false && !row.crashed) over.push(`typed ${row.id} ${fmtPct(row.pct)} > ${BUDGET.perRule}%`);
  }
  const fatal = [...new Set(Object.values(s).flatMap((x) => x.fatal))];
  for (const [kind, set] of Object.entries(disabled)) if (set.size) over.unshift(`${[...set].join(', ')} CRASHED in ${kind} runs (switched off there, not measured)`);

  const report = [];
  report.push(args.configName === 'recommended' ? '# Benchmark report' : `# Benchmark report: the ${args.configName} config`, '');
  report.push(`Generated by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model?.trim() ?? 'unknown'}), ESLint ${require('eslint/package.json').version}, @typescript-eslint/parser ${require('@typescript-eslint/parser/package.json').version}, eslint-plugin-sql ${require('eslint-plugin-sql/package.json').version}. ${args.runs} runs per mode, each in a fresh process, interleaved; medians. Times are ESLint's own \`stats\` (per-file pass totals, per-rule listener and \`create()\` time). Bench wall time: ${seconds} s.`, '');
  report.push('## Corpus', '');
  report.push(`${c.total} files, ${c.lines.toLocaleString('en-US')} lines (${c.ts} TypeScript, ${c.js} JavaScript): ${c.generated} generated (${c.generatedTs} TS, ${c.generatedJs} JS; seed ${manifest.seed}) and ${c.real} from published packages:`, '');
  report.push(Object.entries(manifest.real).map(([name, info]) => `\`${name}@${info.version}\` ${info.files}`).join(', ') + '.', '');
  report.push('## Budget', '');
  report.push(`All plugin rules together ≤ ${BUDGET.totalUntyped}% of the parse-only untyped time; ≤ ${BUDGET.totalTyped}% over the typed baseline; no single rule over ${BUDGET.perRule}%. The peer rule is shown for comparison and not budgeted.`, '');
  report.push(over.length ? `**OVER BUDGET:** ${over.join('; ')}.` : '**Within budget** on every figure.', '');
  report.push('## Method', '');
  report.push(
    'The baseline of a mode is the sum over files of ESLint\'s per-file pass total (`stats.times.passes[0].total`: parsing, scope analysis, traversal) with no rule on. ' +
      'A rule\'s time is the sum of its `stats` rule time (its `create()` and every listener call). ' +
      'Overhead = rule time / baseline. With `stats` on, ESLint wraps every listener call in a timer; the *measuring floor* column is a do-nothing twin of each rule that registers the same listeners in the same run, i.e. what the instrumentation and dispatch cost alone. ' +
      'The budget is judged on the raw figure, floor included. Other processes on the machine add noise: compare the cross-check line, which takes both numbers from the same run.',
    '',
  );
  report.push('## Results', '');
  report.push(table('(a)/(b) Untyped, cold module cache: whole corpus', s['untyped-base'], untyped, BUDGET.totalUntyped, s['untyped-rules']));
  report.push(table('(a)/(b) Untyped, warm module cache (second full pass in the same process): whole corpus', s['untyped-base-warm'], warm, BUDGET.totalUntyped, s['untyped-rules-warm']));
  report.push('| Untyped | Baseline | All plugin rules | % | Module reads |', '|---|---:|---:|---:|---:|');
  for (const [label, base, ev, withRules] of [['cold', s['untyped-base'], untyped, s['untyped-rules']], ['warm', s['untyped-base-warm'], warm, s['untyped-rules-warm']]]) {
    report.push(`| ${label} | ${fmtMs(base.totalMs)} | ${fmtMs(ev.pluginTotal)} | ${fmtPct(ev.totalPct)} ${ev.totalOk ? '✅' : '❌'} | ${withRules.moduleReads ?? '—'} |`);
  }
  report.push('');
  if (typed) {
    const typedNote = s['typed-base'].files === c.ts ? `all ${c.ts} TypeScript files` : `${s['typed-base'].files} of the ${c.ts} TypeScript files`;
    report.push(table(`(c) Typed (projectService): ${typedNote}`, s['typed-base'], typed, BUDGET.totalTyped, s['typed-rules']));
  }
  report.push('## Where the plugin\'s time goes (untyped, one run)', '');
  report.push('| Part of the corpus | Files | Cold: plugin / pass total | Warm: plugin / pass total |', '|---|---:|---:|---:|');
  for (const part of Object.keys(s['untyped-rules'].byPart ?? {}).sort()) {
    const cold = s['untyped-rules'].byPart[part];
    const hot = s['untyped-rules-warm'].byPart?.[part];
    const cell = (x) => (x ? `${fmtMs(x.pluginMs)} / ${fmtMs(x.totalMs)} (${fmtPct(pct(x.pluginMs, x.totalMs))})` : '—');
    report.push(`| ${part} | ${cold.files} | ${cell(cold)} | ${cell(hot)} |`);
  }
  report.push('');
  report.push('## Slowest files for the plugin (untyped, cold module cache, one run)', '');
  for (const [file, ms] of s['untyped-rules'].perFile) report.push(`- \`${file}\`: ${ms.toFixed(1)} ms`);
  report.push('');
  report.push('## Rule crashes', '');
  report.push(crashes.length ? crashes.map((x) => `- ${x.mode}: \`${x.ruleId}\`: ${x.message.split('\n').join(' — ')}`).join('\n') : 'None.', '');
  report.push('## Fatal messages', '');
  report.push(fatal.length ? fatal.slice(0, 30).map((f) => `- ${f}`).join('\n') : 'None: every file parsed and no rule crashed.', '');
  const reportFile = path.join(here, args.configName === 'recommended' ? 'report.md' : `report-${args.configName}.md`);
  fs.writeFileSync(reportFile, `${report.join('\n')}\n`);

  // The console table.
  console.log('');
  const width = Math.max(18, ...[...untyped.rows, ...(typed?.rows ?? [])].map((row) => row.id.length)) + 2;
  const printMode = (title, base, ev, budgetTotal, withRules) => {
    const reads = withRules.moduleReads == null ? '' : `, module reads ${withRules.moduleReads}`;
    console.log(`${title}: baseline ${fmtMs(base.totalMs)} (${base.files} files, parse ${fmtMs(base.parseMs)}${reads})`);
    for (const row of ev.rows) {
      if (row.crashed) {
        console.log(`  ${row.id.padEnd(width)} CRASHED: switched off, not measured`);
        continue;
      }
      const verdict = row.peer ? 'peer' : row.ok ? 'ok' : `OVER BUDGET (> ${BUDGET.perRule}%)`;
      const floor = row.floorMs === undefined ? '' : `  floor ${fmtPct(pct(row.floorMs, base.totalMs))}`;
      console.log(`  ${row.id.padEnd(width)} ${fmtMs(row.ms).padStart(10)} ${fmtPct(row.pct).padStart(8)}  ${verdict}  [${row.findings} findings]${floor}`);
    }
    console.log(`  ${'all plugin rules'.padEnd(width)} ${fmtMs(ev.pluginTotal).padStart(10)} ${fmtPct(ev.totalPct).padStart(8)}  ${ev.totalOk ? 'ok' : `OVER BUDGET (> ${budgetTotal}%)`}`);
  };
  printMode('untyped, cold module cache', s['untyped-base'], untyped, BUDGET.totalUntyped, s['untyped-rules']);
  printMode('untyped, warm module cache', s['untyped-base-warm'], warm, BUDGET.totalUntyped, s['untyped-rules-warm']);
  if (typed) printMode('typed', s['typed-base'], typed, BUDGET.totalTyped, s['typed-rules']);
  console.log('');
  if (fatal.length) console.log(`FATAL MESSAGES: ${fatal.length} (see bench/report.md)`);
  console.log(over.length ? `OVER BUDGET: ${over.join('; ')}` : 'within budget');
  console.log(`report: ${path.relative(root, reportFile)} (${seconds} s)`);
}

if (process.argv[2] === '--worker') {
  worker(JSON.parse(process.argv[3])).catch((error) => {
    console.error(error?.stack ?? error);
    process.exit(1);
  });
} else if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    // A report, not a gate: say what failed, exit 0.
    console.error('bench failed:', error?.stack ?? error);
  });
}

