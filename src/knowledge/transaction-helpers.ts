/**
 * Transaction helpers that are not database libraries themselves, as plain data: decorators that run a
 * method in a transaction, and hooks whose callback runs once the transaction has committed.
 */
export default {
  /**
   * Method decorators that make the whole method one transaction: `@Transactional()` of typeorm-transactional,
   * @nestjs-cls/transactional, MikroORM 6 and @transactional/*; `@Transaction()` of TypeORM 0.2 and Vendure.
   * Matched by name, wherever the decorator is imported from; the rule's `transactionalDecorators` option replaces the list.
   */
  decorators: ['Transactional', 'Transaction'],
  /**
   * Functions whose (last) function argument runs in a transaction: typeorm-transactional's
   * `runInTransaction(fn)` and `wrapInTransaction(fn)`, @nestjs-cls/transactional's `txHost.withTransaction(fn)`.
   */
  functions: ['runInTransaction', 'wrapInTransaction', 'withTransaction'],
  /** Hooks whose callback runs after commit (or after the transaction completes): the place for I/O. */
  afterCommit: ['runOnTransactionCommit', 'runOnTransactionComplete', 'runOnTransactionRollback'],
} as const;
