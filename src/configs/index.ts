import type { TSESLint } from '@typescript-eslint/utils';
import type { ConfigName, DbConventionsDocs } from '../util/create-rule';

type RuleModule = { meta: { docs?: Partial<DbConventionsDocs>; deprecated?: unknown } };

const order: Record<ConfigName, number> = { recommended: 0, strict: 1, all: 2 };

/** The rules a config turns on, read from each rule's `docs.recommended`: never listed by hand. */
export function rulesFor(
  rules: Readonly<Record<string, RuleModule>>,
  config: ConfigName,
  namespace: string,
): Record<string, 'error'> {
  const entries: Record<string, 'error'> = {};
  for (const [name, rule] of Object.entries(rules)) {
    if (rule.meta.deprecated) continue;
    const level = rule.meta.docs?.recommended ?? 'all';
    if (order[level] <= order[config]) entries[`${namespace}/${name}`] = 'error';
  }
  return entries;
}

export interface Configs {
  recommended: TSESLint.ClassicConfig.Config;
  strict: TSESLint.ClassicConfig.Config;
  all: TSESLint.ClassicConfig.Config;
  'flat/recommended': TSESLint.FlatConfig.Config;
  'flat/strict': TSESLint.FlatConfig.Config;
  'flat/all': TSESLint.FlatConfig.Config;
}

/**
 * Both formats for each level. `recommended` is the eslintrc form; `flat/recommended` the flat
 * one. ESLint 9.x/10's `extends: ["dbconventions/recommended"]` finds the flat form by that
 * convention, and eslintrc's `plugin:dbconventions/recommended` reads the other.
 */
export function buildConfigs(
  rules: Readonly<Record<string, RuleModule>>,
  namespace: string,
  plugin: TSESLint.FlatConfig.Plugin,
): Configs {
  const classic = (level: ConfigName): TSESLint.ClassicConfig.Config => ({
    plugins: [namespace],
    rules: rulesFor(rules, level, namespace),
  });
  const flat = (level: ConfigName): TSESLint.FlatConfig.Config => ({
    name: `${namespace}/${level}`,
    plugins: { [namespace]: plugin },
    rules: rulesFor(rules, level, namespace),
  });
  return {
    recommended: classic('recommended'),
    strict: classic('strict'),
    all: classic('all'),
    'flat/recommended': flat('recommended'),
    'flat/strict': flat('strict'),
    'flat/all': flat('all'),
  };
}
