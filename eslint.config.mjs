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
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
);
