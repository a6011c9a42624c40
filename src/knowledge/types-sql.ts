/**
 * The raw-SQL part of a library's knowledge (no-interpolated-sql): where SQL text is run, which
 * tagged templates and helpers are safe by construction, and which escape a value.
 */
import type { CalleeSpec } from './types';

/** How the library writes a bound parameter in SQL text. */
export type PlaceholderStyle = 'dollar' | 'question';

/**
 * How the parameterised rewrite passes the values, when it is mechanical.
 * `placeholder: 'option'` takes the style from the rule's `placeholder` option (TypeORM: it
 * depends on the driver).
 */
export type RewriteSpec =
  /** `pool.query(text, [a, b])` */
  | { readonly style: 'values-argument'; readonly placeholder: PlaceholderStyle | 'option'; readonly argument: number }
  /** `sequelize.query(text, { replacements: [a, b] })` */
  | { readonly style: 'options-property'; readonly placeholder: PlaceholderStyle; readonly argument: number; readonly property: string }
  /** `prisma.$queryRawUnsafe(`…${x}`)` → `prisma.$queryRaw`…${x}`` (the tag binds every hole) */
  | { readonly style: 'tagged-method'; readonly method: string }
  /** `db.prepare(`…${x}`).get()` → `db.prepare('… ?').get(x)`: values go to the statement call */
  | { readonly style: 'statement-call'; readonly placeholder: PlaceholderStyle; readonly methods: readonly string[] };

export interface SinkSpec {
  readonly callee: CalleeSpec;
  /** Which argument is the SQL text. */
  readonly sqlArgument: number;
  /**
   * `query`: runs a statement or a clause fragment; reported when outside data is spliced into
   * its text. `raw`: exists to bypass parameters (`Prisma.raw`, `sql.raw`, `Sequelize.literal`):
   * any argument carrying outside data is reported, spliced or passed whole.
   */
  readonly kind: 'query' | 'raw';
  /** The library's safe form, for the message: "pass values as `pool.query(text, values)` with `$1` placeholders". */
  readonly safeForm: string;
  readonly rewrite?: RewriteSpec;
  /**
   * Tier 3, when the receiver cannot be tied to a library: `name` — the method name alone is
   * distinctive (`whereRaw`, `$queryRawUnsafe`); `sql-text` — only when the argument's constant
   * text reads as SQL (`query`, `execute`).
   */
  readonly byShape?: 'name' | 'sql-text';
  /** postgres.js `sql.unsafe`: a query API alone, a raw fragment inside a `sql` template. */
  readonly rawInsideTemplate?: boolean;
  /** A clause fragment, not a statement: the SQL keyword that precedes the text, per method (`orderByRaw` → `ORDER BY`). */
  readonly clause?: string | Readonly<Record<string, string>>;
}

/** A tagged template that binds every hole as a parameter: `Prisma.sql`, drizzle's `sql`, a postgres.js instance. */
export type TagSpec = CalleeSpec | { readonly instanceOf: string };

export interface EscapeSpec {
  readonly callee: CalleeSpec;
  /** pg-format: `format('%s', x)` splices x raw; `%I`/`%L` escape. The result is unsafe when the format text contains this. */
  readonly unsafeIfFormatContains?: string;
}

export interface SqlKnowledge {
  readonly sinks?: readonly SinkSpec[];
  readonly safeTags?: readonly TagSpec[];
  /** Calls whose result is a safe, parameterised or escaped piece of SQL (`Prisma.join`, `sql.identifier`, `knex.ref`). */
  readonly safeCalls?: readonly CalleeSpec[];
  readonly escapes?: readonly EscapeSpec[];
}
