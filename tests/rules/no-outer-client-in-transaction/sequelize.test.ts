import rule from '../../../src/rules/no-outer-client-in-transaction';
import { runRuleTests } from '../../helpers/rule-tester';
import { outer } from './expect';

const models = `
import { Sequelize, Model, DataTypes } from 'sequelize';
const sequelize = new Sequelize('postgres://localhost/shop');
class Order extends Model {}
Order.init({ total: DataTypes.INTEGER }, { sequelize });
class Payment extends Model {}
Payment.init({ amount: DataTypes.INTEGER }, { sequelize });
`;

runRuleTests('no-outer-client-in-transaction: Sequelize', rule, {
  valid: [
    // Every call passes the transaction (shorthand too); reads before; a non-query method.
    {
      code: `${models}
export async function pay(orderId, amount) {
  const before = await Order.findByPk(orderId);
  await sequelize.transaction(async (transaction) => {
    const order = await Order.findByPk(orderId, { transaction, lock: transaction.LOCK.UPDATE });
    await Payment.create({ orderId, amount }, { transaction });
    await order.update({ paid: true }, { transaction });
    await sequelize.query('UPDATE stats SET paid = paid + 1', { transaction });
    const built = Payment.build({ amount });
    await built.save({ transaction });
  });
  return before;
}
`,
      js: true,
    },
    // CLS: every query joins the transaction on its own.
    `
import { Sequelize, Model } from 'sequelize';
import { createNamespace } from 'cls-hooked';
Sequelize.useCLS(createNamespace('tx'));
const sequelize = new Sequelize('sqlite::memory:');
class Invoice extends Model {}
export async function issue() {
  await sequelize.transaction(async () => {
    await Invoice.create({ total: 1 });
  });
}
`,
    // Globals with model-like method names are not models.
    {
      code: `
import { sequelize } from './db';
import { Order } from './models';
export async function cap(id, amounts) {
  await sequelize.transaction(async (t) => {
    const top = Math.max(...amounts);
    const copy = Object.create(null);
    await Order.update({ top, copy }, { where: { id }, transaction: t });
  });
}
`,
      js: true,
    },
    // Options passed in a variable: not guessed.
    `${models}
export async function cancel(id: number) {
  await sequelize.transaction(async (t) => {
    const options = { transaction: t, where: { id } };
    await Order.destroy(options);
  });
}
`,
    // A model-like class that is not a model, typed: the method is the user's own.
    {
      code: `
import { sequelize } from './db';
class Cache { static async update(_key: string, _value: unknown) {} }
export async function pay(id: number) {
  await sequelize.transaction(async (t) => {
    await sequelize.query('UPDATE orders SET paid = true WHERE id = ?', { replacements: [id], transaction: t });
    await Cache.update('orders', id);
  });
}
`,
      mode: 'typed',
    },
  ],
  invalid: [
    // The model call without the transaction, and one with \`transaction\` in the values (ignored there).
    {
      code: `${models}
export async function refund(orderId, amount) {
  await sequelize.transaction(async (t) => {
    await Order.update({ status: 'refunded' }, { where: { id: orderId }, transaction: t });
    await Payment.create({ orderId, amount: -amount });
    await Payment.create({ orderId, transaction: t }, { lock: t.LOCK.UPDATE });
  });
}
`,
      js: true,
      errors: [
        outer(12, 11, { call: 'Payment.create()', client: 'Payment', by: 'sequelize.transaction()', line: 10, library: 'sequelize', handle: 't' }),
        outer(13, 11, { call: 'Payment.create()', client: 'Payment', by: 'sequelize.transaction()', line: 10, library: 'sequelize', handle: 't' }),
      ],
    },
    // sequelize.query without it; an instance fetched in the transaction saved outside it.
    {
      code: `${models}
export async function settle(id) {
  await sequelize.transaction(async (t) => {
    const order = await Order.findByPk(id, { transaction: t });
    order.status = 'settled';
    await order.save();
    await sequelize.query('DELETE FROM holds WHERE order_id = ?', { replacements: [id] });
  });
}
`,
      errors: [
        outer(13, 11, { call: 'order.save()', client: 'order', by: 'sequelize.transaction()', line: 10, library: 'sequelize', handle: 't' }),
        outer(14, 11, { call: 'sequelize.query()', client: 'sequelize', by: 'sequelize.transaction()', line: 10, library: 'sequelize', handle: 't' }),
      ],
    },
    // A migration: queryInterface calls inside queryInterface.sequelize.transaction().
    {
      code: `
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.sequelize.transaction(async (t) => {
      await queryInterface.addColumn('users', 'nickname', { type: Sequelize.STRING }, { transaction: t });
      await queryInterface.addColumn('users', 'bio', { type: Sequelize.TEXT, transaction: t });
      await queryInterface.addIndex('users', ['nickname'], { transaction: t });
    });
  },
};
`,
      js: true,
      errors: [
        outer(6, 13, {
          call: 'queryInterface.addColumn()',
          client: 'queryInterface',
          by: 'queryInterface.sequelize.transaction()',
          line: 4,
          library: 'sequelize',
          handle: 't',
        }),
      ],
    },
    // Models from another file, the client from another file: the scope already passes \`transaction: t\`.
    {
      code: `
import { sequelize } from '../db';
import { Cart, CartItem } from '../models';
export async function checkout(cartId: number) {
  return sequelize.transaction(async (t) => {
    const cart = await Cart.findByPk(cartId, { transaction: t, include: [CartItem] });
    await CartItem.destroy({ where: { cartId } });
    return cart;
  });
}
`,
      errors: [outer(7, 11, { call: 'CartItem.destroy()', client: 'CartItem', by: 'sequelize.transaction()', line: 5, library: 'sequelize', handle: 't' })],
    },
  ],
});
