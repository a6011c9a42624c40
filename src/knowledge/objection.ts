import type { LibraryKnowledge } from './types';

export default {
  id: 'objection',
  name: 'Objection',
  modules: ['objection'],
  packages: ['objection'],
  docs: 'https://vincit.github.io/objection.js/recipes/raw-queries.html',
  sql: {
    sinks: [
      {
        callee: { export: 'raw' },
        sqlArgument: 0,
        kind: 'query',
        safeForm: 'pass values as bindings, `raw(sql, [value])` with `?` (and `??` for identifiers)',
        rewrite: { style: 'values-argument', placeholder: 'question', argument: 1 },
      },
      {
        callee: { subclassOf: 'Model', method: 'raw' },
        sqlArgument: 0,
        kind: 'query',
        safeForm: 'pass values as bindings, `{{receiver}}.raw(sql, [value])` with `?`',
        rewrite: { style: 'values-argument', placeholder: 'question', argument: 1 },
      },
      {
        callee: {
          instanceOf: 'QueryBuilder',
          method: ['whereRaw', 'orWhereRaw', 'andWhereRaw', 'havingRaw', 'orHavingRaw', 'orderByRaw', 'groupByRaw', 'joinRaw', 'fromRaw', 'selectRaw'],
        },
        sqlArgument: 0,
        kind: 'query',
        safeForm: 'pass values as bindings, `.{{method}}(sql, [value])` with `?` (and `??` for identifiers)',
        rewrite: { style: 'values-argument', placeholder: 'question', argument: 1 },
        clause: { whereRaw: 'WHERE', orWhereRaw: 'WHERE', andWhereRaw: 'WHERE', havingRaw: 'HAVING', orHavingRaw: 'HAVING', orderByRaw: 'ORDER BY', groupByRaw: 'GROUP BY', joinRaw: '', fromRaw: 'FROM', selectRaw: 'SELECT' },
      },
      // `Person.knex()` is a knex instance.
      {
        callee: { instanceOf: 'Knex', method: 'raw' },
        sqlArgument: 0,
        kind: 'query',
        safeForm: 'pass values as bindings, `{{receiver}}.raw(sql, [value])` with `?` (and `??` for identifiers)',
        rewrite: { style: 'values-argument', placeholder: 'question', argument: 1 },
      },
    ],
    safeCalls: [{ export: 'ref' }],
  },
  factories: [
    { subclassOf: 'Model', method: ['query', 'relatedQuery'], creates: 'QueryBuilder' },
    { subclassOf: 'Model', method: 'knex', creates: 'Knex' },
  ],
  fluent: ['QueryBuilder'],
  aliases: { 'default.Model': 'Model' },
  transactions: [
    // `Person.transaction(async (trx) => …)`, `Person.transaction(knex, async (trx) => …)`.
    { kind: 'callback', callee: { subclassOf: 'Model', method: 'transaction' }, callback: 'any', handle: 'last', byShape: true },
    // `transaction(Person.knex(), async (trx) => …)`; with bound models first, the handle comes last.
    { kind: 'callback', callee: { export: ['transaction', 'default.transaction'] }, callback: 'any', handle: 'last' },
    { kind: 'region', start: { subclassOf: 'Model', method: 'startTransaction' }, handle: 'result', end: ['commit', 'rollback'], rollback: ['rollback'], byShape: true, managed: '`Model.transaction(async (trx) => …)`, which commits when the callback resolves and rolls back when it throws' },
    { kind: 'region', start: { export: 'transaction.start' }, handle: 'result', end: ['commit', 'rollback'], rollback: ['rollback'], managed: '`transaction(knex, async (trx) => …)`, which commits when the callback resolves and rolls back when it throws' },
  ],
  transactionWork: {
    models: {
      base: 'Model',
      methods: { query: 0, relatedQuery: 1 },
      instanceMethods: { $query: 0, $relatedQuery: 1 },
      joinsBy: 'argument',
      byShape: true,
    },
    joinMethods: ['transacting'],
    advice: 'pass the transaction to the query, `Model.query({{handle}})` (or bind the models to it)',
  },
  writes: {
    sameDatabase: 'library',
    methods: ['insert', 'insertGraph', 'upsertGraph', 'patch', 'update', 'delete', 'deleteById', 'patchAndFetchById', 'updateAndFetchById', 'relate', 'unrelate'],
    wrapIn: '`Model.transaction(async (trx) => …)`, passing `trx` to each query',
  },
} satisfies LibraryKnowledge;
