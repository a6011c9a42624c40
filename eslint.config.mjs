// Lints the plugin's own code: TypeScript rules, eslint-plugin-eslint-plugin on rule files,
// and (dogfood) our own recommended config.
import js from '@eslint/js';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores([
    'dist/',
    'examples/',
    'bench/.corpus/',
    'bench/.cache/',
    'tests/.tmp/',
    'tests/fixtures/',
    'docs/',
    'coverage/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['src/rules/*.ts'],
    ignores: ['src/rules/index.ts'],
    ...eslintPlugin.configs.recommended,
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', setTimeout: 'readonly', performance: 'readonly' },
    },
  },
  {
    // The enum through the package's getters costs time in hot checks: src/util/node-types.ts.
    files: ['src/**/*.ts'],
    ignores: ['src/util/node-types.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@typescript-eslint/utils', importNames: ['AST_NODE_TYPES'], message: 'Import AST_NODE_TYPES from src/util/node-types.' }] },
      ],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
);
