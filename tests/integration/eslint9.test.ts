/**
 * ESLint 9 (the `eslint9` alias): flat config (`defineConfig` + `extends`, and the flat object),
 * and eslintrc mode through `loadESLint({ useFlatConfig: false })` with
 * `extends: ["plugin:dbconventions/recommended"]`.
 */
import { ESLint, loadESLint } from 'eslint9';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESLINTRC_RECOMMENDED, JS_EXPECTED, JS_FILES } from './fixtures';
import { assertBuilt, createTempProject, summarize, type LintResultLike, type TempProject } from './helpers';

const files = Object.keys(JS_FILES);
const projects: TempProject[] = [];

function project(name: string, config: Record<string, string>): TempProject {
  const created = createTempProject(name, { ...JS_FILES, ...config });
  projects.push(created);
  return created;
}

describe('ESLint 9', () => {
  beforeAll(() => {
    assertBuilt();
    expect(ESLint.version).toMatch(/^9\./);
  });
  afterAll(() => {
    for (const created of projects) created.remove();
  });

  describe('flat config', () => {
    it('defineConfig with extends: ["dbconventions/recommended"] (ESLint 9\'s own eslint/config)', async () => {
      const { dir } = project('eslint9-extends', {
        // `eslint9/config` is ESLint 9's `eslint/config` under its alias: `eslint/config` here would be ESLint 10's.
        'eslint.config.mjs': `import { defineConfig } from 'eslint9/config';
import dbconventions from 'eslint-plugin-dbconventions';

export default defineConfig({
  plugins: { dbconventions },
  extends: ['dbconventions/recommended'],
});
`,
      });
      const FlatESLint = await loadESLint({ useFlatConfig: true });
      expect(FlatESLint.configType).toBe('flat');
      const eslint = new (FlatESLint as typeof ESLint)({ cwd: dir });

      const results = await eslint.lintFiles(files);

      expect(summarize(results, dir)).toEqual(JS_EXPECTED);
    });

    it('the object dbconventions.configs["flat/recommended"]', async () => {
      const { dir } = project('eslint9-object', {
        'eslint.config.mjs': `import dbconventions from 'eslint-plugin-dbconventions';

export default [dbconventions.configs['flat/recommended']];
`,
      });
      const eslint = new ESLint({ cwd: dir });

      const results = await eslint.lintFiles(files);

      expect(summarize(results, dir)).toEqual(JS_EXPECTED);
    });
  });

  it('eslintrc: .eslintrc.json with extends: ["plugin:dbconventions/recommended"]', async () => {
    const { dir } = project('eslint9-eslintrc', { '.eslintrc.json': ESLINTRC_RECOMMENDED });
    const LegacyESLint = await loadESLint({ useFlatConfig: false });
    expect(LegacyESLint.configType).toBe('eslintrc');
    // The legacy class takes eslintrc options; `cwd` is all this test needs (`useEslintrc` is on by default).
    const eslint = new (LegacyESLint as unknown as new (options: { cwd: string }) => {
      lintFiles(patterns: string[]): Promise<LintResultLike[]>;
    })({ cwd: dir });

    const results = await eslint.lintFiles(files);

    expect(summarize(results, dir)).toEqual(JS_EXPECTED);
  });
});
