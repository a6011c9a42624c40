/**
 * The schema of what we know about migration tools: where their migrations live, how their file
 * names carry order, what a migration file looks like, and what they do when `down` is left out.
 * One plain-data file per tool in `src/knowledge/migrations/` (`export default {…} satisfies
 * MigrationToolKnowledge`), registered in `src/knowledge/migrations/index.ts`; the engines in
 * `src/analysis/migration*.ts` read them, the rules and the CLI never name a tool themselves.
 *
 * Patterns are regular-expression sources (strings), never functions: the engines compile them
 * once, at load.
 */

/**
 * A naming scheme: the part of a migration's name that carries order (a timestamp, a sequence,
 * a version) and the part that carries meaning.
 */
export interface NameSchemeSpec {
  /**
   * Stable id. Two migrations of one folder are compared in order only when their schemes have
   * the same `orderKind` (a 13-digit epoch and a 14-digit date-time do not compare digit by digit).
   */
  readonly id: string;
  /**
   * Tested against the whole base name (file name without its extensions, or a class name).
   * Named groups: `order` (the sortable part, optional) and `name` (the descriptive part).
   */
  readonly pattern: string;
  /**
   * How `order` values sort: `epoch-ms`, `epoch-s`, `datetime` (digits of a calendar date and time,
   * compared after padding to 17 digits), `sequence` (an integer), `version` (dotted numbers, compared
   * part by part), or `none` (names that carry no order: Flyway's repeatable `R__`).
   */
  readonly orderKind: 'epoch-ms' | 'epoch-s' | 'datetime' | 'sequence' | 'version' | 'none';
  /** Migrations named this way are re-run whenever they change (Flyway `R__`): editing them is the workflow. */
  readonly repeatable?: boolean;
  /** What such a name looks like, for docs and messages. */
  readonly example: string;
}

/** A name that a tool makes up when it is given none: it tells the reader nothing. */
export interface GeneratedNameSpec {
  /** Tested against the whole base name (file or class name). */
  readonly pattern: string;
  /** What made it, for the message: "MikroORM's default name (`Migration` + a timestamp)". */
  readonly description: string;
  /** How to get a real name from the tool. */
  readonly hint: string;
  /**
   * Only when no word of the name occurs in the migration's text: a made-up name (drizzle-kit's
   * `swift_blackbird`) never names what its SQL touches, a real one (`add_orders`) usually does.
   */
  readonly unlessWordsInContent?: boolean;
}

/** An operation a tool undoes by itself when `down` is left out (node-pg-migrate's reverse mode). */
export interface ReversibleOperationSpec {
  readonly method: string;
  /** Arguments that must be given and not `null` for the reversal to work (`addConstraint`'s name). */
  readonly requiredArguments?: readonly number[];
  /** Arguments that must not be a string (`addConstraint` cannot reverse a raw SQL expression). */
  readonly nonStringArguments?: readonly number[];
}

/** JavaScript/TypeScript migration files: how `up` and `down` are declared. */
export interface ScriptMigrationSpec {
  /**
   * `exports`: `export (async) function up`, `export const up`, `exports.up =`, `module.exports = { up, down }`,
   * `export default { up, down }`; `class`: a class with `up`/`down` methods.
   */
  readonly shapes: readonly ('exports' | 'class')[];
  /** For class shapes: the interface it implements or the base class it extends, and the field that names it. */
  readonly class?: {
    readonly implements?: readonly string[];
    readonly extends?: readonly string[];
    /** A class field that carries the migration's name (`name = 'AddOrders1700000000000'`). */
    readonly nameField?: string;
  };
  /** Modules whose import, `require` or JSDoc `import('…')` marks a file as this tool's. */
  readonly modules: readonly string[];
  /** The names the first parameter of `up` usually has (`pgm`, `queryRunner`): a weaker sign of the tool. */
  readonly upParameters?: readonly string[];
  /** `up`/`down` receive a completion callback as their last parameter (db-migrate's `(db, callback)`). */
  readonly callback?: boolean;
  /**
   * What happens when `down` is left out: nothing can roll it back (`no-rollback`), the tool replays
   * `up` in reverse (`reverses-up`, node-pg-migrate), or the base class's `down` throws
   * (`base-class-throws`, MikroORM: "This migration cannot be reverted").
   */
  readonly omittedDown: 'no-rollback' | 'reverses-up' | 'base-class-throws';
  /** `exports.down = false` declares the migration irreversible (node-pg-migrate). */
  readonly falseDown?: boolean;
  /** For `reverses-up`: the operations of `up`'s first parameter the tool can reverse, from its source. */
  readonly reversibleOperations?: readonly ReversibleOperationSpec[];
  /** Methods of that parameter that are not operations and need no reversal (`noTransaction`, `func`). */
  readonly neutralMethods?: readonly string[];
}

