/**
 * The rule in a real project folder: the manifest found by looking up from the file, read once and
 * read again when it changes on disk, and a git ref as the source. Linted with ESLint's Linter, the
 * way an editor lints unsaved text.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import rule from '../../../src/rules/no-applied-migration-edit';
import { MANIFEST_FILE, writeManifest, type ManifestEntry } from '../../../src/analysis/migrations/manifest';
import { hashMigration } from '../../../src/analysis/migrations/hash';

const KNEX = `exports.up = (knex) => knex.schema.createTable('orders', (t) => t.increments());\nexports.down = (knex) => knex.schema.dropTable('orders');\n`;
const EDITED = KNEX.replace('increments()', "uuid('id')");
const FILE = 'migrations/20240101120000_add_orders.js';

const temporary: string[] = [];
function project(): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dbconventions-project-')));
  temporary.push(root);
  fs.mkdirSync(path.join(root, 'migrations'));
  fs.writeFileSync(path.join(root, FILE), KNEX);
  return root;
}
afterAll(() => {
  for (const root of temporary) fs.rmSync(root, { recursive: true, force: true });
});

function record(root: string, files: Record<string, string>, at = root): void {
  const entries = new Map<string, ManifestEntry>();
  for (const [relative, text] of Object.entries(files)) {
    const key = path.relative(at, path.join(root, relative)).split(path.sep).join('/');
    entries.set(key, { path: key, hash: hashMigration(text, relative) });
  }
  writeManifest(path.join(at, MANIFEST_FILE), { hash: 'tokens', entries });
}

function lint(root: string, text: string, filename = FILE, options: Record<string, unknown> = {}): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat', cwd: root });
  return linter.verify(
    text,
    [
      {
        files: ['**/*.js', '**/*.ts'],
        languageOptions: { parser: tsParser },
        plugins: { dbconventions: { rules: { 'no-applied-migration-edit': rule } } as never },
        rules: { 'dbconventions/no-applied-migration-edit': ['error', options] },
      },
    ],
    path.join(root, filename),
  );
}

const ids = (messages: Linter.LintMessage[]) => messages.map((message) => `${message.line}:${message.column} ${message.messageId ?? message.message}`);

describe('no-applied-migration-edit with the manifest on disk', () => {
  it('finds the nearest manifest above the file and compares the unsaved text, not the file on disk', () => {
    const root = project();
    fs.mkdirSync(path.join(root, '.git'));
    record(root, { [FILE]: KNEX });
    expect(lint(root, KNEX)).toEqual([]);
    // The file on disk is unchanged; the editor's text is edited.
    const messages = lint(root, EDITED);
    expect(ids(messages)).toEqual(['1:1 editedApplied']);
    expect(messages[0]!.message).toContain(`recorded in \`${MANIFEST_FILE}\``);
    expect(messages[0]!.message).toContain(`dbconventions accept ${FILE} --reason`);
  });

  it('stops looking at the repository root', () => {
    const root = project();
    const inner = path.join(root, 'service');
    fs.mkdirSync(path.join(inner, 'migrations'), { recursive: true });
    fs.mkdirSync(path.join(inner, '.git'));
    fs.writeFileSync(path.join(inner, FILE), KNEX);
    // A manifest above the repository of `service/` does not govern it.
    record(root, { [`service/${FILE}`]: KNEX });
    expect(lint(root, EDITED, `service/${FILE}`)).toEqual([]);
  });

  it('finds a manifest in a parent folder (a monorepo package)', () => {
    const root = project();
    const nested = path.join(root, 'packages', 'api');
    fs.mkdirSync(path.join(nested, 'migrations'), { recursive: true });
    record(root, { [`packages/api/${FILE}`]: KNEX });
    expect(ids(lint(root, EDITED, `packages/api/${FILE}`))).toEqual(['1:1 editedApplied']);
  });

  it('reads the manifest again when it changes on disk', () => {
    const root = project();
    record(root, { [FILE]: KNEX });
    expect(ids(lint(root, EDITED))).toEqual(['1:1 editedApplied']);
    // The edit is accepted (the manifest now records the edited content).
    record(root, { [FILE]: EDITED });
    expect(lint(root, EDITED)).toEqual([]);
    // The manifest is corrupted: one clear report.
    fs.writeFileSync(path.join(root, MANIFEST_FILE), '{"manifest":"dbconventions/migrations","version":1,"hash":"tokens"}\nnot json\n');
    const messages = lint(root, EDITED);
    expect(ids(messages)).toEqual(['1:1 manifestUnreadable']);
    expect(messages[0]!.message).toContain(`${MANIFEST_FILE}:2: not valid JSON`);
    // The manifest is deleted: nothing to say.
    fs.rmSync(path.join(root, MANIFEST_FILE));
    expect(lint(root, EDITED)).toEqual([]);
  });

  it('says nothing without a manifest', () => {
    const root = project();
    fs.mkdirSync(path.join(root, '.git'));
    expect(lint(root, EDITED)).toEqual([]);
  });

  it('ignores stdin text without a file name', () => {
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify(EDITED, [
      { plugins: { dbconventions: { rules: { 'no-applied-migration-edit': rule } } as never }, rules: { 'dbconventions/no-applied-migration-edit': 'error' } },
    ]);
    expect(messages).toEqual([]);
  });
});

function git(root: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' },
  });
}

function repository(): string {
  const root = project();
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'add orders');
  // What CI sees as the shared branch.
  git(root, 'update-ref', 'refs/remotes/origin/main', 'HEAD');
  return root;
}

describe('no-applied-migration-edit with a git ref', () => {
  it('compares with the content at the ref', () => {
    const root = repository();
    expect(lint(root, KNEX, FILE, { gitRef: 'origin/main' })).toEqual([]);
    // Formatting-only: fine by default, reported with exact hashes.
    const reformatted = KNEX.replace(/'/g, '"').replace(/;\n/g, '\n');
    expect(lint(root, reformatted, FILE, { gitRef: 'origin/main' })).toEqual([]);
    expect(ids(lint(root, reformatted, FILE, { gitRef: 'origin/main', hash: 'exact' }))).toEqual(['1:1 editedOnRef']);
    const messages = lint(root, EDITED, FILE, { gitRef: 'origin/main' });
    expect(ids(messages)).toEqual(['1:1 editedOnRef']);
    expect(messages[0]!.message).toContain('it is on `origin/main`');
  });

  it('says nothing about a migration that is not at the ref yet', () => {
    const root = repository();
    fs.writeFileSync(path.join(root, 'migrations/20240102120000_add_refunds.js'), KNEX);
    expect(lint(root, EDITED, 'migrations/20240102120000_add_refunds.js', { gitRef: 'origin/main' })).toEqual([]);
  });

  it('gives one clear message for a ref that does not exist', () => {
    const root = repository();
    const messages = lint(root, KNEX, FILE, { gitRef: 'origin/release' });
    expect(ids(messages)).toEqual(['1:1 gitUnavailable']);
    expect(messages[0]!.message).toContain('git ref "origin/release" does not exist here');
  });

  it('gives one clear message in a shallow clone without the ref', () => {
    const origin = repository();
    const clone = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dbconventions-shallow-')));
    temporary.push(clone);
    git(clone, 'clone', '-q', '--depth', '1', `file://${origin}`, 'work');
    const work = path.join(clone, 'work');
    const messages = lint(work, KNEX, FILE, { gitRef: 'origin/feature' });
    expect(ids(messages)).toEqual(['1:1 gitUnavailable']);
    expect(messages[0]!.message).toContain('shallow clone');
    // The ref that the shallow clone has works.
    expect(lint(work, EDITED, FILE, { gitRef: 'origin/main' }).map((message) => message.messageId)).toEqual(['editedOnRef']);
  });

  it('gives one clear message outside a git repository', () => {
    const root = project();
    const messages = lint(root, KNEX, FILE, { gitRef: 'origin/main' });
    expect(ids(messages)).toEqual(['1:1 gitUnavailable']);
    expect(messages[0]!.message).toContain('is not inside a git repository');
  });

  it('gives one clear message when git is not installed', () => {
    const root = project();
    const saved = process.env.PATH;
    process.env.PATH = path.join(root, 'no-git-here');
    try {
      const messages = lint(root, KNEX, FILE, { gitRef: 'origin/main' });
      expect(ids(messages)).toEqual(['1:1 gitUnavailable']);
      expect(messages[0]!.message).toContain('git is not installed');
    } finally {
      process.env.PATH = saved;
    }
  });
});
