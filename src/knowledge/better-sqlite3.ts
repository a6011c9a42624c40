import type { LibraryKnowledge } from './types';

export default {
  id: 'better-sqlite3',
  name: 'better-sqlite3',
  modules: ['better-sqlite3'],
  packages: ['better-sqlite3', '@types/better-sqlite3'],
  docs: 'https://github.com/WiseLibs/better-sqlite3/blob/master/docs/api.md#binding-parameters',
  sql: {
    sinks: [
      {
        callee: { instanceOf: 'Database', method: 'prepare' },
        sqlArgument: 0,
        kind: 'query',
        safeForm: "bind values when running the statement, `{{receiver}}.prepare('… WHERE id = ?').get(id)`",
        rewrite: { style: 'statement-call', placeholder: 'question', methods: ['get', 'all', 'run', 'iterate'] },
        byShape: 'sql-text',
      },
      {
        callee: { instanceOf: 'Database', method: 'exec' },
        sqlArgument: 0,
        kind: 'query',
        safeForm: "`exec` takes no parameters: run statements that carry data with `{{receiver}}.prepare('… ?').run(value)`",
        byShape: 'sql-text',
      },
    ],
  },
  factories: [
    { export: 'default', via: 'new', creates: 'Database' },
    { export: 'default', via: 'call', creates: 'Database' },
  ],
  instanceTypes: { Database: 'Database' },
  transactions: [
    // `const run = db.transaction((rows) => …)`: the function runs in a transaction whenever it is called.
    { kind: 'callback', callee: { instanceOf: 'Database', method: 'transaction' }, callback: 0 },
    { kind: 'statements', methods: ['exec'], begin: ['BEGIN', 'BEGIN IMMEDIATE', 'BEGIN EXCLUSIVE', 'BEGIN DEFERRED'], end: ['COMMIT', 'ROLLBACK', 'END'], notEnd: ['ROLLBACK TO'], rollback: ['ROLLBACK'], synchronous: true, managed: '`db.transaction(fn)`, which commits when `fn` returns and rolls back when it throws' },
  ],
} satisfies LibraryKnowledge;
