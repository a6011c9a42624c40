/**
 * createRule hands a rule its options merged with the defaults, whichever ESLint called it: ESLint 9
 * and 10 (flat config) merge `meta.defaultOptions` themselves, ESLint 8 does not.
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { createRule } from '../../src/util/create-rule';

type Options = [{ names?: string[]; strict?: boolean }];

function probe() {
  const seen: Options[0][] = [];
  const rule = createRule<Options, 'found'>({
    name: 'probe',
    meta: {
      type: 'problem',
      docs: { description: 'probe', libraries: [] },
      messages: { found: 'found' },
      schema: [{ type: 'object', properties: { names: { type: 'array', items: { type: 'string' } }, strict: { type: 'boolean' } }, additionalProperties: false }],
      defaultOptions: [{ names: ['a'], strict: false }],
    },
    defaultOptions: [{ names: ['a'], strict: false }],
    create(_context, [options]) {
      seen.push(options);
      return {};
    },
  });
  return { rule, seen };
}

function lint(rule: unknown, ruleOptions: unknown[]): void {
  const linter = new Linter({ configType: 'flat' });
  linter.verify('x;', [{ files: ['**/*.js'], plugins: { p: { rules: { probe: rule as never } } }, rules: { 'p/probe': ['error', ...ruleOptions] as never } }], 'file.js');
}

describe('createRule options', () => {
  it('gives the defaults when the config sets no options', () => {
    const { rule, seen } = probe();
    lint(rule, []);
    expect(seen).toEqual([{ names: ['a'], strict: false }]);
  });

  it('merges a partial options object with the defaults', () => {
    const { rule, seen } = probe();
    lint(rule, [{ strict: true }]);
    expect(seen).toEqual([{ names: ['a'], strict: true }]);
  });

  it('merges for a caller that does not apply meta.defaultOptions (ESLint 8), once per option list', () => {
    const { rule, seen } = probe();
    const context = (options: unknown[]) => ({ options }) as never;
    rule.create(context([]));
    rule.create(context([{ names: ['b'] }]));
    rule.create(context([{ names: ['b'] }]));
    expect(seen).toEqual([
      { names: ['a'], strict: false },
      { names: ['b'], strict: false },
      { names: ['b'], strict: false },
    ]);
    // The same merged object for the same option list: no work per file.
    expect(seen[1]).toBe(seen[2]);
  });
});
