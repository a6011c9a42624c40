/**
 * Facts shared by `sequelize` and `sequelize-typescript` (the same models, instance and options), written
 * once: how schema changes are made from code, what a write is, and how work joins a transaction.
 *
 * How Sequelize work joins a transaction: every query method takes `{ transaction: t }` in its options argument, and without it (and
 * without CLS) runs on another pooled connection. Plain data: positions are argument indexes.
 */
import type { AttributeColumnKnowledge, ColumnTypeNames, DecoratorColumnKnowledge, SchemaChangeCallSpec, SoftDeleteKnowledge, SoftDeleteOptionSite } from './types-schema';
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
 * Sequelize data types whose size is left out: `STRING` is `VARCHAR(255)`, `CHAR` is `CHAR(255)`, `DECIMAL` and
 * `NUMERIC` take the database's precision. The size is the type's own arguments, `STRING(100)`, `DECIMAL(10, 2)`.
 */
const sequelizeTypes = {
  length: ['STRING', 'CHAR'],
  precision: ['DECIMAL', 'NUMERIC'],
  virtual: ['VIRTUAL'],
} as const satisfies ColumnTypeNames;

/** Keys of an attribute's options (require-explicit-column-type); the size is in the type, not in a key. */
const sequelizeKeys = { type: ['type'], length: [], nullable: 'allowNull' } as const;

/** `Model.init(attributes, options)` and `sequelize.define(name, attributes, options)` (require-explicit-column-type). */
export const sequelizeAttributeColumns = {
  sites: [
    { callee: { subclassOf: 'Model', method: 'init' }, argument: 0, path: [], byShape: true },
    { callee: { instanceOf: 'Sequelize', method: 'define' }, argument: 1, path: [], byShape: true },
  ],
  // sequelize-cli's models import nothing: `module.exports = (sequelize, DataTypes) => sequelize.define('User', { name: DataTypes.STRING })`.
  shape: { receiverEndsWith: ['sequelize'], optionsKey: 'sequelize', typeRoots: ['DataTypes', 'Sequelize', 'DataType'] },
  keys: sequelizeKeys,
  types: sequelizeTypes,
  exemptOptions: [{ key: 'primaryKey' }, { key: 'autoIncrement' }, { key: 'autoIncrementIdentity' }],
  // Filled by Sequelize when `timestamps` (and `paranoid`) are on.
  exemptAttributes: ['createdAt', 'updatedAt', 'deletedAt'],
  advice: '`{ type: DataTypes.STRING(100), allowNull: false }`',
} as const satisfies AttributeColumnKnowledge;

/** sequelize-typescript's `@Column`, `@Column(DataType.TEXT)`, `@Column({ type, allowNull })` (require-explicit-column-type). */
export const sequelizeDecoratorColumns = {
  columns: { export: ['Column'] },
  typeArgument: 'alone',
  keys: sequelizeKeys,
  types: sequelizeTypes,
  exemptOptions: [{ key: 'primaryKey' }, { key: 'autoIncrement' }, { key: 'autoIncrementIdentity' }],
  exemptDecorators: ['PrimaryKey', 'AutoIncrement', 'CreatedAt', 'UpdatedAt', 'DeletedAt', 'ForeignKey', 'BelongsTo', 'HasMany', 'HasOne', 'BelongsToMany'],
  nullableDecorators: ['AllowNull'],
  // Without a data type, sequelize-typescript reads the design type: `string` becomes `STRING`, i.e. VARCHAR(255).
  annotationNeedsLength: ['string'],
  advice: '`@Column({ type: DataType.STRING(100), allowNull: false })` (or `@AllowNull(false)`)',
} as const satisfies DecoratorColumnKnowledge;

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

/** Models extend `Model` (from `sequelize` or `sequelize-typescript`); these statics return one instance. */
export const sequelizeActiveRecord = { bases: ['Model'], finders: ['findByPk', 'findOne', 'create', 'build', 'findOrFail'] } as const;

export const sequelizeSoftDelete = {
  marker: '`paranoid: true`',
  optionSites: sequelizeOptionSites,
  // Model.getTableName: `tableName`, else the model name pluralised (kept as is with `freezeTableName`).
  tableNaming: 'plural',
  deletedAtDefault: 'deletedAt',
  forceOption: { methods: ['destroy', 'truncate'], key: 'force', argument: 0 },
  whereKey: 'where',
  advice: '`destroy()` without `force`, which sets `deletedAt` and keeps the row for `restore()`',
} as const satisfies SoftDeleteKnowledge;
