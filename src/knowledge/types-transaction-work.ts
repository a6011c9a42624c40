/**
 * How database work joins an open transaction, per library: the facts `no-outer-client-in-transaction`
 * reads (through `src/analysis/transactions/handles.ts`) to tell work that runs inside the transaction
 * from work that takes a second pooled connection and runs outside it.
 *
 * Three ways a library puts a call in a transaction, all plain data here:
 *  - through the handle the transaction hands out (`tx.user.create()`, `trx('orders')`, `manager.save()`):
 *    the default; a call through the client that opened the transaction is outside it;
 *  - through a builder method given the handle (`knex('orders').transacting(trx)`): `joinMethods`;
 *  - through an options argument (`Order.create(values, { transaction: t })`): `joinOption`, and
 *    through a positional argument (`Person.query(trx)`): `models.joinsBy: 'argument'`.
 */

/** Methods and where the argument that carries the transaction is: an index, or several indexes where it may sit. */
export type ArgumentPositions = Readonly<Record<string, number | readonly number[]>>;

/** Calls that join the transaction through a key of an options argument (Sequelize's `{ transaction: t }`). */
export interface OptionJoinSpec {
  /** The options key (`transaction`); the `{ transaction }` shorthand counts. */
  readonly key: string;
  /**
   * Methods of the client (and of its companions reached through `counterparts`: `queryInterface`) that run a
   * query, and where their options argument is. Other methods of the client are not reported: they may run nothing.
   */
  readonly methods: ArgumentPositions;
}

/** Model classes whose static methods run queries (`Order.create()`, `Person.query()`). */
export interface ModelWorkSpec {
  /** The exported base class (`Model`): a subclass of it is a model, by import. */
  readonly base: string;
  /** Static methods that run a query, and where the argument that carries the transaction is. */
  readonly methods: ArgumentPositions;
  /** Instance methods (`order.save()`) on an object a model call returned, and where their transaction argument is. */
  readonly instanceMethods?: ArgumentPositions;
  /** How the transaction reaches the call: a key of an options argument (`joinOption.key`), or the argument itself (`Person.query(trx)`). */
  readonly joinsBy: 'option' | 'argument';
  /**
   * Also treat a PascalCase receiver as a model (the model came from another file) when the library of the
   * transaction is known, or its code already passes the handle this way somewhere in the scope.
   */
  readonly byShape?: boolean;
}

export interface TransactionWorkSpec {
  /**
   * Methods that run nothing on their own (in-memory factories and builders): TypeORM's `repo.create()`,
   * `dataSource.getRepository(X)`, MikroORM's `em.persist()`. A call chain that ends in one is never reported.
   * (An outer call used as an argument of another call is never reported either: it is a fragment of that
   * query, `db.raw('x + ?', [n])` inside a `trx` query, or an element of Prisma's array form.)
   */
  readonly inert?: readonly string[];
  /** Members of the client that build values, whatever follows: `knex.fn.now()`, `knex.ref()`, Kysely's `db.fn`. */
  readonly valueNamespaces?: readonly string[];
  /**
   * Properties of an object whose counterpart inside the transaction is the handle: TypeORM's
   * `dataSource.manager` ↔ `manager`, Sequelize's `queryInterface.sequelize`. Opening a transaction on
   * `x.<property>` makes `x` an outer client too, and the suggestion swaps `x.<property>` for the handle.
   */
  readonly counterparts?: readonly string[];
  /**
   * Kinds of this library's objects (as the import index names them) that run on a connection of their own
   * wherever they come from: an injected TypeORM `Repository`, an `EntityManager` field.
   */
  readonly outerKinds?: readonly string[];
  /** Builder methods that put a query into the transaction when handed the handle: Knex's `.transacting(trx)`. */
  readonly joinMethods?: readonly string[];
  /** The client's calls join through an options argument rather than the handle (Sequelize). */
  readonly joinOption?: OptionJoinSpec;
  readonly models?: ModelWorkSpec;
  /**
   * The client that opened the transaction follows it on its own (MikroORM's global `em` resolves to the
   * transaction's fork inside `em.transactional()`), so calls through it are inside. Objects made by these
   * methods before the transaction (`orm.em.fork()`) are contexts of their own: calls through them are outside.
   */
  readonly clientFollows?: { readonly forks: readonly string[] };
  /**
   * Method names whose call anywhere in the file makes every query join the open transaction implicitly
   * (Sequelize's `Sequelize.useCLS(namespace)`): the rule is silent for the library there.
   */
  readonly implicitJoin?: readonly string[];
  /**
   * Properties that are true on a transaction handle only (Knex's `trx.isTransaction`). A function that
   * returns early when its client has one (`if (knex.isTransaction) return fn();`, the retry helpers'
   * idiom) runs only that branch when it is handed a transaction: what follows the guard is not I/O
   * inside the transaction.
   */
  readonly transactionFlags?: readonly string[];
  /** Whether swapping the client for the handle (`prisma.` → `tx.`) is mechanical: offered as a suggestion. */
  readonly swap?: boolean;
  /** How to put the call in the transaction, for the message; `{{handle}}` and `{{client}}` are filled in. */
  readonly advice: string;
}
