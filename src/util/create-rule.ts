import { ESLintUtils } from '@typescript-eslint/utils';
import { rememberLintedFile } from '../analysis/modules/load';

/** The config a rule first appears in; every later config includes it (`recommended` ⊂ `strict` ⊂ `all`). */
export type ConfigName = 'recommended' | 'strict' | 'all';

export interface DbConventionsDocs {
  description: string;
  /** Drives the configs and the README table: configs are built from this, never listed by hand. */
  recommended?: 'recommended' | 'strict';
  /** True only if the rule cannot work without type information (none so far: types only sharpen). */
  requiresTypeChecking?: boolean;
  /** Library ids (from `src/knowledge`) the rule understands. */
  libraries: readonly string[];
}

export const repositoryUrl = 'https://github.com/dbconventions/eslint-plugin-dbconventions';

const ruleCreator = ESLintUtils.RuleCreator<DbConventionsDocs>((name) => `${repositoryUrl}/blob/main/docs/rules/${name}.md`);

type RuleSpec<Options extends readonly unknown[], MessageIds extends string> = Parameters<typeof ruleCreator<Options, MessageIds>>[0];

/** How many distinct option lists a rule remembers (a monorepo's configs have a handful). */
const MERGED_OPTIONS_KEPT = 64;

/**
 * `RuleCreator`, with the options merged with their defaults once per distinct option list rather than
 * on every file: its own merge starts with a `structuredClone` of the defaults, which the bench showed
 * as the largest single cost of a rule that has nothing to say about most files. Rules never mutate
 * their options, so one merged object serves every file configured the same way; options ESLint has
 * already completed from `meta.defaultOptions` are used as they are.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(spec: RuleSpec<Options, MessageIds>) {
  const rule = ruleCreator(spec);
  const defaults = (spec.meta.defaultOptions ?? spec.defaultOptions ?? []) as Options;
  // The keys each default option object has: ESLint 9 and 10 merge `meta.defaultOptions` in
  // themselves (a new array for every file), and options that already hold every key need no work.
  const defaultKeys = defaults.map((option) => (isPlainObject(option) ? Object.keys(option) : undefined));
  const complete = (options: readonly unknown[]): boolean =>
    options.length >= defaults.length &&
    defaultKeys.every((keys, i) => {
      const option = options[i];
      return keys === undefined ? option !== undefined : isPlainObject(option) && keys.every((key) => key in option);
    });
  const merged = new Map<string, Options>();
  return {
    ...rule,
    create(context: Parameters<typeof rule.create>[0]) {
      rememberLintedFile(context);
      if (complete(context.options)) return spec.create(context, context.options);
      const key = context.options.length === 0 ? '' : JSON.stringify(context.options);
      let options = merged.get(key);
      if (!options) {
        if (merged.size >= MERGED_OPTIONS_KEPT) merged.clear();
        options = ESLintUtils.applyDefault(defaults, context.options) as Options;
        merged.set(key, options);
      }
      return spec.create(context, options);
    },
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
