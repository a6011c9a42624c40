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

export interface ConnectionKnowledge {
  readonly acquire?: readonly ConnectionAcquireSpec[];
}
