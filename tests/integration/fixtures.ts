/**
 * The files the integration tests lint, and what each must report. The same JavaScript trio goes
 * through every ESLint major and config style, so a difference between them is a difference in
 * how the plugin loads, never in what is linted.
 */
import type { MessageSummary } from './helpers';

export const RULE_ID = 'dbconventions/no-eager-relations';

/** An eager TypeORM relation in an ESM file: `eager: true` on line 7, columns 50–61. */
export const VIOLATION_JS = `import { EntitySchema } from 'typeorm';

// The relation is joined into every query of the entity.
export const Photo = new EntitySchema({
  name: 'photo',
  relations: {
    user: { type: 'many-to-one', target: 'user', eager: true },
  },
});
`;

/** The same through CommonJS \`require\`: \`eager: true\` on line 8, columns 51–62. */
export const VIOLATION_CJS = `'use strict';

const { EntitySchema } = require('typeorm');

module.exports = new EntitySchema({
  name: 'album',
  relations: {
    owner: { type: 'many-to-one', target: 'user', eager: true },
  },
});
`;

/** No finding: `eager: false`, per-query loading, and an `eager: true` that is no ORM option. */
export const CLEAN_JS = `import { EntitySchema } from 'typeorm';

export const Photo = new EntitySchema({
  name: 'photo',
  relations: {
    user: { type: 'many-to-one', target: 'user', eager: false },
  },
});

export function photosWithUsers(dataSource) {
  return dataSource.getRepository(Photo).find({ relations: { user: true } });
}

// A module-federation shared entry: \`eager\` here has nothing to do with a database.
export const federation = { shared: { react: { singleton: true, eager: true } } };
`;

/** The report `no-eager-relations` gives for `eager: true` on a relation. */
export function eagerReport(relation: string, line: number, column: number): MessageSummary {
  return {
    ruleId: RULE_ID,
    messageId: 'eagerRelation',
    severity: 2,
    line,
    column,
    endLine: line,
    endColumn: column + 'eager: true'.length,
    headline: `Relation \`${relation}\` is declared eager`,
  };
}

export const JS_FILES = {
  'violation.js': VIOLATION_JS,
  'violation.cjs': VIOLATION_CJS,
  'clean.js': CLEAN_JS,
} as const;

/** What linting `JS_FILES` with the recommended config gives, in the same order. */
export const JS_EXPECTED: Record<string, MessageSummary[]> = {
  'violation.js': [eagerReport('user', 7, 50)],
  'violation.cjs': [eagerReport('owner', 8, 51)],
  'clean.js': [],
};

/**
 * For eslintrc: the ESM files as modules; `.cjs` as a script with Node's globals (`require`),
 * which is what flat config gives `.cjs` by default.
 */
export const ESLINTRC_RECOMMENDED = `${JSON.stringify(
  {
    root: true,
    extends: ['plugin:dbconventions/recommended'],
    parserOptions: { ecmaVersion: 2022, sourceType: 'module' },
    overrides: [{ files: ['*.cjs'], parserOptions: { sourceType: 'script' }, env: { node: true } }],
  },
  null,
  2,
)}\n`;
