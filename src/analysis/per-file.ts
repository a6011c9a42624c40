import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

export type AnyRuleContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * Wraps a per-file computation so it runs once per linted file, however many rules ask.
 * Keyed by the file's `Program` node: ESLint makes a new one for every file (and every
 * re-lint in the editor), so the cache never serves a stale answer and needs no clean-up.
 * Rules run in one thread per file, so nothing here is shared across worker threads.
 */
export function perFile<T>(compute: (context: AnyRuleContext) => T): (context: AnyRuleContext) => T {
  const cache = new WeakMap<TSESTree.Program, T>();
  return (context) => {
    const program = context.sourceCode.ast;
    let value = cache.get(program);
    if (value === undefined && !cache.has(program)) {
      value = compute(context);
      cache.set(program, value);
    }
    return value as T;
  };
}
