/**
 * The schema of what we know about database libraries. Knowledge files are plain data
 * (`export default {…} satisfies LibraryKnowledge`): engines in `src/analysis/` read them,
 * rules never name a library themselves.
 *
 * Export names are dotted paths inside the module: `DataSource`, `Prisma.raw`,
 * `defineEntity.properties`. `default` is the module object itself (`import knex from 'knex'`,
 * `require('knex')`), the way CommonJS modules are usually consumed.
 *
 * Each concern's part of the schema lives in its own file beside this one (`types-sql.ts`,
 * `types-transactions.ts`); `LibraryKnowledge` below ties them together.
 */
import type { SchemaKnowledge } from './types-schema';
import type { ConnectionKnowledge } from './types-connections';
import type { SqlKnowledge } from './types-sql';
import type { TransactionWorkSpec } from './types-transaction-work';
import type { TransactionSpec } from './types-transactions';
import type { WriteSpec } from './types-writes';

/** One name, or several that mean the same to the rule (`['Pool', 'Client']`, `['where', 'andWhere']`). */
export type Names = string | readonly string[];

/** How code can refer to the thing a call is made on. */
export type CalleeSpec =
  /** An export called directly: a decorator `@ManyToOne()`, a function `defineEntity()`, a class `new EntitySchema()`. */
  | { readonly export: Names }
  /** A method on an object that a factory of this library created (`sequelize.define`). */
  | { readonly instanceOf: Names; readonly method: Names }
  /** A static method on a user class that extends an exported class (`class User extends Model` … `User.init`). */
  | { readonly subclassOf: Names; readonly method: Names };

/**
 * A place inside a call's arguments: which argument, and which property path inside it
 * (`'*'` matches any key). A function that returns an object literal is looked through,
 * so `@DefaultScope(() => ({ include }))` is argument 0 with the empty path.
 */
export interface ArgumentSiteSpec {
  readonly callee: CalleeSpec;
  /** Argument index, or `'any'` when the position varies (TypeORM's options come 1st, 2nd or 3rd). */
  readonly argument: number | 'any';
  readonly path: readonly string[];
  /** Only when another argument is this string literal (`addScope('defaultScope', …)`). */
  readonly whenArgument?: { readonly index: number; readonly equals: string };
  /**
   * Also match a method call on a receiver that cannot be tied to any library (tier 3, by shape).
   * Only for sites whose shape is distinctive enough on its own (a `defaultScope` option, say).
   */
  readonly byShape?: boolean;
}

/**
 * How a library's objects are made, so the import engine can follow them:
 * `new DataSource()`, `knex()`, `pool.connect()`, `dataSource.manager`, `knex('users')`,
 * `User.query()`, and handles passed to callbacks (`knex.transaction(async (trx) => …)`).
 */
export type FactorySpec =
  /** An export, called or constructed. */
  | { readonly export: string; readonly via: 'new' | 'call'; readonly creates: string }
  /** A method on an object of this library (`pool.connect()`, `ds.createQueryRunner()`). */
  | { readonly instanceOf: Names; readonly method: Names; readonly creates: string; readonly callbackParameter?: never }
  /** A property of such an object (`dataSource.manager`). */
  | { readonly instanceOf: Names; readonly property: string; readonly creates: string }
  /** Such an object called as a function (`knex('users')`, `pgp(connection)`). */
  | { readonly instanceOf: Names; readonly via: 'call'; readonly creates: string }
  /** A static method on a user class extending an export (`User.query()`). */
  | { readonly subclassOf: string; readonly method: Names; readonly creates: string }
  /** A static property of such a class (`User.sequelize`). */
  | { readonly subclassOf: string; readonly property: string; readonly creates: string }
  /**
   * A callback's parameter: `knex.transaction(async (trx) => …)` hands the callback a `Knex`.
   * The callback is the last function argument; `callbackParameter` is the parameter's index.
   */
  | {
      readonly instanceOf: Names;
      readonly method: Names;
      readonly callbackParameter: number;
      readonly creates: string;
    };

/** Model-level loading that forces a join on every query. */
export interface EagerLoadingSpec {
  /** Where `eager: true` is a relation option. */
  readonly eagerOption?: readonly ArgumentSiteSpec[];
  /**
   * Property builders whose `.eager()` / `.eager(true)` makes a relation eager
   * (`p.manyToOne(Author).eager()`). `roots` are the exports a builder chain starts from;
   * `builderParameterOf` names sites whose function parameter is such a builder
   * (`defineEntity({ properties: (p) => ({…}) })`).
   */
  readonly eagerBuilder?: {
    readonly method: string;
    readonly roots: readonly string[];
    readonly builderParameterOf?: readonly ArgumentSiteSpec[];
  };
  /** Where a default scope is declared: a non-empty `include` there joins on every query. */
  readonly defaultScope?: readonly ArgumentSiteSpec[];
  /** The key inside a default scope that names associations to join. */
  readonly includeKey?: string;
  /**
   * What per-query loading looks like in this ORM, for the message. `{{relation}}` and
   * `{{model}}` are filled in; `{{model}}` falls back to `modelPlaceholder` when the model's name
   * cannot be read from the code.
   */
  readonly perQueryAdvice: string;
  readonly modelPlaceholder?: string;
  /** Anything else the cost section of the message should say (TypeORM: QueryBuilder ignores it). */
  readonly caveat?: string;
}

export interface LibraryKnowledge {
  /** Stable id, used in options and docs: `typeorm`, `mikro-orm`. */
  readonly id: string;
  /** How people write its name. */
  readonly name: string;
  /** Module specifiers it is imported from. */
  readonly modules: readonly string[];
  /** npm packages whose declaration files identify it in typed mode. */
  readonly packages: readonly string[];
  readonly docs: string;
  readonly factories?: readonly FactorySpec[];
  /** Object kinds whose every method returns the same kind (query builders: `qb.where().andWhere()`). */
  readonly fluent?: readonly string[];
  /**
   * Exported classes whose instances are recognised from a type annotation
   * (`constructor(private ds: DataSource)`), mapped to the kind of object they are.
   */
  readonly instanceTypes?: Readonly<Record<string, string>>;
  /** Export paths that name the same object as another export (`Sequelize.Model` is `Model`). */
  readonly aliases?: Readonly<Record<string, string>>;
  readonly eagerLoading?: EagerLoadingSpec;
  /** Raw-SQL sinks, safe tags and escaping helpers (no-interpolated-sql). */
  readonly sql?: SqlKnowledge;
  /** Transaction scopes: callback APIs and manual regions (no-io-in-transaction and friends). */
  readonly transactions?: readonly TransactionSpec[];
  /** Schema changes made by application code, and how the library does them by migration instead (no-schema-sync). */
  readonly schema?: SchemaKnowledge;
  /** Pooled connections: how one is checked out and given back (require-connection-release). */
  readonly connections?: ConnectionKnowledge;
  /** How work joins an open transaction: through the handle, a builder method or an options argument (no-outer-client-in-transaction). */
  readonly transactionWork?: TransactionWorkSpec;
  /**
   * Active record: models are classes that extend one of the library's bases (`BaseEntity`, `Model`) and carry
   * static data methods; `finders` are the static methods that return one instance of the model (`findByPk`).
   * Read by the soft-delete engine (a row's `remove()`) and the module engine (`await Order.findByPk(id)` is an Order).
   */
  readonly activeRecord?: { readonly bases: readonly string[]; readonly finders: readonly string[] };
  /** What writes (require-multi-write-transaction). */
  readonly writes?: WriteSpec;
}