/** SQL-file migrations: only the CLI sees them (ESLint has no SQL parser). */
export interface SqlMigrationSpec {
  /**
   * `file`: one `.sql` file per migration; `folder`: a folder per migration holding `folderFile`
   * (Prisma's `…/migration.sql`); `pair`: an up file and a down file (`.up.sql`/`.down.sql`);
   * `sections`: one file with up and down sections (node-pg-migrate's `-- Up Migration`).
   */
  readonly layout: 'file' | 'folder' | 'pair' | 'sections';
  readonly folderFile?: string;
  /** For `pair`: the suffixes (before the extension is dropped) of the up and down files. */
  readonly upSuffix?: string;
  readonly downSuffix?: string;
  /** For `sections`: patterns (multiline) of the comment lines that open the up and the down section. */
  readonly sections?: { readonly up: string; readonly down: string };
  /**
   * A file whose presence identifies the tool's migrations folder wherever it is, relative to that
   * folder (drizzle-kit's `meta/_journal.json`; for the `folder` layout, relative to the folder of the
   * migration folders: Prisma's `migration_lock.toml`).
   */
  readonly marker?: string;
  /** The folder the SQL files live in, inside the migrations folder (db-migrate's `sqls`). */
  readonly subfolder?: string;
  /** A pattern the file name (with extension) must match to belong to this tool (Flyway's `V1__x.sql`). */
  readonly fileName?: string;
  /** Whether the tool has down migrations: if so, a missing or empty down is reported by `verify`. */
  readonly hasDown: boolean;
}

export interface MigrationToolKnowledge {
  /** Stable id, used in options, manifests and docs: `typeorm`, `node-pg-migrate`. */
  readonly id: string;
  readonly name: string;
  readonly docs: string;
  /** The id of the database library in `src/knowledge` this tool belongs to, if any (`docs.libraries`). */
  readonly library?: string;
  /** Folder globs where the tool keeps its migrations by default, relative to the project root. */
  readonly folders: readonly string[];
  /** File extensions of its migrations, with the dot. */
  readonly extensions: readonly string[];
  /** Its file-name schemes, most specific first. */
  readonly names: readonly NameSchemeSpec[];
  /** Class-name schemes (TypeORM's `AddOrders1700000000000`). */
  readonly classNames?: readonly NameSchemeSpec[];
  readonly generatedNames?: readonly GeneratedNameSpec[];
  readonly script?: ScriptMigrationSpec;
  readonly sql?: SqlMigrationSpec;
}

/** An operation of `up`, recognised to say what `down` must undo and to propose a name. */
export interface OperationSpec {
  /** A builder method (`createTable`), matched by name on any receiver inside `up`. */
  readonly method?: string;
  /** Or a SQL statement pattern (case-insensitive) with the named groups `table`, `column`, `index`, `to`. */
  readonly sql?: string;
  /** For methods: where the table, column, index and new name are among the arguments. */
  readonly arguments?: { readonly table?: number; readonly column?: number; readonly index?: number; readonly to?: number };
  /** What `down` must do to undo it: `drop table {table}`. */
  readonly undo: string;
  /** A descriptive migration name for a migration that does only this: `add_{table}_table`. */
  readonly name?: string;
  /**
   * The operation destroys data (a dropped table or column, deleted rows): a `down` that throws after
   * it needs no written reason, the loss is evident from `up` itself.
   */
  readonly losesData?: true;
}

/** Conventions that hold for every tool: defaults of the rules' options, and the words they judge names by. */
export interface MigrationConventions {
  /** Default migration folder globs (the list; tools add their own). */
  readonly folders: readonly string[];
  /** Words that say nothing about what a migration does. */
  readonly genericWords: readonly string[];
  /** Verbs and fillers: meaningful only beside a word that names something (`add` + `orders`). */
  readonly weakWords: readonly string[];
  /** Words that make a name acceptable even beside generic ones (`initial-schema`). */
  readonly meaningfulWords: readonly string[];
  /** A name that is only an application version (`2.5.118`, `v3.1`). */
  readonly versionName: string;
  /** The default marker (pattern, case-insensitive) of a comment that declares a migration irreversible. */
  readonly irreversibleMarker: string;
  /** Phrases that say a migration is irreversible without saying why (removed before looking for a reason). */
  readonly vagueReasons: readonly string[];
  /** Words that carry no reason on their own (`the`, `this`, `migration`). */
  readonly reasonStopWords: readonly string[];
  /** How many other words a comment or error message needs to count as saying why. */
  readonly reasonMinWords: number;
  /** Patterns that count as a reason on their own: a link, a ticket id. */
  readonly reasonReferences: readonly string[];
  /** Calls that do nothing to the database: `console.log`, `Promise.resolve`. */
  readonly noOpCalls: readonly string[];
  /** Methods whose first argument is SQL text: a blank one runs nothing. */
  readonly sqlMethods: readonly string[];
  /** Builder methods that change nothing when their builder callback is empty (`knex.schema.table('t', () => {})`). */
  readonly emptyBuilderMethods: readonly string[];
  /** Base names of files in a migrations folder that are never migrations (`index`, `helpers`). */
  readonly nonMigrationFiles: readonly string[];
  readonly operations: readonly OperationSpec[];
}
