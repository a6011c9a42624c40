import type { LibraryKnowledge } from './types';

export default {
  id: 'postgres',
  name: 'postgres.js',
  modules: ['postgres'],
  packages: ['postgres'],
  docs: 'https://github.com/porsager/postgres#unsafe-raw-string-queries',
  sql: {
    sinks: [
      {
        callee: { instanceOf: 'Sql', method: 'unsafe' },
        sqlArgument: 0,
        kind: 'query',
        safeForm:
          'use the tagged template, {{receiver}}`… ${value}`, which sends every value as a parameter (or `{{receiver}}.unsafe(text, values)` with `$1` placeholders)',
        rewrite: { style: 'values-argument', placeholder: 'dollar', argument: 1 },
        rawInsideTemplate: true,
      },
    ],
    // The instance is the tag: sql`… ${value}`; called as sql(name) it escapes identifiers.
    safeTags: [{ instanceOf: 'Sql' }],
  },
  factories: [
    { export: 'default', via: 'call', creates: 'Sql' },
    { instanceOf: 'Sql', method: ['begin', 'reserve', 'savepoint'], callbackParameter: 0, creates: 'Sql' },
    { instanceOf: 'Sql', method: 'reserve', creates: 'Sql' },
  ],
  instanceTypes: { Sql: 'Sql', TransactionSql: 'Sql', ReservedSql: 'Sql' },
  transactions: [
    // `sql.begin(async (sql) => …)`, `sql.begin('read write', async (sql) => …)`.
    { kind: 'callback', callee: { instanceOf: 'Sql', method: 'begin' }, callback: 'any', handle: 0, byShape: true },
  ],
  connections: {
    poolSize: [
      {
        callee: { export: 'default', via: 'call' },
        options: 'last',
        sizePaths: [['max']],
        defaultSize: '10',
        example: '`postgres(url, { max: 20 })`',
      },
    ],
    clients: [
      {
        callee: { export: 'default', via: 'call' },
        declaredAs: 'postgres',
        what: 'a postgres.js client with a connection pool of its own',
        share: 'Create `sql = postgres(url)` once in a module of its own and import it',
      },
    ],
  },
  transactionWork: {
    swap: true,
    advice: 'run it through `{{handle}}`, the transaction the callback receives (tag the query with `{{handle}}` instead)',
  },
} satisfies LibraryKnowledge;
