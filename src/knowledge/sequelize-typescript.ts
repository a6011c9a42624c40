import { paranoidOptions, sequelizeActiveRecord, sequelizeAttributeColumns, sequelizeDecoratorColumns, sequelizeMigrationAdvice, sequelizeOptionSites, sequelizeSchemaChanges, sequelizeSoftDelete, sequelizeWork, sequelizeWrites } from './sequelize-work';
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
    changeCalls: sequelizeSchemaChanges,
    migrationAdvice: sequelizeMigrationAdvice,
    columns: { decorators: sequelizeDecoratorColumns, attributes: sequelizeAttributeColumns },
    softDelete: {
      ...sequelizeSoftDelete,
      // `@DeletedAt` sets `paranoid: true` itself; `@Table({ paranoid: true })` says it on the class.
      marker: '`paranoid: true` (or `@DeletedAt`)',
      columnDecorators: ['DeletedAt'],
      optionSites: [{ decorator: 'Table', argument: 0, ...paranoidOptions }, ...sequelizeOptionSites],
    },
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
  activeRecord: sequelizeActiveRecord,
  transactionWork: sequelizeWork,
  writes: sequelizeWrites,
} satisfies LibraryKnowledge;
