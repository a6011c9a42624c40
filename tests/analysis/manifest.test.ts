import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  ManifestError,
  findManifest,
  parseManifest,
  readManifestCached,
  serializeManifest,
  writeManifest,
  MANIFEST_FILE,
  type ManifestEntry,
} from '../../src/analysis/migrations/manifest';

const HASH_A = `sha256:${'a'.repeat(64)}`;
const HASH_B = `sha256:${'b'.repeat(64)}`;
const HEADER = '{"manifest":"dbconventions/migrations","version":1,"hash":"tokens"}';

const directories: string[] = [];
function temporary(): string {
  const directory = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dbconventions-manifest-')));
  directories.push(directory);
  return directory;
}
afterAll(() => {
  for (const directory of directories) fs.rmSync(directory, { recursive: true, force: true });
});

describe('parseManifest and serializeManifest', () => {
  it('round-trips, sorted by path, keys in a fixed order, one line per migration', () => {
    const entries = new Map<string, ManifestEntry>([
      ['migrations/b.ts', { path: 'migrations/b.ts', hash: HASH_B, deleted: { reason: 'squashed' } }],
      ['migrations/a.ts', { path: 'migrations/a.ts', hash: HASH_A, renamed: [{ from: 'migrations/old.ts', reason: 'typo' }], accepted: [{ from: HASH_B, to: HASH_A, reason: 'vendor fix' }] }],
    ]);
    const text = serializeManifest({ hash: 'tokens', entries });
    expect(text).toBe(
      [
        HEADER,
        `{"path":"migrations/a.ts","hash":"${HASH_A}","accepted":[{"from":"${HASH_B}","to":"${HASH_A}","reason":"vendor fix"}],"renamed":[{"from":"migrations/old.ts","reason":"typo"}]}`,
        `{"path":"migrations/b.ts","hash":"${HASH_B}","deleted":{"reason":"squashed"}}`,
        '',
      ].join('\n'),
    );
    const parsed = parseManifest(text, 'm.jsonl');
    expect(serializeManifest(parsed)).toBe(text);
    expect(parseManifest(text.replace(/\n/g, '\r\n'), 'm.jsonl').entries.size).toBe(2);
  });

  it.each([
    ['', 'empty: the header line is missing'],
    ['{"path":"a.ts","hash":"x"}', 'the first line must be the header'],
    ['{"manifest":"dbconventions/migrations","version":2,"hash":"tokens"}', 'unsupported manifest version 2'],
    ['{"manifest":"dbconventions/migrations","version":1,"hash":"md5"}', 'unknown hash mode "md5"'],
    [`${HEADER}\nnot json`, ':2: not valid JSON'],
    [`${HEADER}\n[1]`, ':2: expected a JSON object on every line'],
    [`${HEADER}\n{"path":"a.ts","hash":"${HASH_A}","extra":1}`, ':2: unknown key "extra"'],
    [`${HEADER}\n{"path":"","hash":"${HASH_A}"}`, '"path" must be a non-empty string'],
    [`${HEADER}\n{"path":"/abs/a.ts","hash":"${HASH_A}"}`, '"path" must be relative'],
    [`${HEADER}\n{"path":"a\\\\b.ts","hash":"${HASH_A}"}`, '"path" must be relative'],
    [`${HEADER}\n{"path":"./a.ts","hash":"${HASH_A}"}`, '"path" must be relative'],
    [`${HEADER}\n{"path":"a.ts","hash":"sha1:abc"}`, '"hash" must look like'],
    [`${HEADER}\n{"path":"a.ts","hash":"${HASH_A}"}\n{"path":"a.ts","hash":"${HASH_B}"}`, ':3: "a.ts" is listed twice'],
    [`${HEADER}\n{"path":"a.ts","hash":"${HASH_A}","accepted":[{"from":"${HASH_B}","to":"${HASH_A}","reason":" "}]}`, 'needs a non-empty "reason"'],
    [`${HEADER}\n{"path":"a.ts","hash":"${HASH_A}","deleted":{}}`, '"deleted" must be {"reason":"…"}'],
    [`${HEADER}\n<<<<<<< HEAD\n{"path":"a.ts","hash":"${HASH_A}"}`, ':2: a merge-conflict marker'],
    [`${HEADER}\n${HEADER}`, ':2: a second header'],
  ])('refuses %j with a clear error', (text, problem) => {
    expect(() => parseManifest(text, 'm.jsonl')).toThrow(ManifestError);
    expect(() => parseManifest(text, 'm.jsonl')).toThrow(problem);
  });

  it('tolerates blank lines', () => {
    expect(parseManifest(`${HEADER}\n\n{"path":"a.ts","hash":"${HASH_A}"}\n\n`, 'm').entries.size).toBe(1);
  });
});

