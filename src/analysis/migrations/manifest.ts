/**
 * The migrations manifest: the committed record of applied migrations and their content hashes
 * (in the spirit of Atlas's `atlas.sum` and Flyway's checksums), written by `dbconventions lock`
 * and read by no-applied-migration-edit and `dbconventions verify`.
 *
 * Format: JSON Lines (`migrations.manifest.jsonl`), one JSON object per line, so the file is
 * deterministic, reviewable line by line, and two branches that each record a migration touch
 * different lines (no trailing-comma conflicts as in one JSON document):
 *
 *   {"manifest":"dbconventions/migrations","version":1,"hash":"tokens"}
 *   {"path":"migrations/1700000000000-AddOrders.ts","hash":"sha256:…"}
 *   {"path":"migrations/1700000600000-AddCountry.ts","hash":"sha256:…","accepted":[{"from":"sha256:…","to":"sha256:…","reason":"…"}]}
 *   {"path":"migrations/1690000000000-Legacy.ts","hash":"sha256:…","deleted":{"reason":"…"}}
 *
 * The header comes first; entries follow sorted by path, keys in a fixed order. Paths are relative
 * to the manifest's folder, with `/`. No timestamps: the same migrations give the same bytes.
 *
 * Reading is strict: anything unexpected (bad JSON, an unknown key, a duplicate, a merge-conflict
 * marker) makes the whole manifest unreadable, with the line and the reason, so a corrupt file is
 * never half-trusted. The rule reads a manifest once per process and again when its size or
 * modification time changes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { HASH_MODES, type HashMode } from './hash';

export const MANIFEST_FILE = 'migrations.manifest.jsonl';
const MARKER = 'dbconventions/migrations';
const VERSION = 1;

export interface AcceptedEdit {
  readonly from: string;
  readonly to: string;
  readonly reason: string;
}

export interface RenameRecord {
  readonly from: string;
  readonly reason: string;
}

export interface ManifestEntry {
  readonly path: string;
  readonly hash: string;
  /** Deliberate edits, each with the reason it was accepted (`dbconventions accept`). */
  readonly accepted?: readonly AcceptedEdit[];
  /** Earlier paths of this migration, each with the reason of the rename. */
  readonly renamed?: readonly RenameRecord[];
  /** A migration deleted on purpose (squashed, say): kept so the deletion stays reviewable. */
  readonly deleted?: { readonly reason: string };
}

export interface Manifest {
  readonly hash: HashMode;
  readonly entries: ReadonlyMap<string, ManifestEntry>;
}

