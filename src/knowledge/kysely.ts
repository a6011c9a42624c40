import type { LibraryKnowledge } from './types';

export default {
  id: 'kysely',
  name: 'Kysely',
  modules: ['kysely'],
  packages: ['kysely'],
  docs: 'https://kysely.dev/docs/recipes/raw-sql',
  sql: {
    sinks: [
      {
        callee: { export: ['sql.raw', 'sql.lit', 'sql.literal'] },
        sqlArgument: 0,
        kind: 'raw',
        safeForm:
          '`{{callee}}` puts its argument into the SQL text: pass values with the sql`… ${value}` tag (a parameter), and names with `sql.ref()` / `sql.id()`',
      },
      {
        callee: { export: 'CompiledQuery.raw' },
        sqlArgument: 0,
        kind: 'query',
        safeForm: 'pass values separately, `CompiledQuery.raw(sql, [value])` with `$1` placeholders, or use the sql`…` tag',
        rewrite: { style: 'values-argument', placeholder: 'dollar', argument: 1 },
      },
    ],
    safeTags: [{ export: 'sql' }],
    safeCalls: [{ export: ['sql.ref', 'sql.id', 'sql.table', 'sql.val', 'sql.value', 'sql.join'] }],
  },
  factories: [
    { export: 'Kysely', via: 'new', creates: 'Kysely' },
    { instanceOf: 'Kysely', property: 'schema', creates: 'SchemaModule' },
    { instanceOf: 'Kysely', method: ['transaction', 'connection'], creates: 'TransactionBuilder' },
    { instanceOf: 'TransactionBuilder', method: 'setIsolationLevel', creates: 'TransactionBuilder' },
    { instanceOf: 'TransactionBuilder', method: 'execute', callbackParameter: 0, creates: 'Kysely' },
  ],
  instanceTypes: { Kysely: 'Kysely', Transaction: 'Kysely' },
  transactions: [
    // `db.transaction().setIsolationLevel('serializable').execute(async (trx) => …)`.
    {
      kind: 'callback',
      callee: { instanceOf: 'Kysely', method: 'transaction' },
      chain: { through: ['setIsolationLevel', 'setAccessMode'], method: 'execute' },
      callback: 0,
      handle: 0,
      byShape: true,
    },
    // Controlled: `const trx = await db.startTransaction().execute()` … `await trx.commit().execute()`.
    {
      kind: 'region',
      start: { instanceOf: 'Kysely', method: 'startTransaction' },
      chain: { through: ['setIsolationLevel', 'setAccessMode'], method: 'execute' },
      handle: 'result',
      end: ['commit', 'rollback'],
      rollback: ['rollback'],
      byShape: true,
      managed: '`db.transaction().execute(async (trx) => …)`, which commits when the callback resolves and rolls back when it throws',
    },
  ],
  schema: {
    changeCalls: [
      {
        callee: {
          instanceOf: 'SchemaModule',
          method: ['createTable', 'alterTable', 'dropTable', 'createIndex', 'dropIndex', 'createView', 'dropView', 'createSchema', 'dropSchema', 'createType', 'dropType'],
        },
        effect: 'changes the schema with the schema module, which migrations use',
        byShape: [{ receiverProperty: 'schema' }],
      },
    ],
    migrationAdvice: 'write it as a migration (`export async function up(db: Kysely<any>)`) and apply it with the `Migrator`',
  },
  transactionWork: {
    // `db.fn.count()`, `db.dynamic.ref()` build expressions for a query.
    valueNamespaces: ['fn', 'dynamic'],
    swap: true,
    advice: 'run it through `{{handle}}`, the transaction the callback receives',
  },
  writes: {
    methods: ['insertInto', 'updateTable', 'deleteFrom', 'replaceInto', 'mergeInto'],
    wrapIn: '`db.transaction().execute(async (trx) => …)`',
  },
} satisfies LibraryKnowledge;
