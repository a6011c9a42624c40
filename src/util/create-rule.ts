import { ESLintUtils } from '@typescript-eslint/utils';

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

export const createRule = ESLintUtils.RuleCreator<DbConventionsDocs>(
  (name) => `${repositoryUrl}/blob/main/docs/rules/${name}.md`,
);
