/**
 * The content hash of a migration, shared by the `dbconventions` CLI (which records it) and
 * no-applied-migration-edit (which compares the linted text with it), so both always agree.
 *
 * Two modes, recorded in the manifest:
 * - `tokens` (default): what the file does, not how it is laid out. JavaScript and TypeScript are
 *   hashed as a token stream (lexer.ts): whitespace, line breaks, comments, quote style,
 *   trailing commas, statement semicolons and the parentheses of a lone arrow parameter do not
 *   count. SQL is hashed as a token stream without whitespace and comments; strings, quoted
 *   identifiers and case are kept. Other files are hashed by their lines.
 * - `exact`: every byte, except the line-ending style (git may rewrite it on checkout) and a UTF-8
 *   byte-order mark (ESLint strips it before rules see the text).
 *
 * A hash reads `sha256:<hex>`; the stream is versioned by the mode's name, so a future change of
 * normalisation gets a new mode name instead of silently changing recorded hashes.
 */
import { createHash } from 'node:crypto';
import { normaliseScriptTokens, tokenizeScript, tokenizeSql } from './lexer';

export type HashMode = 'tokens' | 'exact';

export const HASH_MODES: readonly HashMode[] = ['tokens', 'exact'];

export type ContentKind = 'script' | 'sql' | 'text';

const SCRIPT_EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx']);

/** What kind of text a file holds, by its extension. */
export function contentKind(fileName: string): ContentKind {
  const lower = fileName.toLowerCase();
  const dot = lower.lastIndexOf('.');
  const extension = dot === -1 ? '' : lower.slice(dot);
  if (SCRIPT_EXTENSIONS.has(extension)) return 'script';
  if (extension === '.sql') return 'sql';
  return 'text';
}

/** Line endings to `\n`, and no byte-order mark. */
export function normaliseLineEndings(text: string): string {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return withoutBom.replace(/\r\n?/g, '\n');
}

function sha256(parts: Iterable<string>): string {
  // One update with the whole stream: an update per token costs more than the tokenizing.
  const text = typeof parts === 'string' ? parts : [...parts].join('');
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

function* scriptStream(text: string): Generator<string> {
  for (const token of normaliseScriptTokens(tokenizeScript(text))) yield `${token.type}\u0000${token.value}\u0001`;
}

function* sqlStream(text: string): Generator<string> {
  for (const token of tokenizeSql(text)) yield `${token.type}\u0000${token.value}\u0001`;
}

function* lineStream(text: string): Generator<string> {
  for (const line of text.split('\n')) yield `${line.replace(/\s+$/, '')}\n`;
}

/** The hash of a migration's text (the file's content or the editor's unsaved text). */
export function hashMigration(text: string, fileName: string, mode: HashMode = 'tokens'): string {
  const normalised = normaliseLineEndings(text);
  if (mode === 'exact') return sha256([normalised]);
  switch (contentKind(fileName)) {
    case 'script':
      return sha256(scriptStream(normalised));
    case 'sql':
      return sha256(sqlStream(normalised));
    default:
      return sha256(lineStream(normalised));
  }
}
