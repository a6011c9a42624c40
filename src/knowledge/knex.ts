import type { LibraryKnowledge } from './types';

const rawClauses = [
  'whereRaw',
  'orWhereRaw',
  'andWhereRaw',
  'havingRaw',
  'orHavingRaw',
  'andHavingRaw',
  'orderByRaw',
  'groupByRaw',
  'joinRaw',
  'fromRaw',
  'selectRaw',
  'onRaw',
];

export default {
  id: 'knex',
  name: 'Knex',
  modules: ['knex'],
  packages: ['knex'],
  docs: 'https://knexjs.org/guide/raw.html',
  sql: {
    sinks: [
      {
        callee: { instanceOf: ['Knex', 'SchemaBuilder'], method: 'raw' },
        sqlArgument: 0,
        kind: 'query',
        safeForm: 'pass values as bindings, `{{receiver}}.raw(sql, [value])` with `?` (and `??` for identifiers)',
        rewrite: { style: 'values-argument', placeholder: 'question', argument: 1 },
        byShape: 'sql-text',
      },
      // The *Raw clauses are distinctive enough to recognise on a builder from another file.
      {
        callee: { instanceOf: 'QueryBuilder', method: rawClauses },
        sqlArgument: 0,
        kind: 'query',
        safeForm: 'pass values as bindings, `.{{method}}(sql, [value])` with `?` (and `??` for identifiers)',
        rewrite: { style: 'values-argument', placeholder: 'question', argument: 1 },
        byShape: 'name',
        clause: { whereRaw: 'WHERE', orWhereRaw: 'WHERE', andWhereRaw: 'WHERE', havingRaw: 'HAVING', orHavingRaw: 'HAVING', andHavingRaw: 'HAVING', orderByRaw: 'ORDER BY', groupByRaw: 'GROUP BY', joinRaw: '', fromRaw: 'FROM', selectRaw: 'SELECT', onRaw: 'ON' },
      },
    ],
    safeCalls: [{ instanceOf: 'Knex', method: 'ref' }],
  },
  factories: [
    { export: 'default', via: 'call', creates: 'Knex' },
    { export: 'knex', via: 'call', creates: 'Knex' },
    // `knex('users')` starts a query builder, and so do `knex.select()`, `knex.from()`, …
    { instanceOf: 'Knex', via: 'call', creates: 'QueryBuilder' },
    {
      instanceOf: 'Knex',
      method: ['select', 'from', 'table', 'queryBuilder', 'with', 'into', 'insert', 'update', 'del', 'delete', 'column', 'distinct', 'where'],
      creates: 'QueryBuilder',
    },
    { instanceOf: 'Knex', property: 'schema', creates: 'SchemaBuilder' },
    // The dialect client behind a Knex instance: its connection pool (`knex.client.acquireConnection()`).
    { instanceOf: 'Knex', property: 'client', creates: 'KnexClient' },
    { instanceOf: 'Knex', method: 'transaction', callbackParameter: 0, creates: 'Knex' },
    { instanceOf: 'Knex', method: 'transaction', creates: 'Knex' },
  ],
  fluent: ['QueryBuilder', 'SchemaBuilder'],
  instanceTypes: { Knex: 'Knex', 'Knex.Transaction': 'Knex', 'Knex.QueryBuilder': 'QueryBuilder' },
  transactions: [
    { kind: 'callback', callee: { instanceOf: 'Knex', method: 'transaction' }, callback: 0, handle: 0, byShape: true },
    // `const trx = await knex.transaction()` … `await trx.commit()`.
    { kind: 'region', start: { instanceOf: 'Knex', method: 'transaction' }, handle: 'result', end: ['commit', 'rollback'], rollback: ['rollback'], byShape: true, managed: '`knex.transaction(async (trx) => …)`, which commits when the callback resolves and rolls back when it throws' },
  ],
  schema: {
    changeCalls: [
      {
        callee: {
          instanceOf: 'SchemaBuilder',
          method: [
            'createTable', 'createTableIfNotExists', 'createTableLike', 'alterTable', 'table', 'dropTable', 'dropTableIfExists', 'renameTable', 'createView', 'createViewOrReplace', 'createMaterializedView', 'alterView', 'dropView', 'dropViewIfExists', 'createSchema', 'createSchemaIfNotExists', 'dropSchema', 'dropSchemaIfExists'
          ],
        },
        effect: 'changes the schema with the schema builder, which migrations use',
        byShape: [{ receiverProperty: 'schema' }],
      },
    ],
    migrationAdvice: '`knex migrate:make <name>` creates a migration for it; `knex migrate:latest` applies it',
    foreignKeys: {
      schemaBuilder: {
        tableMethods: ['createTable', 'createTableIfNotExists', 'alterTable', 'table'],
        references: 'references',
        foreign: 'foreign',
        indexMethods: ['index', 'unique', 'primary'],
      },
      indexAdvice: 'end the column with `.index()`, or add `{{builder}}.index([{{columns}}])` to the table',
    },
  },
  connections: {
    poolSize: [
      {
        callee: { export: ['default', 'knex'], via: 'call' },
        options: 0,
        sizePaths: [['pool', 'max']],
        noPoolWhen: { key: 'client', values: ['sqlite', 'sqlite3', 'better-sqlite3', 'sqljs', 'capacitor', 'cordova', 'expo', 'nativescript', 'react-native'] },
        defaultSize: 'min 2, max 10',
        example: '`knex({ client, connection, pool: { min: 0, max: 20 } })`',
      },
    ],
    clients: [
      {
        callee: { export: ['default', 'knex'], via: 'call' },
        declaredAs: 'knex',
        what: 'a Knex instance with a connection pool of its own',
        share: 'Create the Knex instance once in a module of its own (`export const db = knex(config)`) and import it',
      },
    ],
    acquire: [
      {
        acquire: { instanceOf: 'KnexClient', method: 'acquireConnection' },
        declaredIn: 'Client',
        release: { takingConnection: 'releaseConnection' },
        byShape: 'name',
        releaseText: '`knex.client.releaseConnection(connection)`',
      },
    ],
  },
  transactionWork: {
    // `knex.fn.now()`, `knex.ref('col')` build values for a query; `knex.raw()` as an argument is a fragment.
    valueNamespaces: ['fn', 'ref'],
    joinMethods: ['transacting'],
    // Knex sets it on every transaction object (lib/execution/transaction.js); Backstage's retryOnDeadlock guards on it.
    transactionFlags: ['isTransaction'],
    swap: true,
    advice: 'run it through `{{handle}}` (`{{handle}}(\'table\')`, `{{handle}}.raw()`), or add `.transacting({{handle}})`',
  },
  writes: {
    methods: ['insert', 'update', 'del', 'delete', 'increment', 'decrement', 'truncate', 'upsert'],
    sqlMethods: ['raw'],
    wrapIn: '`knex.transaction(async (trx) => …)`',
  },
} satisfies LibraryKnowledge;
