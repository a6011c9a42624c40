/**
 * The three migration rules' option schemas: valid options pass, malformed ones fail ESLint's
 * validation with a message that names the rule and the problem, and patterns that are not
 * regular expressions fail with a clear error instead of a crash deep in a lint run. The built-in
 * word list is the one the docs print.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { migrationConventions } from '../../../src/knowledge/migrations';
import plugin from '../../../src/index';

function lint(rule: string, options: unknown, filename = 'migrations/20240101120000_add_orders.js'): Linter.LintMessage[] {
  return new Linter().verify('exports.up = (knex) => knex.schema.createTable("orders", () => {});\nexports.down = (knex) => knex.schema.dropTable("orders");', [
    { plugins: { dbconventions: plugin as never }, rules: { [`dbconventions/${rule}`]: ['error', options] as never } },
  ], filename);
}

describe('migration rule option schemas', () => {
  it.each([
    ['require-migration-down', { folders: ['db/**'], irreversibleMarker: 'ONE-WAY' }],
    ['no-generic-migration-name', { folders: ['db/**'], genericWords: ['shop'], allowWords: ['sync'], allow: ['^init'], deny: ['^v\\d'], acceptGeneratedNames: true }],
    ['no-applied-migration-edit', { folders: ['db/**'], manifest: 'db/manifest.jsonl', gitRef: 'origin/main', hash: 'exact' }],
  ])('%s accepts valid options', (rule, options) => {
    expect(lint(rule, options, 'file.js')).toEqual([]);
  });

  it.each([
    ['require-migration-down', { folders: 'migrations' }, /should be array/],
    ['require-migration-down', { folder: ['migrations'] }, /additional properties/i],
    ['require-migration-down', { irreversibleMarker: '' }, /shorter than 1 character/],
    ['no-generic-migration-name', { genericWords: [''] }, /shorter than 1 character/],
    ['no-generic-migration-name', { acceptGeneratedNames: 'yes' }, /should be boolean/],
    ['no-generic-migration-name', { deny: ['^hotfix', '^hotfix'] }, /duplicate items/],
    ['no-applied-migration-edit', { hash: 'md5' }, /should be equal to one of the allowed values/],
    ['no-applied-migration-edit', { gitRef: '--output=/tmp/x' }, /should match pattern/],
    ['no-applied-migration-edit', { manifest: 3 }, /should be string/],
  ])('%s rejects %j with a clear message', (rule, options, message) => {
    expect(() => lint(rule, options)).toThrow(new RegExp(`${rule}[\\s\\S]*${message.source}`, message.flags));
  });

  it('refuses patterns that are not regular expressions, naming the option', () => {
    expect(() => lint('no-generic-migration-name', { deny: ['(unclosed'] })).toThrow(/no-generic-migration-name: the deny pattern "\(unclosed" is not a valid regular expression/);
    expect(() => lint('require-migration-down', { irreversibleMarker: '[' })).toThrow(/require-migration-down: the irreversibleMarker option is not a valid regular expression/);
  });
});

describe('docs', () => {
  it('list every built-in generic, weak and meaningful word', () => {
    const page = fs.readFileSync(path.resolve(__dirname, '../../../docs/rules/no-generic-migration-name.md'), 'utf8').replace(/\s+/g, ' ');
    const words = [...migrationConventions.genericWords, ...migrationConventions.weakWords, ...migrationConventions.meaningfulWords];
    expect(words.filter((word) => !new RegExp(`[ ,(\`]${word}[,;. )\`]`).test(page))).toEqual([]);
  });
});
