import { sequelizeWork } from './sequelize-work';
import type { LibraryKnowledge } from './types';

export default {
  id: 'sequelize-typescript',
  name: 'sequelize-typescript',
  modules: ['sequelize-typescript'],
  packages: ['sequelize-typescript'],
  docs: 'https://github.com/sequelize/sequelize-typescript#scopes',
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
    ],
    escapes: [{ callee: { instanceOf: 'Sequelize', method: 'escape' } }],
  },
  factories: [
    { export: 'Sequelize', via: 'new', creates: 'Sequelize' },
    { subclassOf: 'Model', property: 'sequelize', creates: 'Sequelize' },
    { instanceOf: 'Sequelize', method: 'getQueryInterface', creates: 'QueryInterface' },
  ],
  instanceTypes: { Sequelize: 'Sequelize' },
  eagerLoading: {
    defaultScope: [
      { callee: { export: 'DefaultScope' }, argument: 0, path: [] },
      { callee: { export: 'Table' }, argument: 0, path: ['defaultScope'] },
      { callee: { subclassOf: 'Model', method: 'init' }, argument: 1, path: ['defaultScope'] },
      { callee: { subclassOf: 'Model', method: 'addScope' }, argument: 1, path: [], whenArgument: { index: 0, equals: 'defaultScope' } },
      { callee: { instanceOf: 'Sequelize', method: 'define' }, argument: 2, path: ['defaultScope'] },
    ],
    includeKey: 'include',
    perQueryAdvice:
      '`{{model}}.findAll({ include: [...] })` in the queries that need them, or a named scope (`@Scopes(() => ({ withX: { include } }))`)',
    modelPlaceholder: 'Model',
  },
  transactions: [
    {
      kind: 'callback',
      callee: { instanceOf: 'Sequelize', method: 'transaction' },
      callback: 'any',
      handle: 0,
      afterCommit: ['afterCommit'],
      byShape: true,
    },
    { kind: 'region', start: { instanceOf: 'Sequelize', method: 'transaction' }, handle: 'result', end: ['commit', 'rollback'], rollback: ['rollback'], byShape: true, managed: '`sequelize.transaction(async (t) => …)`, which commits when the callback resolves and rolls back when it throws' },
  ],
  schema: {
    changeCalls: [
      {
        callee: { instanceOf: 'Sequelize', method: 'sync' },
        effect: 'creates every table missing from the models at start-up but never alters one that exists, so each environment\'s schema drifts from the models with no record of the difference',
        optionsArgument: 0,
        optionEffects: {
          force: 'drops every table and re-creates it (`force`): all their rows are lost',
          alter: 'alters the tables to match the models (`alter`): a renamed attribute becomes a dropped column and its data is lost',
        },
        byShape: [{ receiverEndsWith: ['sequelize'] }, { optionKey: ['force', 'alter'] }],
      },
      {
        callee: { subclassOf: 'Model', method: 'sync' },
        effect: 'creates the model\'s table when it is missing but never alters it, so each environment\'s table drifts from the model',
        optionsArgument: 0,
        optionEffects: {
          force: 'drops every table and re-creates it (`force`): all their rows are lost',
          alter: 'alters the tables to match the models (`alter`): a renamed attribute becomes a dropped column and its data is lost',
        },
        byShape: [{ optionKey: ['force', 'alter'] }],
      },
      {
        callee: { instanceOf: 'Sequelize', method: 'drop' },
        effect: 'drops every table of the models, with all their rows',
        byShape: [{ receiverEndsWith: ['sequelize'] }],
      },
      {
        callee: {
          instanceOf: 'QueryInterface',
          method: [
            'createTable', 'dropTable', 'dropAllTables', 'renameTable', 'addColumn', 'removeColumn', 'changeColumn', 'renameColumn',
            'addIndex', 'removeIndex', 'addConstraint', 'removeConstraint', 'createSchema', 'dropSchema',
          ],
        },
        effect: 'changes the schema with the query interface, which migrations use',
      },
    ],
    migrationAdvice: 'write it as a migration (`sequelize-cli migration:generate`, or umzug) and run the migrations when you deploy',
  },
  connections: {
    poolSize: [
      {
        callee: { export: 'Sequelize', via: 'new' },
        options: 'last',
        sizePaths: [['pool', 'max']],
        noPoolWhen: { key: 'dialect', values: ['sqlite', 'sqlite3', 'better-sqlite3', 'sqljs', 'capacitor', 'cordova', 'expo', 'nativescript', 'react-native'] },
        defaultSize: '5',
        example: '`new Sequelize({ …, pool: { max: 20 } })`',
      },
    ],
    clients: [
      {
        callee: { export: 'Sequelize', via: 'new' },
        what: 'a Sequelize instance with a connection pool of its own',
        share: 'Create the `Sequelize` instance once in a module of its own (models are added to it there) and import it',
      },
    ],
  },
  transactionWork: sequelizeWork,
  writes: {
    sameDatabase: 'library',
    methods: ['create', 'bulkCreate', 'update', 'upsert', 'destroy', 'increment', 'decrement', 'restore', 'truncate', 'save'],
    sqlMethods: ['query'],
    wrapIn: '`sequelize.transaction(async (t) => …)`, passing `{ transaction: t }` to each call',
  },
} satisfies LibraryKnowledge;
