/**
 * Migration names: strip the tool's timestamp or sequence scheme, split what is left into words,
 * and judge whether they say what the migration does. Shared by no-generic-migration-name (file,
 * class and `name` field of JS/TS migrations) and the CLI (SQL migrations, out-of-order checks).
 */
import { migrationConventions } from '../../knowledge/migrations';
import { genericSchemes } from '../../knowledge/migrations/schemes';
import type { GeneratedNameSpec, MigrationToolKnowledge, NameSchemeSpec } from '../../knowledge/types-migrations';

export interface ParsedName {
  /** The name as given (file base name, folder name, class name or `name` field). */
  readonly base: string;
  /** The scheme that matched, if any. */
  readonly scheme: NameSchemeSpec | undefined;
  /** The part that carries order (`1700000000000`), if any. */
  readonly order: string | undefined;
  /** The part that carries meaning (`AddOrders`), possibly empty. */
  readonly meaning: string;
  /** `meaning` split into lowercase words. */
  readonly words: readonly string[];
}

const compiled = new Map<string, RegExp>();
function regex(source: string, flags = ''): RegExp {
  const key = `${flags}/${source}`;
  let value = compiled.get(key);
  if (!value) {
    value = new RegExp(source, flags);
    compiled.set(key, value);
  }
  return value;
}

/** Splits `AddOrdersTable`, `add_orders-table`, `addHTTPLogs.v2` into lowercase words. */
export function splitWords(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9\u0080-\uffff]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

/**
 * Reads a name with the first scheme that matches it: the tool's own schemes, then the generic
 * ones. A name no scheme matches is all meaning.
 */
export function parseName(base: string, schemes: readonly NameSchemeSpec[] = []): ParsedName {
  for (const scheme of [...schemes, ...genericSchemes]) {
    const match = regex(scheme.pattern).exec(base);
    if (!match) continue;
    const meaning = (match.groups?.name ?? '').replace(/^[-_.\s]+|[-_.\s]+$/g, '');
    return { base, scheme, order: match.groups?.order, meaning, words: splitWords(meaning) };
  }
  return { base, scheme: undefined, order: undefined, meaning: base, words: splitWords(base) };
}

/** The extensions a migration's base name loses: `.ts`, `.d.ts` never reaches here, `.up.sql`, `-down.sql`. */
export function baseNameOf(fileName: string, tool?: MigrationToolKnowledge): string {
  const name = fileName.replace(/^.*[\\/]/, '');
  let base = name.replace(/\.[^.]+$/, '');
  const sql = tool?.sql;
  if (sql?.layout === 'pair') {
    for (const suffix of [sql.upSuffix, sql.downSuffix]) {
      if (suffix && base.endsWith(suffix)) base = base.slice(0, -suffix.length);
    }
  }
  return base;
}

export interface NameOptions {
  /** Words that count as generic besides the built-in ones. */
  readonly genericWords?: readonly string[];
  /** Words that always count as meaningful (they win over the generic lists). */
  readonly allowWords?: readonly string[];
  /** Patterns (case-insensitive, on the meaningful part): a match is accepted. */
  readonly allow?: readonly string[];
  /** Patterns (case-insensitive, on the meaningful part): a match is reported. */
  readonly deny?: readonly string[];
  /** Accept names a tool made up (MikroORM's `Migration20240101120000`, drizzle-kit's `0000_swift_blackbird`, app versions). */
  readonly acceptGeneratedNames?: boolean;
}

export type NameVerdict =
  | { readonly kind: 'ok' }
  /** Nothing is left once the timestamp or sequence is stripped. */
  | { readonly kind: 'empty' }
  /** Every word is generic (or a verb or filler). */
  | { readonly kind: 'generic' }
  /** A tool made the name up, or it is only a version. */
  | { readonly kind: 'generated'; readonly description: string; readonly hint: string }
  | { readonly kind: 'denied'; readonly pattern: string };

const versionGenerated: GeneratedNameSpec = {
  pattern: migrationConventions.versionName,
  description: 'only an application version',
  hint: 'A version says when the migration shipped, not what it changes.',
};

const builtInGeneric = new Set([...migrationConventions.genericWords, ...migrationConventions.weakWords]);
const builtInMeaningful = new Set(migrationConventions.meaningfulWords);

/** Words of a migration's text: the ones a made-up name would not share. */
export function contentWords(content: string): Set<string> {
  return new Set(splitWords(content));
}

/**
 * Judges a parsed name. `content` (the migration's text) is needed only for made-up names that are
 * told from real ones by sharing no word with the content (drizzle-kit).
 */
