/**
 * "Is this file on disk a migration, of which tool, and what is its name?" for the CLI, which has
 * no parser: JavaScript/TypeScript files are recognised from their tokens (an `up` that is
 * exported or defined as a method), SQL files from the tool's layout (Prisma's folders,
 * drizzle-kit's journal, Flyway's `V1__` names, `.up.sql`/`.down.sql` pairs, node-pg-migrate's
 * sections). The ESLint rules use the AST instead (detect.ts); both read the same knowledge.
 */
import { migrationConventions, migrationTools } from '../../knowledge/migrations';
import type { MigrationToolKnowledge } from '../../knowledge/types-migrations';
import { matchesAnyGlob } from '../glob';
import { contentKind } from './hash';
import { tokenizeScript, type ScriptToken } from './lexer';
import { baseNameOf, parseName, type ParsedName } from './name';

export interface MigrationFileInfo {
  /** Path relative to the project root, with `/`. */
  readonly path: string;
  readonly kind: 'script' | 'sql';
  readonly tool: MigrationToolKnowledge | undefined;
  readonly name: ParsedName;
  /** The folder whose migrations are ordered together (Prisma: the folder of the migration folders). */
  readonly group: string;
  /** For up/down pairs: which half this file is, and the path of the other half. */
  readonly pair?: { readonly role: 'up' | 'down'; readonly partner: string };
}

/** What the classifier may ask about the files around one (tests give it a fake). */
export interface FileProbe {
  exists(relativePath: string): boolean;
}

const scriptTools = migrationTools.filter((tool) => tool.script);
const sqlTools = migrationTools.filter((tool) => tool.sql);

/** The default folder globs for the CLI: the rules' defaults, and every tool's own. */
export const defaultCliFolders: readonly string[] = [...new Set([...migrationConventions.folders, ...migrationTools.flatMap((tool) => tool.folders)])];

const nonMigrationFiles = new Set(migrationConventions.nonMigrationFiles);

function dirname(relative: string): string {
  const slash = relative.lastIndexOf('/');
  return slash === -1 ? '' : relative.slice(0, slash);
}

function basename(relative: string): string {
  return relative.slice(relative.lastIndexOf('/') + 1);
}

/** Index of the token that closes the bracket opened at `open`. */
function closing(tokens: readonly ScriptToken[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const value = tokens[i]!.type === 'punct' ? tokens[i]!.value : '';
    if (value === '{' || value === '(' || value === '[') depth++;
    else if (value === '}' || value === ')' || value === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return tokens.length;
}

/** Whether the object or class body opened at `open` has an `up` member at its top level. */
function hasUpMember(tokens: readonly ScriptToken[], open: number): boolean {
  const end = closing(tokens, open);
  let depth = 0;
  for (let i = open + 1; i < end; i++) {
    const token = tokens[i]!;
    if (token.type === 'punct' && (token.value === '{' || token.value === '(' || token.value === '[')) depth++;
    else if (token.type === 'punct' && (token.value === '}' || token.value === ')' || token.value === ']')) depth--;
    else if (depth === 0 && token.type === 'word' && token.value === 'up') {
      const next = tokens[i + 1]?.value;
      const previous = tokens[i - 1]?.value;
      if ((next === '(' || next === ':' || next === ',' || next === '}' || next === '=') && previous !== '.') return true;
    }
  }
  return false;
}

const MIGRATION_CLASS_EVIDENCE = /^(?:MigrationInterface|Migration)$/;

/**
 * Whether a script's tokens declare a migration: an exported `up` (`exports.up =`, `export function
 * up`, `export const up`, `export { up }`, an `up` in `module.exports = {…}` / `export default {…}`),
 * or an exported class with an `up` method that shows it is a migration (`implements
 * MigrationInterface`, `extends Migration`, a timestamp in its name, or `orderedName`: the file's name
 * carries a timestamp or sequence). A runner that calls `umzug.up()` or a class with an unrelated `up`
 * method is not one.
 */
export function looksLikeMigrationScript(text: string, orderedName = false): boolean {
  const tokens: ScriptToken[] = tokenizeScript(text);
  const at = (i: number): string | undefined => tokens[i]?.value;
  let exported = false;
  let classWithUp = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type !== 'word') continue;
    const value = token.value;
    if (value === 'export' || value === 'exports') exported = true;
    if (value === 'up') {
      if (at(i - 1) === '.' && at(i - 2) === 'exports' && at(i + 1) === '=') return true;
      if (at(i - 1) === 'function' && (at(i - 2) === 'export' || (at(i - 2) === 'async' && at(i - 3) === 'export'))) return true;
      if ((at(i - 1) === 'const' || at(i - 1) === 'let' || at(i - 1) === 'var') && at(i - 2) === 'export') return true;
    } else if (value === 'export' && at(i + 1) === '{') {
      const end = closing(tokens, i + 1);
      // `export { up }`, `export { upgrade as up }`; not `export { up as upgrade }`.
      for (let j = i + 2; j < end; j++) if (tokens[j]!.value === 'up' && at(j + 1) !== 'as') return true;
    } else if (
      (value === 'exports' && at(i - 1) === '.' && at(i - 2) === 'module' && at(i + 1) === '=' && at(i + 2) === '{' && hasUpMember(tokens, i + 2)) ||
      (value === 'export' && (at(i + 1) === 'default' || at(i + 1) === '=') && at(i + 2) === '{' && hasUpMember(tokens, i + 2))
    ) {
      return true;
    } else if (value === 'class') {
      let brace = i + 1;
      while (brace < tokens.length && at(brace) !== '{') brace++;
      if (brace >= tokens.length || !hasUpMember(tokens, brace)) continue;
      const header = tokens.slice(i + 1, brace).map((item) => item.value);
      const name = tokens[i + 1]?.type === 'word' ? at(i + 1)! : '';
      if (orderedName || /\d{10,}$/.test(name) || header.some((word) => MIGRATION_CLASS_EVIDENCE.test(word))) classWithUp = true;
    }
  }
  return exported && classWithUp;
}

