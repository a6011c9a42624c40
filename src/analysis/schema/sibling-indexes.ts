/**
 * The indexes that the other migrations of a folder create: the folder is the schema's history, so
 * an index added by a later (or earlier) migration serves a foreign key declared here.
 *
 * Sibling files are read from disk with the token lexer the migration rules already use (no
 * parser: a file whose text the lexer cannot read is skipped), never outside the working
 * directory, never under node_modules. The answers are cached per process, keyed by path,
 * modification time and size, and bounded. When the module-summaries engine lands, this cache is
 * the part to replace with its reader: `indexesOfFile` is the one function to swap.
 */
import fs from 'node:fs';
import path from 'node:path';
import { libraries } from '../../knowledge';
import { tokenizeScript, type ScriptToken } from '../migrations/lexer';
import { clearWithModuleCache } from '../modules/load';
import { mayDeclareKeys, normaliseIdentifier, sqlKeys, type SqlIndex } from './sql-keys';

const schemaBuilders = libraries.flatMap((library) => (library.schema?.foreignKeys?.schemaBuilder ? [library.schema.foreignKeys.schemaBuilder] : []));
const queryInterfaces = libraries.flatMap((library) => (library.schema?.foreignKeys?.queryInterface ? [library.schema.foreignKeys.queryInterface] : []));
const tableMethods = new Set(schemaBuilders.flatMap((builder) => builder.tableMethods));
const builderIndexMethods = new Set(schemaBuilders.flatMap((builder) => builder.indexMethods));
const builderSkip = new Set(schemaBuilders.flatMap((builder) => [builder.references, builder.foreign, 'inTable', 'on', 'onDelete', 'onUpdate', 'comment', 'defaultTo']));
const addIndexMethods = new Set(queryInterfaces.flatMap((api) => api.addIndex));

const SCRIPT = /\.(?:[cm]?[jt]s)$/i;
const MAX_FILES = 500;
const MAX_BYTES = 512 * 1024;
const MAX_CACHED = 4000;

interface Cached {
  readonly mtimeMs: number;
  readonly size: number;
  readonly indexes: readonly SqlIndex[];
}

const cache = new Map<string, Cached>();

/** Indexes created by the other script and SQL files of `file`'s folder. */
export function siblingIndexes(file: string, cwd: string): SqlIndex[] {
  const directory = path.dirname(file);
  const root = path.resolve(cwd);
  if (!directory.startsWith(root + path.sep) && directory !== root) return [];
  if (directory.split(path.sep).includes('node_modules')) return [];
  const indexes: SqlIndex[] = [];
  for (const sibling of folderIndexes(directory, root)) {
    if (sibling.file !== file) indexes.push(...sibling.indexes);
  }
  return indexes;
}

/**
 * Every migration of a folder asks about the same siblings: the folder's answer is trusted for a
 * few seconds (as the module resolver trusts the disk), so a pass over a folder of migrations lists
 * and stats it once, and a file saved in the editor is still seen almost at once.
 */
const FOLDER_TTL_MS = 5_000;
const folderAnswers = new Map<string, { readonly at: number; readonly files: readonly { readonly file: string; readonly indexes: readonly SqlIndex[] }[] }>();
clearWithModuleCache(() => folderAnswers.clear());

function folderIndexes(directory: string, root: string): readonly { readonly file: string; readonly indexes: readonly SqlIndex[] }[] {
  const key = `${directory}\0${root}`;
  const now = Date.now();
  const known = folderAnswers.get(key);
  if (known && now - known.at < FOLDER_TTL_MS) return known.files;
  let names: string[];
  try {
    names = fs.readdirSync(directory);
  } catch {
    names = [];
  }
  const files: { file: string; indexes: SqlIndex[] }[] = [];
  for (const name of names.slice(0, MAX_FILES)) {
    if ((!SCRIPT.test(name) && !/\.sql$/i.test(name)) || /\.d\.[cm]?ts$/i.test(name)) continue;
    const sibling = path.join(directory, name);
    const relative = path.relative(root, sibling).split(path.sep).join('/');
    const indexes = indexesOfFile(sibling).map((index) => ({ ...index, file: relative }));
    if (indexes.length > 0) files.push({ file: sibling, indexes });
  }
  if (folderAnswers.size >= MAX_CACHED) folderAnswers.clear();
  folderAnswers.set(key, { at: now, files });
  return files;
}

const foldersCache = new Map<string, { readonly mtimeMs: number; readonly children: readonly string[] }>();

/**
 * The indexes of the migration folders near a model file: every child folder of the file's folder
 * and of each folder above it (up to the working directory) that `isMigrationFolder` accepts
 * (`src/entities/order.ts` → `src/migrations/`). For an entity whose index exists only in a migration.
 */
