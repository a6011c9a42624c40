/**
 * The connection part of a library's knowledge: how a connection is checked out of a pool and
 * how it goes back, so that `src/analysis/connections/` can tell whether every path gives it
 * back (require-connection-release). Plain data, read by the engine only.
 */
import type { CalleeSpec, Names } from './types';

/** How a checked-out connection goes back to its pool. */
export interface ConnectionReleaseSpec {
  /** Methods of the connection itself: `client.release()`, `sco.done()`. */
  readonly methods?: Names;
  /** Methods that take the connection as their first argument: `knex.client.releaseConnection(conn)`. */
  readonly takingConnection?: Names;
}

/** The callback form of an acquisition: `pool.connect((err, client, done) => …)`. The callback is the last function argument. */
export interface ConnectionCallbackSpec {
  /** Which parameter of the callback is the connection. */
  readonly connection: number;
  /** Which parameter is a function that releases it (pg's `done`), if any. */
  readonly releaseParameter?: number;
  /** Which parameter is the error: inside `if (err)` no connection is held. */
  readonly error?: number;
}

/** One way to check a connection out of a pool. */
export interface ConnectionAcquireSpec {
  /** The call that checks the connection out: `{ instanceOf: 'Pool', method: 'connect' }`. */
  readonly acquire: CalleeSpec;
  readonly release: ConnectionReleaseSpec;
  readonly callback?: ConnectionCallbackSpec;
  /**
   * The classes or interfaces that declare the acquiring method, for the typed tier: the library
   * declares a `connect()` on its clients too (`new Client().connect()` opens a connection, it
   * does not borrow one).
   */
  readonly declaredIn: Names;
  /**
   * When a receiver that cannot be tied to the library (the pool came from the user's `./db`) still
   * counts (tier 3, by shape): `'name'` when the method's name says it all (`createQueryRunner`),
   * `'released'` when the code must also call a release method on the result somewhere in the
   * function (then only the paths that skip it are in question). Omitted: never by shape.
   */
  readonly byShape?: 'name' | 'released';
  /** What giving it back looks like, for the message: `client.release()`. */
  readonly releaseText: string;
}

/** A call that makes a client or a pool of its own: what no-client-per-request wants made once per process. */
export interface ClientFactorySpec {
  /**
   * The export called or constructed (`PrismaClient`, `Pool`; `default` for a callable module:
   * `knex({…})`), or an object another factory made, called (`pgp(url)` on pg-promise's `IMain`).
   */
  readonly callee: { readonly export: Names; readonly via: 'new' | 'call' } | { readonly instanceOf: Names; readonly via: 'call' };
  /** The name the library's declarations give it, for the typed tier, when the export is `default`. */
  readonly declaredAs?: Names;
  /** What it makes, for the message: `a node-postgres pool`. */
  readonly what: string;
  /** Methods that open it, when making it alone does not connect (`new Client()` … `client.connect()`): only then does it count. */
  readonly opensWith?: Names;
  /**
   * It wraps a client it is given unless argument `argument` is a connection string (a literal, a
   * template or `process.env.…`) or an object with one of `keys`: `drizzle(pool)` shares,
   * `drizzle(process.env.DATABASE_URL)` makes its own.
   */
  readonly ownClientWhen?: { readonly argument: number; readonly keys?: readonly string[] };
  /** Also by name alone, when the callee is not tied to any library (Prisma's generated client in `./generated/prisma`). */
  readonly byShape?: boolean;
  /** How to make it once and share it, for the message. */
  readonly share: string;
}

/** Where a pool's size is set when it is made: require-pool-size wants it said, not left to the default. */
export interface PoolSizeSpec {
  /** The call that makes the pool (the same shapes as `ClientFactorySpec.callee`). */
  readonly callee: ClientFactorySpec['callee'];
  /** The options argument: an index, or `'last'` (`new Sequelize(url, options)`, `postgres(url, options)`). */
  readonly options: number | 'last';
  /** Property paths inside the options that set the size; any one will do (`[['pool', 'max']]`). */
  readonly sizePaths: readonly (readonly string[])[];
  /** A connection-string parameter that sets the size (`connection_limit`, `connectionLimit`), and where the string may be. */
  readonly urlParameter?: { readonly name: string; readonly paths: readonly (readonly string[])[] };
  /** When the size lives only in the connection string (Prisma): silent unless that string is a literal. */
  readonly onlyInUrl?: boolean;
  /** Option values that mean there is no pool to size (SQLite): `{ key: 'dialect', values: ['sqlite'] }`. */
  readonly noPoolWhen?: { readonly key: string; readonly values: readonly string[] };
  /** The library's default, for the message: `10`. */
  readonly defaultSize: string;
  /** What setting it looks like, for the message: `` `new Pool({ max: 20 })` ``. */
  readonly example: string;
}

export interface ConnectionKnowledge {
  readonly acquire?: readonly ConnectionAcquireSpec[];
  readonly clients?: readonly ClientFactorySpec[];
  readonly poolSize?: readonly PoolSizeSpec[];
}
