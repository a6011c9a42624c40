/**
 * Foreign keys and indexes declared in SQL text: `REFERENCES` in `CREATE TABLE` and
 * `ALTER TABLE … ADD`, `FOREIGN KEY (…)` constraints, `CREATE INDEX … ON t (…)`, and the `PRIMARY
 * KEY` / `UNIQUE` / MySQL `INDEX`/`KEY` entries that index columns. A small reader of the statements
 * a migration writes, not a SQL parser: what it does not recognise it leaves out.
 */

export interface SqlForeignKey {
  readonly table: string;
  readonly columns: readonly string[];
  /** Offset of the key's clause in the text (for the report's position). */
  readonly offset: number;
}

export interface SqlIndex {
  readonly table: string;
  readonly columns: readonly string[];
  /** `CREATE INDEX … WHERE …`: serves only some rows. */
  readonly partial: boolean;
  /** The file that creates it, when it is not the linted one (relative to the working directory). */
  readonly file?: string;
}

export interface SqlKeys {
  readonly foreignKeys: SqlForeignKey[];
  readonly indexes: SqlIndex[];
}

const IDENT = String.raw`(?:"[^"]+"|\x60[^\x60]+\x60|\[[^\]]+\]|[A-Za-z_][\w$]*)`;
const QUALIFIED = `${IDENT}(?:\\s*\\.\\s*${IDENT})*`;

const CREATE_TABLE = new RegExp(String.raw`\bCREATE\s+(?:(?:GLOBAL\s+|LOCAL\s+)?(?:TEMP|TEMPORARY|UNLOGGED)\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(${QUALIFIED})\s*\(`, 'gi');
const ALTER_TABLE = new RegExp(String.raw`\bALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(${QUALIFIED})\s+`, 'gi');
const CREATE_INDEX = new RegExp(
  String.raw`\bCREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(?:${QUALIFIED}\s+)?ON\s+(?:ONLY\s+)?(${QUALIFIED})\s*(?:USING\s+\w+\s*)?\(`,
  'gi',
);

/** `"Orders"` → `Orders`, `public.orders` → `orders`: unquoted and unqualified (compared case-insensitively). */
export function normaliseIdentifier(text: string): string {
  const parts = text.split('.');
  const last = (parts[parts.length - 1] ?? text).trim();
  return last.replace(/^["`[]|["`\]]$/g, '');
}

/** The text between the parenthesis at `open` and its match, or undefined when it never closes. */
function parenthesised(text: string, open: number): { body: string; end: number } | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (let i = open; i < text.length; i++) {
    const char = text[i];
    if (quote) {
      if (char === quote) quote = undefined;
      continue;
    }
    if (char === "'" || char === '"' || char === '`') quote = char;
    else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return { body: text.slice(open + 1, i), end: i };
  }
  return undefined;
}

/** Splits at top-level commas, keeping each part's offset in the body. */
function splitTopLevel(body: string): { part: string; offset: number }[] {
  const parts: { part: string; offset: number }[] = [];
  let depth = 0;
  let start = 0;
  let quote: string | undefined;
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (quote) {
      if (char === quote) quote = undefined;
      continue;
    }
    if (char === "'" || char === '"' || char === '`') quote = char;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === ',' && depth === 0) {
      parts.push({ part: body.slice(start, i), offset: start });
      start = i + 1;
    }
  }
  parts.push({ part: body.slice(start), offset: start });
  return parts;
}

/** `(a, "b" DESC, lower(c))` → `['a', 'b', '(expr)']`. */
function columnList(body: string): string[] {
  return splitTopLevel(body).map(({ part }) => {
    const trimmed = part.trim();
    const match = new RegExp(`^(${IDENT})`).exec(trimmed);
    if (!match?.[1] || trimmed.slice(match[1].length).trimStart().startsWith('(')) return '(expr)';
    return normaliseIdentifier(match[1]);
  });
}

function listAfter(text: string, keyword: RegExp): string[] | undefined {
  const match = keyword.exec(text);
  if (!match) return undefined;
  const open = text.indexOf('(', match.index + match[0].length - 1);
  const inner = open === -1 ? undefined : parenthesised(text, open);
  return inner ? columnList(inner.body) : undefined;
}

