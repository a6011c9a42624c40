import type { LibraryKnowledge } from './types';

export default {
  id: 'pg-promise',
  name: 'pg-promise',
  modules: ['pg-promise'],
  packages: ['pg-promise'],
  docs: 'https://github.com/vitaly-t/pg-promise#query-formatting',
  sql: {
    sinks: [
      {
        callee: {
          instanceOf: 'Database',
          method: ['query', 'none', 'one', 'oneOrNone', 'many', 'manyOrNone', 'any', 'result', 'multi', 'multiResult', 'each', 'map'],
        },
        sqlArgument: 0,
        kind: 'query',
        safeForm: 'pass values separately, `{{receiver}}.{{method}}(text, values)` with `$1` or `${name}` placeholders',
        rewrite: { style: 'values-argument', placeholder: 'dollar', argument: 1 },
      },
    ],
    // `pgp.as.name(column)` escapes an identifier, `pgp.as.format(text, values)` formats safely.
    escapes: [{ callee: { instanceOf: 'Formatting', method: ['name', 'alias', 'value', 'text', 'number', 'format', 'csv', 'json'] } }],
  },
  // `require('pg-promise')()` makes the library root; calling that root with a connection makes a database.
  factories: [
    { export: 'default', via: 'call', creates: 'IMain' },
    { instanceOf: 'IMain', via: 'call', creates: 'Database' },
    { instanceOf: 'IMain', property: 'as', creates: 'Formatting' },
    { instanceOf: 'Database', method: ['tx', 'task', 'txIf', 'taskIf'], callbackParameter: 0, creates: 'Database' },
  ],
  instanceTypes: { IDatabase: 'Database', ITask: 'Database', IMain: 'IMain' },
  transactions: [
    // `db.tx(cb)`, `db.tx(tag, cb)`, `db.tx({ mode }, cb)`; `task` shares a connection without a transaction.
    { kind: 'callback', callee: { instanceOf: 'Database', method: ['tx', 'txIf'] }, callback: 'any', handle: 0, byShape: true },
  ],
  connections: {
    poolSize: [
      {
        callee: { instanceOf: 'IMain', via: 'call' },
        options: 0,
        sizePaths: [['max']],
        defaultSize: '10',
        example: '`pgp({ connectionString, max: 20 })`',
      },
    ],
    clients: [
      {
        callee: { instanceOf: 'IMain', via: 'call' },
        what: 'a pg-promise database with a connection pool of its own',
        share: 'Create `db = pgp(connection)` once in a module of its own and import it (pg-promise warns about duplicate database objects for this reason)',
      },
    ],
    acquire: [
      {
        acquire: { instanceOf: 'Database', method: 'connect' },
        declaredIn: 'IDatabase',
        release: { methods: 'done' },
        releaseText: '`connection.done()`',
      },
    ],
  },
  transactionWork: {
    swap: true,
    advice: 'run it through `{{handle}}`, the task the callback receives',
  },
  writes: {
    methods: [],
    sqlMethods: ['none', 'one', 'oneOrNone', 'many', 'manyOrNone', 'any', 'result', 'query'],
    wrapIn: '`db.tx(async (t) => …)`',
  },
} satisfies LibraryKnowledge;
