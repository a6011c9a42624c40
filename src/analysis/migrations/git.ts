/**
 * The opt-in alternative to the manifest: a git ref (`origin/main`) as the record of what was
 * applied. A migration present at the ref counts as applied and is compared with the ref's content.
 *
 * Only local, read-only plumbing commands (`rev-parse`, `ls-tree`, `cat-file`): never a fetch, so
 * never the network. No git, no repository, a ref that is not there (often a shallow CI clone) give
 * a `GitUnavailable` with one clear message, never a crash. Answers are cached per process: a ref
 * is resolved again after a few seconds (an editor runs for hours), a blob never changes.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export class GitUnavailable extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'GitUnavailable';
  }
}

function git(cwd: string, args: readonly string[], input?: string): { status: number | null; stdout: Buffer; stderr: string; error?: Error } {
  const env = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' };
  const result = spawnSync('git', args, { cwd, env, input, maxBuffer: 512 * 1024 * 1024, windowsHide: true });
  return { status: result.status, stdout: result.stdout ?? Buffer.alloc(0), stderr: result.stderr?.toString('utf8') ?? '', error: result.error };
}

/** Refuses what git would read as an option, or anything that is not a plausible ref. */
function checkRef(ref: string): void {
  if (!/^[A-Za-z0-9_./@^~{}-]+$/.test(ref) || ref.startsWith('-')) throw new GitUnavailable(`"${ref}" is not a git ref this plugin will pass to git`);
}

export interface GitRef {
  /** The repository's top folder (absolute). */
  readonly top: string;
  readonly ref: string;
  /** The commit the ref points at. */
  readonly commit: string;
}

const topCache = new Map<string, string>();
const refCache = new Map<string, { readonly value: GitRef; readonly at: number }>();
const REF_TTL_MS = 5_000;

function topLevel(directory: string): string {
  const cached = topCache.get(directory);
  if (cached) return cached;
  const result = git(directory, ['rev-parse', '--show-toplevel']);
  if (result.error) {
    throw new GitUnavailable(
      (result.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'git is not installed (or not on PATH)' : `git could not run (${result.error.message})`,
    );
  }
  if (result.status !== 0) throw new GitUnavailable(`${directory} is not inside a git repository`);
  const top = path.resolve(result.stdout.toString('utf8').trim());
  topCache.set(directory, top);
  return top;
}

/** Resolves `ref` in the repository that holds `directory`. */
export function resolveGitRef(directory: string, ref: string): GitRef {
  checkRef(ref);
  const key = `${directory}\u0000${ref}`;
  const cached = refCache.get(key);
  if (cached && Date.now() - cached.at < REF_TTL_MS) return cached.value;
  const top = topLevel(directory);
  const result = git(top, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  if (result.status !== 0) {
    const shallow = git(top, ['rev-parse', '--is-shallow-repository']).stdout.toString('utf8').trim() === 'true';
    throw new GitUnavailable(
      shallow
        ? `git ref "${ref}" is not in this shallow clone: fetch it first (e.g. \`git fetch --depth=1 origin ${ref.replace(/^origin\//, '')}\`), or use the manifest instead`
        : `git ref "${ref}" does not exist here: fetch it first (\`git fetch origin\`), or check the name`,
    );
  }
  const value: GitRef = { top, ref, commit: result.stdout.toString('utf8').trim() };
  refCache.set(key, { value, at: Date.now() });
  return value;
}

const treeCache = new Map<string, ReadonlyMap<string, string>>();

/** Every file at the ref: path relative to the repository top (with `/`) → blob id. */
export function filesAtRef(ref: GitRef): ReadonlyMap<string, string> {
  const key = `${ref.top}\u0000${ref.commit}`;
  let files = treeCache.get(key);
  if (files) return files;
  const result = git(ref.top, ['ls-tree', '-r', '-z', '--full-tree', ref.commit]);
  if (result.status !== 0) throw new GitUnavailable(`git could not list ${ref.ref}: ${result.stderr.trim()}`);
  const map = new Map<string, string>();
  for (const record of result.stdout.toString('utf8').split('\0')) {
    // `<mode> blob <oid>\t<path>`
    const tab = record.indexOf('\t');
    if (tab === -1) continue;
    const [, type, oid] = record.slice(0, tab).split(' ');
    if (type === 'blob' && oid) map.set(record.slice(tab + 1), oid);
  }
  files = map;
  treeCache.set(key, files);
  return files;
}

const blobCache = new Map<string, string>();

/** The text of blobs, read in one `git cat-file --batch` run. */
export function readBlobs(top: string, oids: readonly string[]): Map<string, string> {
  const texts = new Map<string, string>();
  const wanted = [...new Set(oids)].filter((oid) => {
    const cached = blobCache.get(oid);
    if (cached !== undefined) texts.set(oid, cached);
    return cached === undefined;
  });
  if (wanted.length === 0) return texts;
  const result = git(top, ['cat-file', '--batch'], `${wanted.join('\n')}\n`);
  if (result.status !== 0) throw new GitUnavailable(`git could not read objects: ${result.stderr.trim()}`);
  const output = result.stdout;
  let offset = 0;
  while (offset < output.length) {
    const newline = output.indexOf(0x0a, offset);
    if (newline === -1) break;
    const header = output.subarray(offset, newline).toString('utf8');
    const [oid, type, sizeText] = header.split(' ');
    offset = newline + 1;
    if (type === 'missing' || !oid || sizeText === undefined) continue;
    const size = Number(sizeText);
    const text = output.subarray(offset, offset + size).toString('utf8');
    offset += size + 1;
    blobCache.set(oid, text);
    texts.set(oid, text);
  }
  return texts;
}

/** The text of one file at the ref (path relative to the repository top), or undefined when it is not there. */
export function fileAtRef(ref: GitRef, relativeToTop: string): string | undefined {
  const oid = filesAtRef(ref).get(relativeToTop);
  if (!oid) return undefined;
  return readBlobs(ref.top, [oid]).get(oid);
}