describe('writeManifest', () => {
  it('writes atomically and leaves no temporary file', () => {
    const directory = temporary();
    const file = path.join(directory, MANIFEST_FILE);
    writeManifest(file, { hash: 'exact', entries: new Map([['a.ts', { path: 'a.ts', hash: HASH_A }]]) });
    writeManifest(file, { hash: 'exact', entries: new Map([['b.ts', { path: 'b.ts', hash: HASH_B }]]) });
    expect(fs.readdirSync(directory)).toEqual([MANIFEST_FILE]);
    expect(parseManifest(fs.readFileSync(file, 'utf8'), file).entries.has('b.ts')).toBe(true);
  });
});

describe('readManifestCached', () => {
  it('reads once, and again when the file changes', () => {
    const directory = temporary();
    const file = path.join(directory, MANIFEST_FILE);
    expect(readManifestCached(file).kind).toBe('missing');
    writeManifest(file, { hash: 'tokens', entries: new Map([['a.ts', { path: 'a.ts', hash: HASH_A }]]) });
    const first = readManifestCached(file);
    expect(first.kind).toBe('ok');
    expect(readManifestCached(file)).toBe(first);
    fs.appendFileSync(file, 'oops\n');
    const broken = readManifestCached(file);
    expect(broken.kind).toBe('error');
    expect(broken.kind === 'error' && broken.error.message).toContain(':3: not valid JSON');
    fs.rmSync(file);
    expect(readManifestCached(file).kind).toBe('missing');
  });
});

describe('findManifest', () => {
  it('finds the nearest manifest at or above a folder, up to the repository root', () => {
    const root = temporary();
    fs.mkdirSync(path.join(root, 'a/repo/.git'), { recursive: true });
    fs.mkdirSync(path.join(root, 'a/repo/packages/api/migrations'), { recursive: true });
    fs.writeFileSync(path.join(root, 'a', MANIFEST_FILE), '');
    // Above the repository root: not looked at.
    expect(findManifest(path.join(root, 'a/repo/packages/api/migrations'))).toBeUndefined();

    fs.mkdirSync(path.join(root, 'b/repo/.git'), { recursive: true });
    fs.mkdirSync(path.join(root, 'b/repo/packages/api/src'), { recursive: true });
    fs.writeFileSync(path.join(root, 'b/repo', MANIFEST_FILE), '');
    expect(findManifest(path.join(root, 'b/repo/packages/api/src'))).toBe(path.join(root, 'b/repo', MANIFEST_FILE));

    fs.mkdirSync(path.join(root, 'c/repo/.git'), { recursive: true });
    fs.mkdirSync(path.join(root, 'c/repo/packages/api/db'), { recursive: true });
    fs.writeFileSync(path.join(root, 'c/repo', MANIFEST_FILE), '');
    fs.writeFileSync(path.join(root, 'c/repo/packages/api', MANIFEST_FILE), '');
    expect(findManifest(path.join(root, 'c/repo/packages/api/db'))).toBe(path.join(root, 'c/repo/packages/api', MANIFEST_FILE));
  });

  it('looks again after a while, for a manifest created meanwhile', () => {
    const root = temporary();
    fs.mkdirSync(path.join(root, '.git'));
    fs.mkdirSync(path.join(root, 'migrations'));
    expect(findManifest(path.join(root, 'migrations'))).toBeUndefined();
    fs.writeFileSync(path.join(root, MANIFEST_FILE), '');
    const now = Date.now();
    const clock = vi.spyOn(Date, 'now').mockReturnValue(now + 60_000);
    try {
      expect(findManifest(path.join(root, 'migrations'))).toBe(path.join(root, MANIFEST_FILE));
    } finally {
      clock.mockRestore();
    }
  });
});
