/**
 * Test helpers for the migration rules, whose answers depend on the file's path.
 *
 * - `runMigrationRuleTests` is the house `runRuleTests` (untyped and typed) after making sure every
 *   file a typed case is linted as exists on disk: the TypeScript project service only serves files
 *   its project holds, and tests/fixtures/migrations/tsconfig.json includes that folder's files.
 *   The placeholders' text is never used: the case's code is what is parsed.
 * - `runEspreeTests` runs cases through espree as plain JavaScript, keeping their file names (the
 *   house `js: true` lints invalid cases as `file.js`, which is not under a migrations folder).
 */
import fs from 'node:fs';
import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';
import * as espree from 'espree';
import { fixturesDir, runRuleTests, type Invalid, type Valid } from '../helpers/rule-tester';

const PLACEHOLDER = '// Placeholder: typed rule tests lint their own code under this name; this text is never used.\n';

/**
 * Makes sure every `migrations…/` file name a typed case uses exists under tests/fixtures. A missing
 * one is created, and the run fails: a TypeScript project service that is already running does not
 * see files created after it loaded the project, so the tests must run again (and the new
 * placeholders be committed).
 */
export function ensureFixtureFiles(filenames: Iterable<string | undefined>): void {
  const created: string[] = [];
  const stems = new Map<string, string>();
  for (const filename of filenames) {
    if (!filename || !/^migrations[^/]*\//.test(filename)) continue;
    // TypeScript leaves `x.js` out of a project that has `x.ts`: the typed case would find no file.
    const stem = filename.replace(/\.[cm]?[jt]sx?$/, '');
    const other = stems.get(stem);
    if (other && other !== filename) throw new Error(`Typed cases ${other} and ${filename} differ only by extension: TypeScript serves only one of them. Rename one.`);
    stems.set(stem, filename);
    const directory = path.join(fixturesDir, path.dirname(filename));
    const siblings = fs.existsSync(directory) ? fs.readdirSync(directory) : [];
    const clash = siblings.find((name) => name !== path.basename(filename) && name.replace(/\.[cm]?[jt]sx?$/, '') === path.basename(stem));
    if (clash) throw new Error(`Typed case ${filename} clashes with tests/fixtures/${path.dirname(filename)}/${clash}: TypeScript serves only one of two files that differ by extension. Rename one.`);
    const file = path.join(fixturesDir, filename);
    if (fs.existsSync(file)) continue;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, PLACEHOLDER, { flag: 'wx' });
      created.push(filename);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  if (created.length > 0) {
    throw new Error(
      `Created placeholder fixtures for typed tests: ${created.join(', ')} (under tests/fixtures). Run the tests again, and commit the new files.`,
    );
  }
}

type Case = { filename?: string; mode?: 'typed' | 'untyped' };

export function runMigrationRuleTests<MessageIds extends string, Options extends readonly unknown[]>(
  title: string,
  rule: TSESLint.RuleModule<MessageIds, Options>,
  tests: { valid: readonly Valid<Options>[]; invalid: readonly Invalid<MessageIds, Options>[] },
): void {
  const typedNames = ([...tests.valid, ...tests.invalid] as unknown[])
    .filter((test): test is Case => typeof test === 'object' && test !== null && (test as Case).mode !== 'untyped')
    .map((test) => test.filename);
  ensureFixtureFiles(typedNames);
  runRuleTests(title, rule, tests);
}

const javascript = new RuleTester({
  languageOptions: {
    parser: espree as unknown as TSESLint.FlatConfig.Parser,
    parserOptions: { ecmaVersion: 'latest', sourceType: 'module' },
  },
});

const commonjs = new RuleTester({
  languageOptions: {
    parser: espree as unknown as TSESLint.FlatConfig.Parser,
    parserOptions: { ecmaVersion: 'latest', sourceType: 'script' },
  },
});

/** Runs cases as plain JavaScript through espree (ES modules, or CommonJS scripts with `commonjs: true`). */
export function runEspreeTests<MessageIds extends string, Options extends readonly unknown[]>(
  title: string,
  rule: TSESLint.RuleModule<MessageIds, Options>,
  tests: { valid: readonly Valid<Options>[]; invalid: readonly Invalid<MessageIds, Options>[] },
  { commonjs: asScript = false }: { commonjs?: boolean } = {},
): void {
  const strip = <T>(test: T): T => {
    if (typeof test !== 'object' || test === null) return test;
    const { mode: _mode, js: _js, ...rest } = test as T & { mode?: unknown; js?: unknown };
    return rest as T;
  };
  (asScript ? commonjs : javascript).run(`${title} (javascript)`, rule, { valid: tests.valid.map(strip), invalid: tests.invalid.map(strip) });
}