export class ManifestError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly problem: string,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${problem}`);
    this.name = 'ManifestError';
  }
}

const HASH_PATTERN = /^sha256:[0-9a-f]{64}$/;
const ENTRY_KEYS = new Set(['path', 'hash', 'accepted', 'renamed', 'deleted']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** Parses and validates a manifest's text. Throws `ManifestError` (with the line) on anything unexpected. */
export function parseManifest(text: string, file: string): Manifest {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let header: { hash: HashMode } | undefined;
  const entries = new Map<string, ManifestEntry>();
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const number = index + 1;
    const fail = (problem: string): never => {
      throw new ManifestError(file, number, problem);
    };
    if (line.trim() === '') continue;
    if (/^(?:<{7}|={7}|>{7}|\|{7})(?:\s|$)/.test(line)) fail('a merge-conflict marker: resolve the conflict, keeping the entries of both sides');
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      fail(`not valid JSON (${(error as Error).message})`);
    }
    if (!isObject(value)) fail('expected a JSON object on every line');
    const object = value as Record<string, unknown>;
    if (!header) {
      if (object.manifest !== MARKER) fail(`the first line must be the header {"manifest":"${MARKER}","version":${VERSION},"hash":"tokens"}`);
      if (object.version !== VERSION) fail(`unsupported manifest version ${JSON.stringify(object.version)}: this version of the plugin reads version ${VERSION}`);
      if (typeof object.hash !== 'string' || !(HASH_MODES as readonly string[]).includes(object.hash)) {
        fail(`unknown hash mode ${JSON.stringify(object.hash)} (expected ${HASH_MODES.map((mode) => `"${mode}"`).join(' or ')})`);
      }
      for (const key of Object.keys(object)) if (!['manifest', 'version', 'hash'].includes(key)) fail(`unknown header key "${key}"`);
      header = { hash: object.hash as HashMode };
      continue;
    }
    if ('manifest' in object) fail('a second header');
    for (const key of Object.keys(object)) if (!ENTRY_KEYS.has(key)) fail(`unknown key "${key}"`);
    if (!nonEmptyString(object.path)) fail('"path" must be a non-empty string');
    const entryPath = object.path as string;
    if (entryPath.includes('\\') || path.posix.isAbsolute(entryPath) || /^[A-Za-z]:/.test(entryPath) || path.posix.normalize(entryPath) !== entryPath) {
      fail(`"path" must be relative to the manifest's folder, normalised, with "/" separators: ${JSON.stringify(entryPath)}`);
    }
    if (entries.has(entryPath)) fail(`"${entryPath}" is listed twice`);
    if (typeof object.hash !== 'string' || !HASH_PATTERN.test(object.hash)) fail(`"hash" must look like "sha256:<64 hex digits>"`);
    const entry: { -readonly [K in keyof ManifestEntry]: ManifestEntry[K] } = { path: entryPath, hash: object.hash as string };
    if ('accepted' in object) {
      if (!Array.isArray(object.accepted)) fail('"accepted" must be an array');
      entry.accepted = (object.accepted as unknown[]).map((item) => {
        if (!isObject(item) || Object.keys(item).some((key) => !['from', 'to', 'reason'].includes(key))) fail('every "accepted" item is {"from","to","reason"}');
        const accepted = item as Record<string, unknown>;
        if (typeof accepted.from !== 'string' || !HASH_PATTERN.test(accepted.from) || typeof accepted.to !== 'string' || !HASH_PATTERN.test(accepted.to)) {
          fail('"accepted" hashes must look like "sha256:<64 hex digits>"');
        }
        if (!nonEmptyString(accepted.reason)) fail('every accepted edit needs a non-empty "reason"');
        return { from: accepted.from as string, to: accepted.to as string, reason: accepted.reason as string };
      });
    }
    if ('renamed' in object) {
      if (!Array.isArray(object.renamed)) fail('"renamed" must be an array');
      entry.renamed = (object.renamed as unknown[]).map((item) => {
        if (!isObject(item) || Object.keys(item).some((key) => !['from', 'reason'].includes(key))) fail('every "renamed" item is {"from","reason"}');
        const renamed = item as Record<string, unknown>;
        if (!nonEmptyString(renamed.from) || !nonEmptyString(renamed.reason)) fail('every rename needs a "from" path and a non-empty "reason"');
        return { from: renamed.from as string, reason: renamed.reason as string };
      });
    }
    if ('deleted' in object) {
      const deleted = object.deleted;
      if (!isObject(deleted) || Object.keys(deleted).some((key) => key !== 'reason') || !nonEmptyString(deleted.reason)) {
        fail('"deleted" must be {"reason":"…"} with a non-empty reason');
      }
      entry.deleted = { reason: (deleted as { reason: string }).reason };
    }
    entries.set(entryPath, entry);
  }
  if (!header) throw new ManifestError(file, undefined, 'empty: the header line is missing');
  return { hash: header.hash, entries };
}

