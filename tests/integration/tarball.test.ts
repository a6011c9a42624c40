/**
 * The package as users get it: `npm pack` of the built repo, installed with ESLint 10 into a
 * fresh project outside the repo, with no TypeScript anywhere in its tree (a JavaScript-only
 * team). It lints a .js file through an ESM `eslint.config.mjs` (`import`) and a CommonJS
 * `eslint.config.cjs` (`require`), both with the project's own ESLint, and its `dbconventions` bin
 * records and verifies a migration.
 *
 * `--omit=peer` keeps TypeScript out: the plugin marks it optional, but its dependency
 * `@typescript-eslint/utils` has a required `typescript` peer that npm would otherwise install.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLEAN_JS, VIOLATION_JS, eagerReport } from './fixtures';
import { assertBuilt, createTempProject, repoRoot, runNpm, summarize, type TempProject } from './helpers';

const ESLINT_VERSION = '10.15.0';

const MIGRATION_JS = `exports.up = (knex) => knex.schema.createTable('orders', (t) => t.increments());
exports.down = (knex) => knex.schema.dropTable('orders');
`;

interface PackResult {
  filename: string;
  files: { path: string }[];
}

describe('the packed tarball, installed into a fresh project without TypeScript', () => {
  let workspace: TempProject;
  let consumerDir: string;
  let packed: PackResult;
  let consumerRequire: NodeJS.Require;

  beforeAll(async () => {
    assertBuilt();
    // Outside the repo: nothing here can reach the repo's node_modules or its self-reference.
    workspace = createTempProject('tarball', {}, { location: 'os' });
    const stdout = await runNpm(['pack', '--json', '--ignore-scripts', '--pack-destination', workspace.dir], repoRoot);
    [packed] = JSON.parse(stdout) as [PackResult];

    workspace.write({
      'consumer/package.json': `${JSON.stringify({ name: 'dbconventions-consumer', version: '0.0.0', private: true }, null, 2)}\n`,
      'consumer/src/photo.js': VIOLATION_JS,
      'consumer/src/clean.js': CLEAN_JS,
      'consumer/migrations/20240101120000_add_orders_table.js': MIGRATION_JS,
      'consumer/eslint.config.mjs': `import { defineConfig } from 'eslint/config';
import dbconventions from 'eslint-plugin-dbconventions';

export default defineConfig({
  plugins: { dbconventions },
  extends: ['dbconventions/recommended'],
});
`,
      'consumer/eslint.config.cjs': `'use strict';

const dbconventions = require('eslint-plugin-dbconventions');

module.exports = [dbconventions.configs['flat/recommended']];
`,
    });
    consumerDir = workspace.path('consumer');
    await runNpm(
      [
        'install',
        '--prefix',
        consumerDir,
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        '--omit=peer',
        path.join(workspace.dir, packed.filename),
        `eslint@${ESLINT_VERSION}`,
      ],
      consumerDir,
    );
    consumerRequire = createRequire(path.join(consumerDir, 'package.json'));
  });
  afterAll(() => workspace?.remove());

  it('contains the CommonJS build and its declarations, and no sources or tests', () => {
    const paths = packed.files.map((file) => file.path);
    expect(paths).toEqual(expect.arrayContaining(['package.json', 'dist/index.js', 'dist/index.d.ts']));
    expect(paths.filter((file) => /^(src|tests|tools|bench)\//.test(file))).toEqual([]);
  });

  it('is installed from the tarball, with ESLint and without TypeScript', () => {
    const pluginEntry = consumerRequire.resolve('eslint-plugin-dbconventions');
    expect(pluginEntry).toBe(path.join(consumerDir, 'node_modules', 'eslint-plugin-dbconventions', 'dist', 'index.js'));
    expect(consumerRequire.resolve('eslint').startsWith(path.join(consumerDir, 'node_modules', 'eslint') + path.sep)).toBe(true);
    expect(() => consumerRequire.resolve('typescript')).toThrow();
    expect(() => createRequire(pluginEntry).resolve('typescript')).toThrow();
    expect(fs.existsSync(path.join(consumerDir, 'node_modules', 'typescript'))).toBe(false);
  });

  it.each([
    ['an ESM eslint.config.mjs that imports the plugin', 'eslint.config.mjs'],
    ['a CommonJS eslint.config.cjs that requires the plugin', 'eslint.config.cjs'],
  ])('lints a .js file through %s', async (_title, configFile) => {
    const { ESLint } = consumerRequire('eslint') as typeof import('eslint');
    expect(ESLint.version).toBe(ESLINT_VERSION);
    const eslint = new ESLint({ cwd: consumerDir, overrideConfigFile: configFile });

    const results = await eslint.lintFiles(['src/photo.js', 'src/clean.js']);

    expect(summarize(results, consumerDir)).toEqual({
      'src/photo.js': [eagerReport('user', 7, 50)],
      'src/clean.js': [],
    });
  });

  it('installs the `dbconventions` bin, which records and verifies migrations without TypeScript', () => {
    const bin = path.join(consumerDir, 'node_modules', '.bin', process.platform === 'win32' ? 'dbconventions.cmd' : 'dbconventions');
    const run = (...args: string[]) => spawnSync(bin, args, { cwd: consumerDir, encoding: 'utf8', shell: process.platform === 'win32' });

    const lock = run('lock');
    expect(lock.status, lock.stderr).toBe(0);
    expect(fs.readFileSync(path.join(consumerDir, 'migrations.manifest.jsonl'), 'utf8')).toContain('"path":"migrations/20240101120000_add_orders_table.js"');
    expect(run('verify').status).toBe(0);

    const file = path.join(consumerDir, 'migrations/20240101120000_add_orders_table.js');
    fs.writeFileSync(file, MIGRATION_JS.replace("'orders'", "'purchase_orders'"));
    const verify = run('verify');
    expect(verify.status).toBe(1);
    expect(verify.stdout).toMatch(/edited\s+migrations\/20240101120000_add_orders_table\.js was applied and has been edited/);
  });
});
