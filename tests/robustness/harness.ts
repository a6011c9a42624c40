/**
 * Runs rules over many files with ESLint's `Linter` and collects every exception: a rule that
 * throws (ESLint rethrows it, naming the file and the rule) and every fatal message (ESLint's
 * other way of reporting a broken run). Inline config is off, so an `eslint-disable` comment in
 * published code cannot switch a rule off and hide a crash.
 *
 * One parse per file serves every rule and every option set: the plugin is registered once per
 * option set under its own namespace (`dbconventions`, `dbconventions-options-1`, …), so the same
 * rule runs side by side with different options, sharing the per-file engine memos as rules do
 * in a real run. When a rule throws, it is switched off for that file and the file linted again,
 * so every rule that throws on a file is named.
 */
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import plugin from '../../src/index';
import { robustnessOptionSets } from './option-sets';

export const namespace = 'dbconventions';

export interface RuleRun {
  /** The rule id in the combined config: `dbconventions/<rule>` or `dbconventions-options-<n>/<rule>`. */
  readonly id: string;
  readonly rule: string;
  /** `<rule> (defaults)` or `<rule> <options as JSON>`. */
  readonly label: string;
  readonly entry: Linter.RuleEntry;
}

/** Every rule with its defaults, then each option set of the table, each under its own namespace. */
export function ruleRuns(): RuleRun[] {
  const runs: RuleRun[] = Object.keys(plugin.rules).map((rule) => ({ id: `${namespace}/${rule}`, rule, label: `${rule} (defaults)`, entry: 'error' }));
  let n = 0;
  for (const [rule, sets] of Object.entries(robustnessOptionSets)) {
    if (!(rule in plugin.rules)) continue;
    for (const options of sets) {
      n++;
      runs.push({ id: `${namespace}-options-${n}/${rule}`, rule, label: `${rule} ${JSON.stringify(options)}`, entry: ['error', ...options] as Linter.RuleEntry });
    }
  }
  return runs;
}

export interface LintSetup {
  readonly cwd: string;
  /** Globs (relative to `cwd`) of `.js` files that are CommonJS. */
  readonly commonjsGlobs?: readonly string[];
  /** Typed: a projectService rooted at `cwd` (the files must be in its tsconfig). */
  readonly typed?: boolean;
}

type PluginObject = NonNullable<Linter.Config['plugins']>[string];

export function configFor(runs: readonly RuleRun[], setup: LintSetup): Linter.Config[] {
  const plugins: Record<string, PluginObject> = {};
  const rules: Linter.RulesRecord = {};
  for (const run of runs) {
    plugins[run.id.split('/')[0]] = plugin as unknown as PluginObject;
    rules[run.id] = run.entry;
  }
  return [
    { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
    { files: ['**/*.jsx'], languageOptions: { ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } } },
    { files: ['**/*.cjs', ...(setup.commonjsGlobs ?? [])], languageOptions: { sourceType: 'commonjs' } },
    {
      files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
      languageOptions: {
        parser: tsParser as unknown as Linter.Parser,
        parserOptions: setup.typed ? { projectService: true, tsconfigRootDir: setup.cwd } : {},
      },
    },
    { linterOptions: { reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' } },
    { plugins, rules },
  ];
}

export interface Failure {
  readonly file: string;
  /** Which rule and option set, as `RuleRun.label`; `(parser)` for a parse failure. */
  readonly run: string;
  readonly message: string;
  readonly stack?: string;
}

export interface RunResult {
  readonly failures: Failure[];
  /** Reports per rule run label: how much the rules found, for the log. */
  readonly findings: Record<string, number>;
  readonly files: number;
}

export function lintAll(files: Iterable<{ readonly file: string; readonly text: string }>, runs: readonly RuleRun[], setup: LintSetup): RunResult {
  const linter = new Linter({ cwd: setup.cwd });
  const config = configFor(runs, setup);
  const labelOf = new Map(runs.map((run) => [run.id, run.label]));
  const failures: Failure[] = [];
  const findings: Record<string, number> = {};
  let count = 0;

  const fatalOf = (file: string, messages: Linter.LintMessage[]): Failure[] =>
    messages
      .filter((m) => m.fatal)
      .map((m) => ({ file, run: m.ruleId ? (labelOf.get(m.ruleId) ?? m.ruleId) : '(parser)', message: `fatal at ${m.line}:${m.column}: ${m.message}` }));

  for (const { file, text } of files) {
    count++;
    const filename = path.resolve(setup.cwd, file);
    // ESLint stops at the first rule that throws: switch that one off and go again, so every
    // rule that throws on this file is named, at one extra run per throwing rule.
    let active = runs;
    let cfg = config;
    for (;;) {
      try {
        const messages = linter.verify(text, cfg, { filename, allowInlineConfig: false });
        failures.push(...fatalOf(file, messages));
        for (const m of messages) {
          if (m.fatal || !m.ruleId) continue;
          const label = labelOf.get(m.ruleId) ?? m.ruleId;
          findings[label] = (findings[label] ?? 0) + 1;
        }
        break;
      } catch (error) {
        const e = error as Error & { ruleId?: string };
        const culprit = active.find((run) => run.id === e?.ruleId);
        failures.push({ file, run: culprit?.label ?? 'unknown rule', message: e?.message ?? String(error), stack: e?.stack });
        if (!culprit) break;
        active = active.filter((run) => run !== culprit);
        if (!active.length) break;
        cfg = configFor(active, setup);
      }
    }
  }
  return { failures, findings, files: count };
}

/** A readable failure list: counts per rule run, then file, message and stack of the first `limit`. */
export function formatFailures(failures: readonly Failure[], limit = 12): string {
  const perRun = new Map<string, number>();
  for (const f of failures) perRun.set(f.run, (perRun.get(f.run) ?? 0) + 1);
  const summary = [...perRun].map(([run, n]) => `  ${run}: ${n} file(s)`).join('\n');
  const shown = failures.slice(0, limit).map((f) => {
    const frames = (f.stack ?? '').split('\n').map((l) => l.trim()).filter((l) => l.startsWith('at ')).slice(0, 8);
    const message = [...new Set(f.message.split('\n'))].join('\n    ');
    return `- ${f.file} [${f.run}]\n    ${message}${frames.length ? `\n    ${frames.join('\n    ')}` : ''}`;
  });
  const more = failures.length > limit ? `\n… and ${failures.length - limit} more` : '';
  return `${failures.length} exception(s):\n${summary}\n${shown.join('\n')}${more}`;
}
