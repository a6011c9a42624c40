import type { LibraryKnowledge } from './types';

export default {
  id: 'slonik',
  name: 'Slonik',
  modules: ['slonik', '@slonik/sql-tag', 'slonik-sql-tag-raw'],
  packages: ['slonik', '@slonik/sql-tag', 'slonik-sql-tag-raw'],
  docs: 'https://github.com/gajus/slonik#readme',
  sql: {
    sinks: [
      {
        // slonik-sql-tag-raw, and sql.raw of older Slonik versions: text goes into the query as it is.
        callee: { export: ['raw', 'sql.raw'] },
        sqlArgument: 0,
        kind: 'raw',
        safeForm:
          '`raw()` inlines its text: nest sql.fragment`… ${value}` templates instead, and use `sql.identifier([name])` for names',
      },
    ],
    // Every slonik tag binds its holes: sql.type(…)`…`, sql.typeAlias('x')`…`, sql.fragment`…`, sql.unsafe`…`.
    safeTags: [{ export: 'sql' }, { instanceOf: 'SqlTag' }],
    safeCalls: [{ export: ['sql.identifier', 'sql.join', 'sql.array', 'sql.json', 'sql.jsonb', 'sql.binary', 'sql.date', 'sql.timestamp', 'sql.interval', 'sql.uuid', 'sql.literalValue'] }],
  },
  factories: [
    { export: 'createPool', via: 'call', creates: 'DatabasePool' },
    { export: 'createSqlTag', via: 'call', creates: 'SqlTag' },
    { instanceOf: 'DatabasePool', method: ['connect', 'transaction'], callbackParameter: 0, creates: 'DatabasePool' },
  ],
  instanceTypes: { DatabasePool: 'DatabasePool', DatabaseConnection: 'DatabasePool', DatabaseTransactionConnection: 'DatabasePool' },
  transactions: [
    { kind: 'callback', callee: { instanceOf: 'DatabasePool', method: 'transaction' }, callback: 0, handle: 0, byShape: true },
  ],
  connections: {
    poolSize: [
      {
        callee: { export: 'createPool', via: 'call' },
        options: 1,
        sizePaths: [['maximumPoolSize']],
        defaultSize: '10',
        example: '`createPool(url, { maximumPoolSize: 20 })`',
      },
    ],
    clients: [
      {
        callee: { export: 'createPool', via: 'call' },
        what: 'a Slonik pool',
        share: 'Create the pool once at startup (`await createPool(url)`) and import or inject it',
      },
    ],
  },
  transactionWork: {
    swap: true,
    advice: 'run it through `{{handle}}`, the connection the callback receives',
  },
} satisfies LibraryKnowledge;