export function nearbyMigrationIndexes(file: string, cwd: string, isMigrationFolder: (relative: string) => boolean): SqlIndex[] {
  const root = path.resolve(cwd);
  const indexes: SqlIndex[] = [];
  for (let directory = path.dirname(file); directory.startsWith(root); directory = path.dirname(directory)) {
    for (const child of childFolders(directory)) {
      const relative = path.relative(root, child).split(path.sep).join('/');
      if (isMigrationFolder(`${relative}/migration.ts`)) indexes.push(...siblingIndexes(path.join(child, '\0model'), cwd));
    }
    if (directory === root || directory === path.dirname(directory)) break;
  }
  return indexes;
}

function childFolders(directory: string): readonly string[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(directory);
  } catch {
    return [];
  }
  const cached = foldersCache.get(directory);
  if (cached && cached.mtimeMs === stat.mtimeMs) return cached.children;
  let children: string[];
  try {
    children = fs
      .readdirSync(directory, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.'))
      .map((entry) => path.join(directory, entry.name));
  } catch {
    children = [];
  }
  if (foldersCache.size >= MAX_CACHED) foldersCache.clear();
  foldersCache.set(directory, { mtimeMs: stat.mtimeMs, children });
  return children;
}

function indexesOfFile(file: string): readonly SqlIndex[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return [];
  }
  if (!stat.isFile() || stat.size > MAX_BYTES) return [];
  const cached = cache.get(file);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.indexes;
  let indexes: readonly SqlIndex[] = [];
  try {
    const text = fs.readFileSync(file, 'utf8');
    if (/index|unique|primary/i.test(text)) {
      indexes = /\.sql$/i.test(file) ? sqlKeys(text).indexes : indexesInScript(tokenizeScript(text));
    }
  } catch {
    indexes = [];
  }
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, indexes });
  return indexes;
}

/**
 * Indexes in a script's tokens: SQL text (`CREATE INDEX … ON t (…)`), a schema builder's
 * `createTable('t', …)` / `alterTable('t', …)` with `t.index(['a'])` or `.index()` at the end of a
 * column's chain, and a query interface's `addIndex('t', ['a'])`.
 */
export function indexesInScript(tokens: readonly ScriptToken[]): SqlIndex[] {
  const indexes: SqlIndex[] = [];
  let table: string | undefined;
  let column: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if ((token.type === 'string' || token.type === 'template') && mayDeclareKeys(token.value)) {
      indexes.push(...sqlKeys(token.value).indexes);
      continue;
    }
    if (token.type !== 'word' || tokens[i + 1]?.value !== '(') continue;
    const next = tokens[i + 2];
    if (tableMethods.has(token.value) && next?.type === 'string') {
      table = normaliseIdentifier(next.value);
      continue;
    }
    if (addIndexMethods.has(token.value) && next?.type === 'string') {
      const columns = stringList(tokens, i + 4);
      if (columns) indexes.push({ table: normaliseIdentifier(next.value), columns: columns.list, partial: hasWordBefore(tokens, columns.end + 1, 'where') });
      continue;
    }
    if (tokens[i - 1]?.value !== '.' || table === undefined) continue;
    if (builderIndexMethods.has(token.value)) {
      const columns = stringList(tokens, i + 2);
      if (columns) indexes.push({ table, columns: columns.list, partial: hasWordBefore(tokens, columns.end + 1, 'predicate') });
      else if (next?.value === ')' && column) indexes.push({ table, columns: [column], partial: false });
      continue;
    }
    if (!builderSkip.has(token.value) && next?.type === 'string') column = normaliseIdentifier(next.value);
  }
  return indexes;
}

/** `['a', 'b']`, `'a'` or `{ fields: ['a'] }` at `start`: the names, and the index of the list's last token. */
function stringList(tokens: readonly ScriptToken[], start: number): { list: string[]; end: number } | undefined {
  let i = start;
  if (tokens[i]?.value === '{') {
    while (i < tokens.length && !(tokens[i]?.value === 'fields' && tokens[i + 1]?.value === ':')) {
      if (tokens[i]?.value === '}') return undefined;
      i++;
    }
    i += 2;
  }
  const first = tokens[i];
  if (first?.type === 'string') return { list: [normaliseIdentifier(first.value)], end: i };
  if (first?.value !== '[') return undefined;
  const list: string[] = [];
  for (i++; i < tokens.length && tokens[i]?.value !== ']'; i++) {
    const item = tokens[i]!;
    if (item.type === 'string') list.push(normaliseIdentifier(item.value));
    else if (item.value !== ',') return list.length > 0 ? { list, end: i } : undefined;
  }
  return list.length > 0 ? { list, end: i } : undefined;
}

/** Whether `word` appears before the call's closing parenthesis (`addIndex('t', ['a'], { where: … })`). */
function hasWordBefore(tokens: readonly ScriptToken[], from: number, word: string): boolean {
  let depth = 0;
  for (let i = from; i < tokens.length; i++) {
    const value = tokens[i]!.value;
    if (value === '(' || value === '[' || value === '{') depth++;
    else if (value === ')' || value === ']' || value === '}') {
      if (depth === 0) return false;
      depth--;
    } else if (value === word && tokens[i]!.type === 'word') return true;
  }
  return false;
}
