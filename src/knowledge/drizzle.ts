import type { LibraryKnowledge } from './types';

export default {
  id: 'drizzle',
  name: 'Drizzle',
  modules: [
    'drizzle-orm',
    'drizzle-orm/sql',
    'drizzle-orm/node-postgres',
    'drizzle-orm/postgres-js',
    'drizzle-orm/mysql2',
    'drizzle-orm/better-sqlite3',
    'drizzle-orm/libsql',
    'drizzle-orm/neon-http',
    'drizzle-orm/neon-serverless',
    'drizzle-orm/pglite',
    'drizzle-orm/planetscale-serverless',
    'drizzle-orm/d1',
    'drizzle-orm/bun-sqlite',
    'drizzle-orm/vercel-postgres',
    'drizzle-orm/singlestore',
    'drizzle-orm/tidb-serverless',
    // The schema modules: table functions and column builders.
    'drizzle-orm/pg-core',
    'drizzle-orm/mysql-core',
    'drizzle-orm/sqlite-core',
    'drizzle-orm/singlestore-core',
  ],
  packages: ['drizzle-orm'],
  docs: 'https://orm.drizzle.team/docs/sql',
  sql: {
    sinks: [
      {
        callee: { export: 'sql.raw' },
        sqlArgument: 0,
        kind: 'raw',
        safeForm: '`sql.raw` inlines its text unescaped: write the query with the sql`… ${value}` tag, and use `sql.identifier()` for names',
      },
      {
        callee: { instanceOf: 'Database', method: ['execute', 'run'] },
        sqlArgument: 0,
        kind: 'query',
        safeForm: 'pass a sql`… ${value}` template, which sends every value as a parameter',
      },
    ],
    safeTags: [{ export: 'sql' }],
    safeCalls: [{ export: ['sql.identifier', 'sql.join', 'sql.placeholder', 'sql.param'] }],
  },
  factories: [
    { export: 'drizzle', via: 'call', creates: 'Database' },
    { instanceOf: 'Database', method: 'transaction', callbackParameter: 0, creates: 'Database' },
    // Table functions made by the project (create-t3-app's `export const createTable = pgTableCreator((name) => `app_${name}`)`,
    // `pgSchema('auth').table`): each makes the dialect's own table function, named as it is exported.
    { export: 'pgTableCreator', via: 'call', creates: 'pgTable' },
    { export: 'mysqlTableCreator', via: 'call', creates: 'mysqlTable' },
    { export: 'sqliteTableCreator', via: 'call', creates: 'sqliteTable' },
    { export: 'singlestoreTableCreator', via: 'call', creates: 'singlestoreTable' },
    { export: 'pgSchema', via: 'call', creates: 'PgSchema' },
    { export: 'mysqlSchema', via: 'call', creates: 'MySqlSchema' },
    { export: 'mysqlDatabase', via: 'call', creates: 'MySqlSchema' },
    { export: 'singlestoreSchema', via: 'call', creates: 'SingleStoreSchema' },
    { export: 'singlestoreDatabase', via: 'call', creates: 'SingleStoreSchema' },
    { instanceOf: 'PgSchema', property: 'table', creates: 'pgTable' },
    { instanceOf: 'MySqlSchema', property: 'table', creates: 'mysqlTable' },
    { instanceOf: 'SingleStoreSchema', property: 'table', creates: 'singlestoreTable' },
  ],
  transactions: [
    // `db.transaction(async (tx) => …, config)`, and `tx.transaction(…)` for a savepoint.
    { kind: 'callback', callee: { instanceOf: 'Database', method: 'transaction' }, callback: 0, handle: 0, byShape: true },
  ],
  schema: {
    foreignKeys: {
      // Table functions are recognised by name: `pgTable('orders', { … }, (t) => […])` is distinctive.
      tableBuilder: {
        tables: ['pgTable', 'sqliteTable', 'mysqlTable', 'singlestoreTable'],
        selfIndexing: ['mysqlTable', 'singlestoreTable'],
        references: 'references',
        foreignKey: 'foreignKey',
        indexes: ['index', 'uniqueIndex', 'unique'],
        keys: ['primaryKey'],
        columnIndexes: ['primaryKey', 'unique'],
      },
      indexAdvice: "add `index('{{table}}_{{column}}_idx').on(t.{{property}})` to the table's extra config (its third argument)",
    },
    columns: {
      builders: {
        tables: { export: ['pgTable', 'mysqlTable', 'sqliteTable', 'singlestoreTable'] },
        dialects: [
          {
            tables: ['pgTable'],
            builders: [
              'bigint', 'bigserial', 'boolean', 'char', 'cidr', 'date', 'decimal', 'doublePrecision', 'inet', 'integer', 'interval', 'json', 'jsonb',
              'line', 'macaddr', 'macaddr8', 'numeric', 'point', 'real', 'serial', 'smallint', 'smallserial', 'text', 'time', 'timestamp', 'uuid', 'varchar',
            ],
            // `varchar` without a length is unbounded, `char` is char(1); `numeric` takes any precision.
            types: { length: ['varchar', 'char'], precision: ['numeric', 'decimal'] },
          },
          {
            tables: ['mysqlTable', 'singlestoreTable'],
            builders: [
              'bigint', 'binary', 'boolean', 'char', 'date', 'datetime', 'decimal', 'double', 'float', 'int', 'json', 'longtext', 'mediumint', 'mediumtext',
              'mysqlEnum', 'real', 'serial', 'smallint', 'text', 'time', 'timestamp', 'tinyint', 'tinytext', 'varbinary', 'varchar', 'year',
            ],
            // MySQL needs a varchar length; `decimal` alone is DECIMAL(10, 0).
            types: { length: ['varchar', 'char', 'varbinary', 'binary'], precision: ['decimal'] },
          },
          {
            // SQLite stores any text length and has no decimal precision: only nullability matters there.
            tables: ['sqliteTable'],
            builders: ['blob', 'integer', 'numeric', 'real', 'text'],
            types: { length: [], precision: [] },
          },
        ],
        keys: { length: ['length'], precision: 'precision', scale: 'scale' },
        notNull: ['notNull', 'primaryKey'],
        keyBuilders: ['serial', 'bigserial', 'smallserial'],
        keyMethods: ['primaryKey', 'generatedAlwaysAsIdentity', 'generatedByDefaultAsIdentity', 'autoincrement'],
        builderFactories: ['pgEnum'],
        advice: "`varchar('name', { length: 100 }).notNull()`, `numeric('price', { precision: 10, scale: 2 })`; a column meant to hold NULL can say so with the rule's `drizzleNullableByDefault` option",
      },
    },
  },
  connections: {
    clients: [
      {
        callee: { export: 'drizzle', via: 'call' },
        what: 'a Drizzle database over a new connection pool',
        ownClientWhen: { argument: 0, keys: ['connection'] },
        share: 'Create the database once in a module of its own (`export const db = drizzle(pool)`) and import it',
      },
    ],
  },
  transactionWork: {
    swap: true,
    advice: 'run it through `{{handle}}`, the transaction the callback receives',
  },
  writes: {
    methods: ['insert', 'update', 'delete'],
    wrapIn: '`db.transaction(async (tx) => …)`',
  },
} satisfies LibraryKnowledge;