/** One entry of a `CREATE TABLE` body or one `ADD …` clause of an `ALTER TABLE`. */
function readDefinition(table: string, definition: string, offset: number, keys: SqlKeys): void {
  const text = definition.trim();
  const lead = offset + definition.indexOf(text);
  // `CONSTRAINT fk_x`, and Medusa's `CONSTRAINT if not exists "FK_…"`.
  const withoutName = text.replace(new RegExp(`^CONSTRAINT\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?${IDENT}\\s+`, 'i'), '');
  if (/^FOREIGN\s+KEY\b/i.test(withoutName)) {
    const columns = listAfter(withoutName, /^FOREIGN\s+KEY\s*/i);
    if (columns) keys.foreignKeys.push({ table, columns, offset: lead });
    return;
  }
  if (/^PRIMARY\s+KEY\b/i.test(withoutName)) {
    const columns = listAfter(withoutName, /^PRIMARY\s+KEY\s*/i);
    if (columns) keys.indexes.push({ table, columns, partial: false });
    return;
  }
  if (/^(?:UNIQUE|(?:UNIQUE\s+)?(?:INDEX|KEY))\b/i.test(withoutName)) {
    const columns = listAfter(withoutName, /^(?:UNIQUE\s*(?:INDEX|KEY)?|INDEX|KEY)\s*(?:[A-Za-z_"`][\w$"`]*\s*)?/i);
    if (columns) keys.indexes.push({ table, columns, partial: false });
    return;
  }
  // A constraint the reader above did not make out is no column.
  if (/^(?:CHECK|EXCLUDE|LIKE|CONSTRAINT)\b/i.test(withoutName)) return;
  // A column: `customer_id integer NOT NULL REFERENCES customers (id)`.
  const column = new RegExp(`^(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?(${IDENT})`, 'i').exec(text);
  if (!column?.[1]) return;
  const name = normaliseIdentifier(column[1]);
  const rest = text.slice(column[0].length);
  if (/\bPRIMARY\s+KEY\b|\bUNIQUE\b/i.test(rest)) keys.indexes.push({ table, columns: [name], partial: false });
  if (/\bREFERENCES\b/i.test(rest)) keys.foreignKeys.push({ table, columns: [name], offset: lead });
}

/** Foreign keys and indexes in one piece of SQL text. */
export function sqlKeys(text: string): SqlKeys {
  const keys: SqlKeys = { foreignKeys: [], indexes: [] };
  const clean = text.replace(/--[^\n]*/g, (comment) => ' '.repeat(comment.length)).replace(/\/\*[\s\S]*?\*\//g, (comment) => ' '.repeat(comment.length));
  for (const match of clean.matchAll(CREATE_TABLE)) {
    const open = (match.index ?? 0) + match[0].length - 1;
    const inner = parenthesised(clean, open);
    if (!inner || !match[1]) continue;
    const table = normaliseIdentifier(match[1]);
    for (const { part, offset } of splitTopLevel(inner.body)) readDefinition(table, part, open + 1 + offset, keys);
  }
  for (const match of clean.matchAll(ALTER_TABLE)) {
    if (!match[1]) continue;
    const table = normaliseIdentifier(match[1]);
    const start = (match.index ?? 0) + match[0].length;
    const end = clean.indexOf(';', start);
    const statement = clean.slice(start, end === -1 ? undefined : end);
    for (const { part, offset } of splitTopLevel(statement)) {
      const add = /^\s*ADD\s+/i.exec(part);
      if (add) readDefinition(table, part.slice(add[0].length), start + offset + add[0].length, keys);
    }
  }
  for (const match of clean.matchAll(CREATE_INDEX)) {
    const open = (match.index ?? 0) + match[0].length - 1;
    const inner = parenthesised(clean, open);
    if (!inner || !match[1]) continue;
    const after = clean.slice(inner.end + 1, clean.indexOf(';', inner.end) === -1 ? undefined : clean.indexOf(';', inner.end));
    const partial = /^\s*(?:INCLUDE\s*\([^)]*\)\s*)?(?:WITH\s*\([^)]*\)\s*)?(?:TABLESPACE\s+\S+\s*)?WHERE\b/i.test(after);
    keys.indexes.push({ table: normaliseIdentifier(match[1]), columns: columnList(inner.body), partial });
  }
  return keys;
}

/** Cheap test before reading: text that may declare keys or indexes. */
export function mayDeclareKeys(text: string): boolean {
  return /\b(?:REFERENCES|FOREIGN\s+KEY|INDEX|UNIQUE|PRIMARY\s+KEY)\b/i.test(text);
}
