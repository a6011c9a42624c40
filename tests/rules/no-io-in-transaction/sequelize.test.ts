import rule from '../../../src/rules/no-io-in-transaction';
import { runRuleTests } from '../../helpers/rule-tester';
import { io } from './expect';

runRuleTests('no-io-in-transaction: Sequelize', rule, {
  valid: [
    // `t.afterCommit(() => …)`: the right place for I/O that must follow the write.
    `
import { Sequelize } from 'sequelize';
import axios from 'axios';
const sequelize = new Sequelize('postgres://localhost/shop');
export async function pay(orderId: number) {
  await sequelize.transaction(async (t) => {
    await sequelize.query('UPDATE orders SET paid = true WHERE id = ?', { replacements: [orderId], transaction: t });
    t.afterCommit(async () => {
      await axios.post('https://hooks.example.com/paid', { orderId });
    });
  });
}
`,
    // Unmanaged: I/O only after commit and after rollback.
    {
      code: `
const { Sequelize } = require('sequelize');
const nodemailer = require('nodemailer');
const sequelize = new Sequelize(process.env.DATABASE_URL);
const mailer = nodemailer.createTransport({ host: 'smtp.example.com' });
async function cancel(Order, id) {
  const t = await sequelize.transaction();
  try {
    await Order.update({ status: 'cancelled' }, { where: { id }, transaction: t });
    await t.commit();
  } catch (err) {
    await t.rollback();
    await mailer.sendMail({ to: 'ops@example.com', subject: 'cancel failed', text: String(err) });
    throw err;
  }
  await mailer.sendMail({ to: 'customer@example.com', subject: 'Cancelled' });
}
module.exports = { cancel };
`,
      js: true,
    },
    // CLS-managed: no handle parameter, database work only.
    `
import { sequelize } from './db';
import { Order, Line } from './models';
export async function duplicate(id: number) {
  return sequelize.transaction(async () => {
    const order = await Order.findByPk(id, { include: [Line] });
    const copy = await Order.create({ customerId: order!.customerId });
    await Line.bulkCreate(order!.lines.map((line) => ({ ...line.toJSON(), id: undefined, orderId: copy.id })));
    return copy;
  });
}
`,
  ],
  invalid: [
    {
      code: `
import { Sequelize } from 'sequelize';
import axios from 'axios';
const sequelize = new Sequelize('postgres://localhost/shop');
export async function pay(orderId: number) {
  await sequelize.transaction(async (t) => {
    await sequelize.query('UPDATE orders SET paid = true WHERE id = ?', { replacements: [orderId], transaction: t });
    await axios.post('https://ledger.example.com/entries', { orderId });
    t.afterCommit(async () => {
      await axios.post('https://hooks.example.com/paid', { orderId });
    });
  });
}
`,
      errors: [io(8, 11, 'axios.post()', 'axios', { by: 'sequelize.transaction()', line: 6, afterCommit: 't.afterCommit(() => …)' })],
    },
    // Options first, then the callback; CommonJS.
    {
      code: `
const { Sequelize } = require('sequelize');
const sgMail = require('@sendgrid/mail');
const sequelize = new Sequelize(process.env.DATABASE_URL);
async function signUp(User, email) {
  return sequelize.transaction({ isolationLevel: Sequelize.Transaction.ISOLATION_LEVELS.SERIALIZABLE }, async (transaction) => {
    const user = await User.create({ email }, { transaction });
    await sgMail.send({ to: email, from: 'hello@example.com', subject: 'Welcome' });
    return user;
  });
}
module.exports = { signUp };
`,
      js: true,
      errors: [
        io(8, 11, 'sgMail.send()', 'sendgrid', {
          by: 'sequelize.transaction()',
          line: 6,
          afterCommit: 'transaction.afterCommit(() => …)',
        }),
      ],
    },
    // Unmanaged, with the instance from another file: by shape (transaction() … t.commit()).
    {
      code: `
import { sequelize } from './db';
import { Order } from './models';
import { writeFile } from 'node:fs/promises';
export async function exportOrders() {
  const t = await sequelize.transaction();
  try {
    const orders = await Order.findAll({ transaction: t, lock: true });
    await writeFile('/exports/orders.json', JSON.stringify(orders));
    await Order.update({ exported: true }, { where: {}, transaction: t });
    await t.commit();
    await writeFile('/exports/done', '');
  } catch (error) {
    await t.rollback();
    throw error;
  }
}
`,
      errors: [io(9, 11, 'writeFile()', 'node-fs', { by: 'sequelize.transaction()', line: 6 })],
    },
  ],
});
