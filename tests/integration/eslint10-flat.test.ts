/**
 * ESLint 10, flat config, the three ways a user writes it: `defineConfig` with `extends`, the
 * `configs["flat/recommended"]` object, and a CommonJS config file that `require`s the plugin.
 * Each is a real config file on disk, loaded by the `ESLint` class.
 */
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JS_EXPECTED, JS_FILES, RULE_ID } from './fixtures';
import { assertBuilt, createTempProject, summarize, type TempProject } from './helpers';

const files = Object.keys(JS_FILES);
const projects: TempProject[] = [];

function project(name: string, config: Record<string, string>): TempProject {
  const created = createTempProject(name, { ...JS_FILES, ...config });
  projects.push(created);
  return created;
}

describe('ESLint 10 flat config', () => {
  beforeAll(() => {
    assertBuilt();
    expect(ESLint.version).toBe('10.15.0');
    expect(ESLint.configType).toBe('flat');
  });
  afterAll(() => {
    for (const created of projects) created.remove();
  });

  it('defineConfig({ plugins: { dbconventions }, extends: ["dbconventions/recommended"] }) in eslint.config.mjs, found from cwd', async () => {
    const { dir } = project('eslint10-extends', {
      'eslint.config.mjs': `import { defineConfig } from 'eslint/config';
import dbconventions from 'eslint-plugin-dbconventions';

export default defineConfig({
  plugins: { dbconventions },
  extends: ['dbconventions/recommended'],
});
`,
    });
    const eslint = new ESLint({ cwd: dir });

    const results = await eslint.lintFiles(files);

    expect(summarize(results, dir)).toEqual(JS_EXPECTED);
    // The rule is on as an error (ESLint 10 adds the rule's `meta.defaultOptions` after the severity).
    const config = (await eslint.calculateConfigForFile('clean.js')) as { rules: Record<string, unknown[]> };
    expect(config.rules[RULE_ID]?.[0]).toBe(2);
  });

  it('the object dbconventions.configs["flat/recommended"], through overrideConfigFile', async () => {
    const { dir } = project('eslint10-object', {
      'config/recommended.mjs': `import dbconventions from 'eslint-plugin-dbconventions';

export default [dbconventions.configs['flat/recommended']];
`,
    });
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: 'config/recommended.mjs' });

    const results = await eslint.lintFiles(files);

    expect(summarize(results, dir)).toEqual(JS_EXPECTED);
  });

  it('eslint.config.cjs that require()s the plugin', async () => {
    const { dir } = project('eslint10-cjs', {
      'eslint.config.cjs': `'use strict';

const { defineConfig } = require('eslint/config');
const dbconventions = require('eslint-plugin-dbconventions');

module.exports = defineConfig([dbconventions.configs['flat/recommended']]);
`,
    });
    const eslint = new ESLint({ cwd: dir });

    const results = await eslint.lintFiles(files);

    expect(summarize(results, dir)).toEqual(JS_EXPECTED);
  });
});
