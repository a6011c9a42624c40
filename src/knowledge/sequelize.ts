import { sequelizeActiveRecord, sequelizeAttributeColumns, sequelizeMigrationAdvice, sequelizeSchemaChanges, sequelizeSoftDelete, sequelizeWork, sequelizeWrites } from './sequelize-work';
import type { LibraryKnowledge } from './types';

export default {
  id: 'sequelize',
  name: 'Sequelize',
  modules: ['sequelize', '@sequelize/core'],
  packages: ['sequelize', '@sequelize/core'],
  docs: 'https://sequelize.org/docs/v6/other-topics/scopes/',
  sql: {
    sinks: [
      {
        callee: { instanceOf: 'Sequelize', method: 'query' },
        sqlArgument: 0,
        kind: 'query',
        safeForm: 'pass values as `{{receiver}}.query(sql, { replacements: [value] })` with `?` (or `bind` with `$1`)',
        rewrite: { style: 'options-property', placeholder: 'question', argument: 1, property: 'replacements' },
        byShape: 'sql-text',
      },
      {
        callee: { export: ['literal', 'Sequelize.literal', 'default.literal'] },
        sqlArgument: 0,
        kind: 'raw',
        safeForm:
          '`literal()` inlines its text unescaped: keep it to constant SQL, and pass values through `replacements`, a `where` object or `sequelize.escape()`',
      },
      {
        callee: { instanceOf: 'Sequelize', method: 'literal' },
        sqlArgument: 0,
        kind: 'raw',
        safeForm:
          '`literal()` inlines its text unescaped: keep it to constant SQL, and pass values through `replacements`, a `where` object or `sequelize.escape()`',
      },
    ],
    escapes: [{ callee: { instanceOf: 'Sequelize', method: 'escape' } }],
  },
  factories: [
    { export: 'Sequelize', via: 'new', creates: 'Sequelize' },
    // `const Sequelize = require('sequelize'); new Sequelize(url)`
    { export: 'default', via: 'new', creates: 'Sequelize' },
    { subclassOf: 'Model', property: 'sequelize', creates: 'Sequelize' },
    { instanceOf: 'Sequelize', method: 'getQueryInterface', creates: 'QueryInterface' },
  ],
  instanceTypes: { Sequelize: 'Sequelize', Transaction: 'Transaction' },
  aliases: { 'Sequelize.Model': 'Model', 'default.Model': 'Model' },
  eagerLoading: {
    defaultScope: [
      // `defaultScope` is a Sequelize-only option name, distinctive enough to match by shape
      // when the model or the instance comes from another file.
      { callee: { subclassOf: 'Model', method: 'init' }, argument: 1, path: ['defaultScope'], byShape: true },
      { callee: { instanceOf: 'Sequelize', method: 'define' }, argument: 2, path: ['defaultScope'], byShape: true },
      {
        callee: { subclassOf: 'Model', method: 'addScope' },
        argument: 1,
        path: [],
        whenArgument: { index: 0, equals: 'defaultScope' },
        byShape: true,
      },
    ],
    includeKey: 'include',
    perQueryAdvice:
      "`{{model}}.findAll({ include: [...] })` in the queries that need them, or a named scope (`{{model}}.scope('withX')`)",
    modelPlaceholder: 'Model',
  },
  transactions: [
    // Managed: `transaction(cb)` or `transaction(options, cb)`; `t.afterCommit(cb)` runs cb once committed.
    {
      kind: 'callback',
      callee: { instanceOf: 'Sequelize', method: 'transaction' },
      callback: 'any',
      handle: 0,
      afterCommit: ['afterCommit'],
      byShape: true,
    },
    // Unmanaged: `const t = await sequelize.transaction()` … `await t.commit()`.
    { kind: 'region', start: { instanceOf: 'Sequelize', method: 'transaction' }, handle: 'result', end: ['commit', 'rollback'], rollback: ['rollback'], byShape: true, managed: '`sequelize.transaction(async (t) => …)`, which commits when the callback resolves and rolls back when it throws' },
  ],
  schema: {
    changeCalls: sequelizeSchemaChanges,
    migrationAdvice: sequelizeMigrationAdvice,
    foreignKeys: {
      queryInterface: {
        createTable: ['createTable'],
        addColumn: ['addColumn'],
        addConstraint: ['addConstraint'],
        addIndex: ['addIndex'],
        referencesKey: 'references',
        fieldKey: 'field',
        indexedKeys: ['unique', 'primaryKey'],
        indexingConstraintTypes: ['unique', 'primary key'],
      },
      indexAdvice: "add `await queryInterface.addIndex('{{table}}', [{{columns}}])` to the migration",
    },
    columns: { attributes: sequelizeAttributeColumns },
    softDelete: sequelizeSoftDelete,
  },
  connections: {
    poolSize: [
      {
        callee: { export: ['Sequelize', 'default'], via: 'new' },
        options: 'last',
        sizePaths: [['pool', 'max']],
        noPoolWhen: { key: 'dialect', values: ['sqlite', 'sqlite3', 'better-sqlite3', 'sqljs', 'capacitor', 'cordova', 'expo', 'nativescript', 'react-native'] },
        defaultSize: '5',
        example: '`new Sequelize(url, { pool: { max: 20 } })`',
      },
    ],
    clients: [
      {
        callee: { export: ['Sequelize', 'default'], via: 'new' },
        declaredAs: 'Sequelize',
        what: 'a Sequelize instance with a connection pool of its own',
        share: 'Create the `Sequelize` instance once in a module of its own (models are defined on it there) and import it',
      },
    ],
  },
  activeRecord: sequelizeActiveRecord,
  transactionWork: sequelizeWork,
  writes: sequelizeWrites,
} satisfies LibraryKnowledge;
