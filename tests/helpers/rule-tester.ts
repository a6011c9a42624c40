/**
 * The house test shape: every rule case runs untyped (the editor without type information),
 * typed (a real TypeScript project service over tests/fixtures, resolving the libraries' real
 * declarations from node_modules), and — when marked `js` — through espree as plain JavaScript.
 */
import path from 'node:path';
import { RuleTester, type InvalidTestCase, type ValidTestCase } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';
import * as espree from 'espree';
import * as vitest from 'vitest';

RuleTester.afterAll = vitest.afterAll;
RuleTester.describe = vitest.describe;
RuleTester.it = vitest.it;
RuleTester.itOnly = vitest.it.only;

export const fixturesDir = path.resolve(__dirname, '../fixtures');

interface Extra {
  /** Run in one mode only: a typed-only finding (a re-export resolved by the checker), say. */
  readonly mode?: 'typed' | 'untyped';
  /** Also run as plain JavaScript through espree (no decorators, no types). */
  readonly js?: boolean;
}

export type Valid<Options extends readonly unknown[]> = string | (ValidTestCase<Options> & Extra);
export type Invalid<MessageIds extends string, Options extends readonly unknown[]> = InvalidTestCase<MessageIds, Options> & Extra;

const untyped = new RuleTester();

const typed = new RuleTester({
  languageOptions: {
    parserOptions: {
      projectService: true,
      tsconfigRootDir: fixturesDir,
    },
  },
});

const javascript = new RuleTester({
  languageOptions: {
    parser: espree as unknown as TSESLint.FlatConfig.Parser,
    parserOptions: { ecmaVersion: 'latest', sourceType: 'module' },
  },
});

function strip<T extends Extra | string>(test: T): T {
  if (typeof test === 'string') return test;
  const { mode: _mode, js: _js, ...rest } = test as Extra;
  return rest as T;
}

export function runRuleTests<MessageIds extends string, Options extends readonly unknown[]>(
  title: string,
  rule: TSESLint.RuleModule<MessageIds, Options>,
  tests: { valid: readonly Valid<Options>[]; invalid: readonly Invalid<MessageIds, Options>[] },
): void {
  const inMode = (mode: 'typed' | 'untyped') => (test: Extra | string) => typeof test === 'string' || !test.mode || test.mode === mode;
  const pick = (mode: 'typed' | 'untyped') => ({
    valid: tests.valid.filter(inMode(mode)).map(strip),
    invalid: tests.invalid.filter(inMode(mode)).map(strip),
  });
  untyped.run(`${title} (untyped)`, rule, pick('untyped'));
  typed.run(`${title} (typed)`, rule, pick('typed'));
  const js = {
    valid: tests.valid.filter((test) => typeof test !== 'string' && test.js).map(strip),
    invalid: tests.invalid.filter((test) => test.js).map((test) => ({ ...strip(test), filename: test.filename?.replace(/\.tsx?$/, '.js') ?? 'file.js' })),
  };
  if (js.valid.length + js.invalid.length > 0) javascript.run(`${title} (javascript)`, rule, js);
}
