import type { LibraryKnowledge } from './types';

export default {
  id: 'mysql2',
  name: 'mysql2',
  // sqlstring is the escaping library mysql and mysql2 use and re-export.
  modules: ['mysql2', 'mysql2/promise', 'mysql', 'sqlstring'],
  packages: ['mysql2', 'mysql', '@types/mysql', 'sqlstring'],
  docs: 'https://sidorares.github.io/node-mysql2/docs#using-prepared-statements',
  sql: {
    sinks: [
      {
        callee: { instanceOf: ['Connection', 'Pool'], method: ['query', 'execute'] },
        sqlArgument: 0,
        kind: 'query',
        safeForm: 'pass values separately, `{{receiver}}.{{method}}(sql, values)` with `?` placeholders',
        rewrite: { style: 'values-argument', placeholder: 'question', argument: 1 },
        byShape: 'sql-text',
      },
    ],
    escapes: [
      { callee: { export: ['escape', 'escapeId', 'format'] } },
      { callee: { instanceOf: ['Connection', 'Pool'], method: ['escape', 'escapeId', 'format'] } },
    ],
  },
  factories: [
    { export: 'createConnection', via: 'call', creates: 'Connection' },
    { export: 'createPool', via: 'call', creates: 'Pool' },
    { export: 'createPoolCluster', via: 'call', creates: 'Pool' },
    { instanceOf: 'Pool', method: 'getConnection', creates: 'Connection' },
    { instanceOf: 'Pool', method: 'getConnection', callbackParameter: 1, creates: 'Connection' },
    { instanceOf: 'Pool', method: 'promise', creates: 'Pool' },
    { instanceOf: 'Connection', method: 'promise', creates: 'Connection' },
  ],
  instanceTypes: { Connection: 'Connection', Pool: 'Pool', PoolConnection: 'Connection' },
  transactions: [
    { kind: 'region', start: { instanceOf: 'Connection', method: 'beginTransaction' }, handle: 'receiver', end: ['commit', 'rollback'], rollback: ['rollback'], byShape: true, managed: 'one helper that runs a callback between `beginTransaction()` and `commit()`, with `rollback()` in its `catch`' },
    { kind: 'statements', methods: ['query', 'execute'], begin: ['BEGIN', 'START TRANSACTION'], end: ['COMMIT', 'ROLLBACK'], notEnd: ['ROLLBACK TO'], rollback: ['ROLLBACK'], managed: 'one helper that runs a callback between `BEGIN` and `COMMIT`, with `ROLLBACK` in its `catch`' },
  ],
  connections: {
    poolSize: [
      {
        callee: { export: 'createPool', via: 'call' },
        options: 0,
        sizePaths: [['connectionLimit']],
        urlParameter: { name: 'connectionLimit', paths: [[], ['uri']] },
        defaultSize: '10',
        example: '`createPool({ connectionLimit: 20 })`',
      },
    ],
    clients: [
      {
        callee: { export: ['createPool', 'createPoolCluster'], via: 'call' },
        what: 'a mysql2 pool',
        share: 'Create the pool once at module scope, import it, and borrow from it with `pool.query()` or `pool.getConnection()`',
      },
      {
        callee: { export: 'createConnection', via: 'call' },
        what: 'a mysql2 connection',
        share: 'Create one pool at module scope with `createPool()`, import it, and borrow from it with `pool.query()` or `pool.getConnection()`',
      },
    ],
    acquire: [
      {
        acquire: { instanceOf: 'Pool', method: 'getConnection' },
        declaredIn: ['Pool', 'PoolCluster', 'PromisePool', 'PromisePoolCluster'],
        release: { methods: ['release', 'destroy'], takingConnection: 'releaseConnection' },
        callback: { connection: 1, error: 0 },
        byShape: 'released',
        releaseText: '`connection.release()`',
      },
    ],
  },
  transactionWork: {
    swap: true,
    advice: 'send it through `{{handle}}`, the connection that began the transaction: the pool hands every query to whichever connection is free',
  },
  writes: {
    methods: [],
    sqlMethods: ['query', 'execute'],
    pools: ['Pool'],
    wrapIn: '`beginTransaction()` … `commit()` on one connection from `pool.getConnection()`, with `rollback()` in a `catch`',
  },
} satisfies LibraryKnowledge;
