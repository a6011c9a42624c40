/**
 * Facts shared by `sequelize` and `sequelize-typescript` (the same models, instance and options), written
 * once: how schema changes are made from code, what a write is, and how work joins a transaction.
 *
 * How Sequelize work joins a transaction: every query method takes `{ transaction: t }` in its options argument, and without it (and
 * without CLS) runs on another pooled connection. Plain data: positions are argument indexes.
 */
import type { SchemaChangeCallSpec, SoftDeleteKnowledge, SoftDeleteOptionSite } from './types-schema';
import type { TransactionWorkSpec } from './types-transaction-work';
import type { WriteSpec } from './types-writes';

export const sequelizeWork = {
  joinOption: {
    key: 'transaction',
    methods: {
      // sequelize.query(sql, options)
      query: 1,
      // queryInterface (reached as the companion of `queryInterface.sequelize`)
      createTable: 2,
      dropTable: 1,
      renameTable: 2,
      addColumn: 3,
      removeColumn: 2,
      changeColumn: 3,
      renameColumn: 3,
      // addIndex(table, attributes, options) or addIndex(table, options)
      addIndex: [2, 1],
      removeIndex: 2,
      addConstraint: 1,
      removeConstraint: 2,
      bulkInsert: 2,
      bulkUpdate: 3,
      bulkDelete: 2,
    },
  },
  models: {
    base: 'Model',
    methods: {
      findAll: 0,
      findOne: 0,
      findByPk: 1,
      findOrCreate: 0,
      findCreateFind: 0,
      findAndCountAll: 0,
      count: 0,
      max: 1,
      min: 1,
      sum: 1,
      create: 1,
      bulkCreate: 1,
      update: 1,
      destroy: 0,
      upsert: 1,
      increment: 1,
      decrement: 1,
      restore: 0,
      truncate: 0,
    },
    instanceMethods: { save: 0, update: 1, destroy: 0, reload: 0, increment: 1, decrement: 1, restore: 0 },
    joinsBy: 'option',
    byShape: true,
  },
  counterparts: ['sequelize'],
  implicitJoin: ['useCLS'],
  advice: 'pass the transaction in its options, `{ transaction: {{handle}} }` (or turn on CLS with `Sequelize.useCLS()`)',
} as const satisfies TransactionWorkSpec;

/** `sequelize.sync()`, `Model.sync()`, `sequelize.drop()` and the query interface's schema methods (no-schema-sync). */
export const sequelizeSchemaChanges = [
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
  ] as const satisfies readonly SchemaChangeCallSpec[];

export const sequelizeMigrationAdvice = 'write it as a migration (`sequelize-cli migration:generate`, or umzug) and run the migrations when you deploy';

/** What a write is (require-multi-write-transaction). */
export const sequelizeWrites = {
  sameDatabase: 'library',
  methods: ['create', 'bulkCreate', 'update', 'upsert', 'destroy', 'increment', 'decrement', 'restore', 'truncate', 'save'],
  sqlMethods: ['query'],
  wrapIn: '`sequelize.transaction(async (t) => …)`, passing `{ transaction: t }` to each call',
} as const satisfies WriteSpec;

/**
 * Paranoid models (prefer-soft-delete): with `paranoid: true` (and timestamps, on by default) `destroy()` only
 * sets `deletedAt`; `force: true` deletes the row. `truncate()` is `destroy({ truncate: true })`, soft the same way.
 */
export const paranoidOptions = {
  key: 'paranoid',
  offWhenFalse: ['timestamps', 'deletedAt'],
  deletedAtKey: 'deletedAt',
  tableNameKey: 'tableName',
  modelNameKey: 'modelName',
  freezeTableNameKey: 'freezeTableName',
  underscoredKey: 'underscored',
} as const;

export const sequelizeOptionSites = [
  { method: 'init', model: 'receiver', argument: 1, ...paranoidOptions },
  { method: 'define', model: 'result', argument: 2, nameArgument: 0, ...paranoidOptions },
] as const satisfies readonly SoftDeleteOptionSite[];

export const sequelizeSoftDelete = {
  marker: '`paranoid: true`',
  optionSites: sequelizeOptionSites,
  // Model.getTableName: `tableName`, else the model name pluralised (kept as is with `freezeTableName`).
  tableNaming: 'plural',
  deletedAtDefault: 'deletedAt',
  forceOption: { methods: ['destroy', 'truncate'], key: 'force', argument: 0 },
  whereKey: 'where',
  activeRecordBases: ['Model'],
  instanceMethods: ['findByPk', 'findOne', 'create', 'build', 'findOrFail'],
  advice: '`destroy()` without `force`, which sets `deletedAt` and keeps the row for `restore()`',
} as const satisfies SoftDeleteKnowledge;