/** The manifest's text: header, then entries sorted by path, keys in a fixed order, `\n` line endings. */
export function serializeManifest(manifest: Manifest): string {
  const lines = [JSON.stringify({ manifest: MARKER, version: VERSION, hash: manifest.hash })];
  const paths = [...manifest.entries.keys()].sort(comparePaths);
  for (const entryPath of paths) {
    const entry = manifest.entries.get(entryPath)!;
    const ordered: Record<string, unknown> = { path: entry.path, hash: entry.hash };
    if (entry.accepted?.length) ordered.accepted = entry.accepted.map((item) => ({ from: item.from, to: item.to, reason: item.reason }));
    if (entry.renamed?.length) ordered.renamed = entry.renamed.map((item) => ({ from: item.from, reason: item.reason }));
    if (entry.deleted) ordered.deleted = { reason: entry.deleted.reason };
    lines.push(JSON.stringify(ordered));
  }
  return `${lines.join('\n')}\n`;
}

/** Code-unit order: the same on every machine and locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Writes the manifest atomically: a temporary file in the same folder, flushed, then renamed over it. */
export function writeManifest(file: string, manifest: Manifest): void {
  const text = serializeManifest(manifest);
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  const descriptor = fs.openSync(temporary, 'wx');
  try {
    fs.writeFileSync(descriptor, text, 'utf8');
    fs.fsyncSync(descriptor);
  } finally {
    fs.closeSync(descriptor);
  }
  try {
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

// ------------------------------------------------------------------------------------------------
// Reading for the rule: cached per process, re-read when the file changes.

export type ManifestState =
  | { readonly kind: 'missing' }
  | { readonly kind: 'ok'; readonly manifest: Manifest }
  | { readonly kind: 'error'; readonly error: ManifestError };

interface Cached {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
  readonly state: ManifestState;
}

const manifests = new Map<string, Cached>();

/** The manifest at `file`: read once, and again whenever its size, modification time or inode changes. */
export function readManifestCached(file: string): ManifestState {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    manifests.delete(file);
    return { kind: 'missing' };
  }
  const cached = manifests.get(file);
  if (cached && cached.size === stat.size && cached.mtimeMs === stat.mtimeMs && cached.ino === stat.ino) return cached.state;
  let state: ManifestState;
  try {
    state = { kind: 'ok', manifest: parseManifest(fs.readFileSync(file, 'utf8'), file) };
  } catch (error) {
    state = {
      kind: 'error',
      error: error instanceof ManifestError ? error : new ManifestError(file, undefined, `cannot be read (${(error as Error).message})`),
    };
  }
  manifests.set(file, { size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino, state });
  return state;
}

/** The state last read from `file`, without looking at the disk (undefined if never read). */
export function peekManifest(file: string): ManifestState | undefined {
  return manifests.get(file)?.state;
}

/** The manifest entry key of a file: its path relative to the manifest's folder, with `/`. */
export function manifestKey(manifestFile: string, file: string): string {
  return path.relative(path.dirname(manifestFile), file).split(path.sep).join('/');
}

const lookups = new Map<string, { readonly found: string | undefined; readonly at: number }>();
/**
 * How long an answer about a folder is trusted before looking again: an editor runs for hours and
 * must notice a manifest created meanwhile, a lint run must not look at every folder again and again.
 */
const LOOKUP_TTL_MS = 30_000;

/**
 * The manifest that governs a folder: the nearest `migrations.manifest.jsonl` in it or above it,
 * up to the repository root (the first folder with a `.git`) or the filesystem root.
 */
export function findManifest(directory: string): string | undefined {
  const cached = lookups.get(directory);
  const now = Date.now();
  // Trusted for a few seconds either way: a manifest that disappears is seen by readManifestCached
  // (it stats the file), one that appears is found on the next look.
  if (cached && now - cached.at < LOOKUP_TTL_MS) return cached.found;
  let found: string | undefined;
  const candidate = path.join(directory, MANIFEST_FILE);
  if (fs.existsSync(candidate)) {
    found = candidate;
  } else {
    const parent = path.dirname(directory);
    // Each folder is looked at once: its answer is its parent's, which is cached in turn.
    if (parent !== directory && !fs.existsSync(path.join(directory, '.git'))) found = findManifest(parent);
  }
  lookups.set(directory, { found, at: now });
  return found;
}
