/**
 * ESLint 8.57 (the `eslint8` alias), eslintrc: `.eslintrc.json` with
 * `extends: ["plugin:dbconventions/recommended"]`, the plugin found by eslintrc's own name
 * resolution (`eslint-plugin-` + `dbconventions`, resolved relative to the project).
 *
 * How it resolves: eslintrc resolves plugin names with `createRequire(<cwd>/__placeholder__.js)`.
 * The temp project sits inside this package (tests/.tmp, no package.json of its own), so Node's
 * package self-reference maps `eslint-plugin-dbconventions` to this repo's `dist/index.js` through
 * the `exports` field: no `resolvePluginsRelativeTo` and no node_modules link are needed.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESLINTRC_RECOMMENDED, JS_EXPECTED, JS_FILES } from './fixtures';
import { assertBuilt, createTempProject, repoRoot, summarize, type LintResultLike, type TempProject } from './helpers';

/** ESLint 8's `ESLint` class, as far as this test uses it (`eslint8` ships no type declarations). */
interface ESLint8Class {
  readonly version: string;
  new (options: { cwd: string; useEslintrc?: boolean }): {
    lintFiles(patterns: string[]): Promise<LintResultLike[]>;
    calculateConfigForFile(file: string): Promise<{ plugins: string[]; rules: Record<string, unknown> }>;
  };
}

const { ESLint } = createRequire(__filename)('eslint8') as { ESLint: ESLint8Class };

describe('ESLint 8.57 eslintrc', () => {
  let project: TempProject;

  beforeAll(() => {
    assertBuilt();
    project = createTempProject('eslint8-eslintrc', { ...JS_FILES, '.eslintrc.json': ESLINTRC_RECOMMENDED });
  });
  afterAll(() => project?.remove());

  it('is ESLint 8.57', () => {
    expect(ESLint.version).toBe('8.57.1');
  });

  it('resolves plugin:dbconventions by name to the build, through the self-reference', async () => {
    // What @eslint/eslintrc's ModuleResolver does for `plugins: ["dbconventions"]`, relative to cwd.
    const resolved = createRequire(project.path('__placeholder__.js')).resolve('eslint-plugin-dbconventions');
    expect(resolved).toBe(path.join(repoRoot, 'dist', 'index.js'));

    const config = await new ESLint({ cwd: project.dir }).calculateConfigForFile('violation.js');
    expect(config.plugins).toEqual(['dbconventions']);
    expect(config.rules['dbconventions/no-eager-relations']).toEqual(['error']);
  });

  it('.eslintrc.json with extends: ["plugin:dbconventions/recommended"] reports the violations and passes clean code', async () => {
    const eslint = new ESLint({ cwd: project.dir, useEslintrc: true });

    const results = await eslint.lintFiles(Object.keys(JS_FILES));

    expect(summarize(results, project.dir)).toEqual(JS_EXPECTED);
  });
});
