import rule from '../../../src/rules/require-fk-index';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests('require-fk-index: Sequelize migrations', rule, {
  valid: [
    {
      code: `
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('orders', {
      id: { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: true },
      customerId: { type: Sequelize.INTEGER, references: { model: 'customers', key: 'id' }, onDelete: 'CASCADE' },
      couponId: { type: Sequelize.INTEGER, unique: true, references: { model: 'coupons', key: 'id' } },
      shopId: { type: Sequelize.INTEGER, field: 'shop_id', references: { model: 'shops', key: 'id' } },
    });
    await queryInterface.addIndex('orders', ['customerId']);
    await queryInterface.addIndex('orders', { fields: ['shop_id', 'createdAt'] });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('orders');
  },
};
`,
      js: true,
    },
    // A foreign-key constraint and a unique constraint on the same column.
    {
      code: `
module.exports = {
  up: async (queryInterface) => {
    await queryInterface.addConstraint('payments', { fields: ['orderId'], type: 'foreign key', references: { table: 'orders', field: 'id' } });
    await queryInterface.addConstraint('payments', { fields: ['orderId'], type: 'unique', name: 'payments_order_unique' });
  },
};
`,
      js: true,
    },
    // \`references\` in a model definition is not a migration (no-schema-sync's concern), nor a look-alike option bag.
    {
      code: `
const { DataTypes } = require('sequelize');
module.exports = (sequelize) =>
  sequelize.define('order', { customerId: { type: DataTypes.INTEGER, references: { model: 'customers', key: 'id' } } });
const bibliography = { references: { style: 'apa' } };
module.exports.bibliography = bibliography;
`,
      js: true,
    },
  ],
  invalid: [
    {
      code: `
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('orders', {
      id: { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: true },
      customerId: {
        type: Sequelize.INTEGER,
        references: { model: 'customers', key: 'id' },
      },
    });
    await queryInterface.addColumn('orders', 'shop_id', { type: Sequelize.INTEGER, references: { model: 'shops', key: 'id' } });
    await queryInterface.addIndex('orders', ['customerId'], { where: { deletedAt: null } });
  },
};
`,
      js: true,
      errors: [
        {
          messageId: 'missingIndex',
          line: 8,
          column: 9,
          data: { key: 'orders.customerId', plural: '', table: 'orders', advice: "add `await queryInterface.addIndex('orders', ['customerId'])` to the migration" },
        },
        { messageId: 'missingIndex', line: 11, column: 84 },
      ],
    },
    {
      code: `
import type { QueryInterface } from 'sequelize';
export async function up({ context: queryInterface }: { context: QueryInterface }) {
  await queryInterface.addConstraint('payments', {
    fields: ['order_id'],
    type: 'foreign key',
    references: { table: 'orders', field: 'id' },
  });
}
`,
      errors: [{ messageId: 'missingIndex', line: 7, column: 5 }],
    },
  ],
});