function scriptTool(text: string): MigrationToolKnowledge | undefined {
  const modules = new Set<string>();
  for (const match of text.matchAll(/(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g)) modules.add(match[1]!);
  return scriptTools.find((tool) => tool.script!.modules.some((name) => modules.has(name) || [...modules].some((module) => module.startsWith(`${name}/`))));
}

/**
 * Whether a file is worth reading: a script under a migration folder, or a SQL file under one or
 * in a folder a tool's marker identifies (drizzle-kit's journal, Prisma's lock file).
 */
export function isMigrationCandidate(relative: string, folders: readonly string[], probe: FileProbe): boolean {
  const kind = contentKind(relative);
  if (kind === 'text') return false;
  if (matchesAnyGlob(relative, folders)) return true;
  if (kind !== 'sql') return false;
  const directory = dirname(relative);
  for (const tool of sqlTools) {
    const marker = tool.sql!.marker;
    if (!marker) continue;
    const base = tool.sql!.layout === 'folder' ? dirname(directory) : directory;
    if (probe.exists(`${base ? `${base}/` : ''}${marker}`)) return true;
  }
  return false;
}

/**
 * Classifies one file. `text` is its content; `folders` the migration folder globs (relative to
 * the root). Returns undefined for a file that is not a migration.
 */
export function classifyMigrationFile(relative: string, text: string, folders: readonly string[], probe: FileProbe): MigrationFileInfo | undefined {
  const kind = contentKind(relative);
  const file = basename(relative);
  const directory = dirname(relative);
  if (kind === 'script') {
    if (/\.d\.[cm]?ts$/i.test(file) || /\.(?:test|spec)\.[cm]?[jt]sx?$/i.test(file)) return undefined;
    if (nonMigrationFiles.has(file.replace(/\.[^.]+$/, ''))) return undefined;
    if (!matchesAnyGlob(relative, folders)) return undefined;
    const tool = scriptTool(text);
    const name = parseName(baseNameOf(file, tool), tool?.names);
    if (!looksLikeMigrationScript(text, name.order !== undefined)) return undefined;
    return { path: relative, kind: 'script', tool, name, group: directory };
  }
  if (kind !== 'sql') return undefined;
  for (const tool of sqlTools) {
    const sql = tool.sql!;
    switch (sql.layout) {
      case 'folder': {
        if (file !== sql.folderFile) break;
        const folder = basename(directory);
        const name = parseName(folder, tool.names);
        if (!name.scheme) break;
        const parent = dirname(directory);
        if (!matchesAnyGlob(relative, folders) && !(sql.marker && probe.exists(`${parent ? `${parent}/` : ''}${sql.marker}`))) break;
        return { path: relative, kind: 'sql', tool, name, group: parent };
      }
      case 'file': {
        if (sql.marker) {
          if (!probe.exists(`${directory ? `${directory}/` : ''}${sql.marker}`)) break;
        } else if (sql.fileName) {
          if (!new RegExp(sql.fileName).test(file) || !matchesAnyGlob(relative, folders)) break;
        } else break;
        return { path: relative, kind: 'sql', tool, name: parseName(baseNameOf(file, tool), tool.names), group: directory };
      }
      case 'pair': {
        if (sql.subfolder && basename(directory) !== sql.subfolder) break;
        const base = file.replace(/\.sql$/i, '');
        const role = sql.upSuffix && base.endsWith(sql.upSuffix) ? 'up' : sql.downSuffix && base.endsWith(sql.downSuffix) ? 'down' : undefined;
        if (!role || !matchesAnyGlob(relative, folders)) break;
        const stem = base.slice(0, -(role === 'up' ? sql.upSuffix! : sql.downSuffix!).length);
        const partner = `${directory ? `${directory}/` : ''}${stem}${role === 'up' ? sql.downSuffix : sql.upSuffix}.sql`;
        const group = sql.subfolder ? dirname(directory) : directory;
        return { path: relative, kind: 'sql', tool, name: parseName(stem, tool.names), group, pair: { role, partner } };
      }
      case 'sections': {
        if (!sql.sections || !new RegExp(sql.sections.up, 'im').test(text) || !matchesAnyGlob(relative, folders)) break;
        return { path: relative, kind: 'sql', tool, name: parseName(baseNameOf(file, tool), tool.names), group: directory };
      }
    }
  }
  if (!matchesAnyGlob(relative, folders)) return undefined;
  return { path: relative, kind: 'sql', tool: undefined, name: parseName(baseNameOf(file)), group: directory };
}
