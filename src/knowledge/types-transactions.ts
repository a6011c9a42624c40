/**
 * The transaction part of a library's knowledge: where a transaction starts and ends, so that
 * `src/analysis/transactions.ts` can tell which code runs while it is open. Three shapes, all
 * plain data:
 *
 *  - `callback`: the library opens the transaction, runs a callback in it and commits when the
 *    callback's promise settles: `prisma.$transaction(async (tx) => …)`, `knex.transaction(…)`.
 *  - `region`: the code opens and ends it by hand in one function:
 *    `await queryRunner.startTransaction()` … `await queryRunner.commitTransaction()`.
 *  - `statements`: `BEGIN` … `COMMIT` / `ROLLBACK` sent as SQL text through a client's `query`.
 */
import type { CalleeSpec } from './types';

/** A fluent builder between the callee and the call that takes the callback: Kysely's `db.transaction().setIsolationLevel('serializable').execute(cb)`. */
export interface TransactionChainSpec {
  /** Builder methods that may come between the callee and `method`, in any order and number. */
  readonly through: readonly string[];
  /** The method that runs the transaction (`execute`). */
  readonly method: string;
}

export interface TransactionCallbackSpec {
  readonly kind: 'callback';
  /** The call that opens the transaction. */
  readonly callee: CalleeSpec;
  /**
   * Which argument is the callback: an index, or `'any'` when options, an isolation level or
   * model classes may come first (the first argument that is a function is the callback).
   */
  readonly callback: number | 'any';
  /** Which parameter of the callback is the transaction handle (Objection passes bound models first, the handle last). */
  readonly handle?: number | 'last';
  readonly chain?: TransactionChainSpec;
  /** Methods (on the handle, usually) whose own callback runs only after commit: Sequelize's `t.afterCommit(() => …)`. */
  readonly afterCommit?: readonly string[];
  /**
   * Also match the method on a receiver that cannot be tied to the library (tier 3, by shape):
   * the client came from the user's `./db`. Only for names that say "transaction" on their own.
   */
  readonly byShape?: boolean;
}

export interface TransactionRegionSpec {
  readonly kind: 'region';
  /** The call that opens the transaction. A method that doubles as the callback API only counts when it gets no function argument. */
  readonly start: CalleeSpec;
  readonly chain?: TransactionChainSpec;
  /**
   * Where the handle that later ends the transaction is: the receiver of the start call
   * (`queryRunner.startTransaction()` … `queryRunner.commitTransaction()`) or its result
   * (`const trx = await knex.transaction()` … `trx.commit()`).
   */
  readonly handle: 'receiver' | 'result';
  /** Methods of the handle that end the transaction. */
  readonly end: readonly string[];
  /** Also match on a receiver that cannot be tied to the library; the region then needs an end call in the same function. */
  readonly byShape?: boolean;
  /** Which of `end` roll back (the others commit): require-transaction-end wants both on their paths. */
  readonly rollback: readonly string[];
  /** Methods of the handle that give its connection back, required in a `finally` (TypeORM's `queryRunner.release()`). */
  readonly release?: readonly string[];
  /** The library's managed form, which ends the transaction itself, for messages. */
  readonly managed: string;
}

export interface TransactionStatementsSpec {
  readonly kind: 'statements';
  /** Methods that send SQL text: `client.query('BEGIN')`. Matched on any receiver: the SQL text is the evidence. */
  readonly methods: readonly string[];
  /** Statements that open a transaction (compared case-insensitively with the start of the text). */
  readonly begin: readonly string[];
  /** Statements that end it. */
  readonly end: readonly string[];
  /** Statements that start like an end but do not end the transaction (`ROLLBACK TO SAVEPOINT x`). */
  readonly notEnd?: readonly string[];
  /** Which of `end` roll back (the others commit). */
  readonly rollback: readonly string[];
  /** The methods return nothing to await (better-sqlite3 runs statements synchronously). */
  readonly synchronous?: boolean;
  /** What to use instead of hand-written statements, for messages. */
  readonly managed: string;
}

/** One transaction API of a library. */
export type TransactionSpec = TransactionCallbackSpec | TransactionRegionSpec | TransactionStatementsSpec;
