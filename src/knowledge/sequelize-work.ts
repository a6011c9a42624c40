/**
 * How Sequelize work joins a transaction, shared by `sequelize` and `sequelize-typescript` (same models,
 * same options): every query method takes `{ transaction: t }` in its options argument, and without it (and
 * without CLS) runs on another pooled connection. Plain data: positions are argument indexes.
 */
import type { TransactionWorkSpec } from './types-transaction-work';

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
