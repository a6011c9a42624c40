import type { LibraryKnowledge } from './types';

export default {
  id: 'pg',
  name: 'node-postgres (pg)',
  modules: ['pg', 'pg-pool'],
  packages: ['pg', '@types/pg', 'pg-pool'],
  docs: 'https://node-postgres.com/features/queries#parameterized-query',
  sql: {
    sinks: [
      {
        callee: { instanceOf: ['Pool', 'Client'], method: 'query' },
        sqlArgument: 0,
        kind: 'query',
        safeForm: 'pass values separately, `{{receiver}}.query(text, values)` with `$1`, `$2` placeholders',
        rewrite: { style: 'values-argument', placeholder: 'dollar', argument: 1 },
        byShape: 'sql-text',
      },
    ],
    escapes: [
      { callee: { export: ['escapeIdentifier', 'escapeLiteral'] } },
      { callee: { instanceOf: 'Client', method: ['escapeIdentifier', 'escapeLiteral'] } },
    ],
  },
  factories: [
    { export: 'Pool', via: 'new', creates: 'Pool' },
    { export: 'Client', via: 'new', creates: 'Client' },
    { export: 'native.Pool', via: 'new', creates: 'Pool' },
    { instanceOf: 'Pool', method: 'connect', creates: 'Client' },
    // `pool.connect((err, client, release) => …)`
    { instanceOf: 'Pool', method: 'connect', callbackParameter: 1, creates: 'Client' },
  ],
  instanceTypes: { Pool: 'Pool', Client: 'Client', PoolClient: 'Client', ClientBase: 'Client' },
  transactions: [
    // node-postgres has no transaction API: `await client.query('BEGIN')` … `await client.query('COMMIT')`.
    { kind: 'statements', methods: ['query'], begin: ['BEGIN', 'START TRANSACTION'], end: ['COMMIT', 'ROLLBACK', 'END', 'ABORT'], notEnd: ['ROLLBACK TO'], rollback: ['ROLLBACK', 'ABORT'], managed: 'one helper that runs a callback between `BEGIN` and `COMMIT`, with `ROLLBACK` in its `catch`' },
  ],
  connections: {
    poolSize: [
      {
        callee: { export: ['Pool', 'native.Pool'], via: 'new' },
        options: 0,
        sizePaths: [['max']],
        defaultSize: '10',
        example: '`new Pool({ max: 20 })`',
      },
    ],
    clients: [
      {
        callee: { export: ['Pool', 'native.Pool'], via: 'new' },
        what: 'a node-postgres pool',
        share: 'Create the `Pool` once at module scope, import it, and borrow from it with `pool.query()` or `pool.connect()`',
      },
      {
        callee: { export: 'Client', via: 'new' },
        what: 'a node-postgres client with a connection of its own',
        opensWith: 'connect',
        share: 'Create one `Pool` at module scope, import it, and borrow from it with `pool.query()` or `pool.connect()`',
      },
    ],
    acquire: [
      {
        acquire: { instanceOf: 'Pool', method: 'connect' },
        declaredIn: 'Pool',
        release: { methods: 'release' },
        callback: { connection: 1, releaseParameter: 2, error: 0 },
        byShape: 'released',
        releaseText: '`client.release()` (or `done()` in the callback form)',
      },
    ],
  },
  transactionWork: {
    swap: true,
    advice: 'send it through `{{handle}}`, the client that ran `BEGIN`: the pool hands every `query` to whichever connection is free',
  },
  writes: {
    methods: [],
    sqlMethods: ['query'],
    pools: ['Pool'],
    wrapIn: '`BEGIN` … `COMMIT` on one client from `pool.connect()`, with `ROLLBACK` in a `catch`',
  },
} satisfies LibraryKnowledge;