export function judgeName(parsed: ParsedName, options: NameOptions = {}, tool?: MigrationToolKnowledge, content?: string): NameVerdict {
  const meaning = parsed.meaning;
  for (const pattern of options.deny ?? []) {
    if (regex(pattern, 'i').test(meaning)) return { kind: 'denied', pattern };
  }
  for (const pattern of options.allow ?? []) {
    if (regex(pattern, 'i').test(meaning)) return { kind: 'ok' };
  }
  const generated = generatedBy(parsed, tool, content);
  if (generated) return options.acceptGeneratedNames ? { kind: 'ok' } : { kind: 'generated', description: generated.description, hint: generated.hint };
  if (parsed.words.length === 0) return { kind: 'empty' };
  const allowWords = new Set([...builtInMeaningful, ...(options.allowWords ?? []).map((word) => word.toLowerCase())]);
  const extraGeneric = new Set((options.genericWords ?? []).map((word) => word.toLowerCase()));
  const meaningful = parsed.words.some(
    (word) => allowWords.has(word) || !(builtInGeneric.has(word) || extraGeneric.has(word) || /^v?\d+$/.test(word)),
  );
  return meaningful ? { kind: 'ok' } : { kind: 'generic' };
}

function generatedBy(parsed: ParsedName, tool: MigrationToolKnowledge | undefined, content: string | undefined): GeneratedNameSpec | undefined {
  for (const spec of tool?.generatedNames ?? []) {
    if (!regex(spec.pattern).test(parsed.base)) continue;
    if (spec.unlessWordsInContent) {
      if (content === undefined) continue;
      const words = contentWords(content);
      if (parsed.words.some((word) => words.has(word))) continue;
    }
    return spec;
  }
  if (parsed.meaning && regex(versionGenerated.pattern).test(parsed.meaning)) return versionGenerated;
  // The whole name is a version (`2.5.118`): the generic schemes read its first number as a sequence.
  if (regex(versionGenerated.pattern).test(parsed.base) && /\./.test(parsed.base)) return versionGenerated;
  return undefined;
}

/** Writes `add_{table}_table` in the style of the name it replaces: `AddOrdersTable`, `add-orders-table`, `add_orders_table`. */
export function styleLike(words: readonly string[], example: string): string {
  const parts = words.filter(Boolean);
  if (/_/.test(example)) return parts.join('_');
  if (/-/.test(example)) return parts.join('-');
  if (/^[A-Z][a-z]/.test(example) || /^[A-Z][A-Z0-9]*$/.test(example)) return parts.map(capitalise).join('');
  if (/^[a-z]+[A-Z]/.test(example)) return parts.map((part, i) => (i === 0 ? part : capitalise(part))).join('');
  return parts.join('_');
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * Compares the order parts of two names of one scheme family: negative when `a` sorts first.
 * `undefined` when they cannot be compared (different kinds, or no order).
 */
export function compareOrder(a: ParsedName, b: ParsedName): number | undefined {
  const kindA = a.scheme?.orderKind;
  const kindB = b.scheme?.orderKind;
  if (!kindA || !kindB || kindA === 'none' || kindB === 'none' || a.order === undefined || b.order === undefined) return undefined;
  if (kindA !== kindB) return undefined;
  if (kindA === 'version') {
    const partsA = a.order.split(/[._]/).map(Number);
    const partsB = b.order.split(/[._]/).map(Number);
    for (let i = 0; i < Math.max(partsA.length, partsB.length); i++) {
      const difference = (partsA[i] ?? 0) - (partsB[i] ?? 0);
      if (difference !== 0) return difference;
    }
    return 0;
  }
  const digitsA = digitsFor(kindA, a.order);
  const digitsB = digitsFor(kindB, b.order);
  return digitsA < digitsB ? -1 : digitsA > digitsB ? 1 : 0;
}

/** Digits padded to compare as numbers: date-times to 17 digits (`yyyyMMddHHmmssSSS`), others to 20. */
function digitsFor(kind: NameSchemeSpec['orderKind'], order: string): bigint {
  if (kind === 'datetime') {
    const parts = order.match(/\d+/g) ?? [];
    // `2024_1_5_9_3_7` → 20240105090307: pad every part after the year to two digits.
    const joined = parts.length > 1 ? parts[0]! + parts.slice(1).map((part, i) => (i === parts.length - 2 && part.length === 3 ? part : part.padStart(2, '0'))).join('') : (parts[0] ?? '0');
    return BigInt(joined.padEnd(17, '0').slice(0, 17));
  }
  return BigInt(order.replace(/\D/g, '') || '0');
}
