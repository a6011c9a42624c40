import rule from '../../../src/rules/no-io-in-transaction';
import { runRuleTests } from '../../helpers/rule-tester';
import { io } from './expect';

runRuleTests('no-io-in-transaction: sequelize-typescript', rule, {
  valid: [
    `
import { Sequelize } from 'sequelize-typescript';
import { Kafka } from 'kafkajs';
const sequelize = new Sequelize({ dialect: 'postgres', models: [] });
const producer = new Kafka({ clientId: 'shop', brokers: ['kafka:9092'] }).producer();
export async function ship(orderId: number) {
  await sequelize.transaction(async (t) => {
    await sequelize.query('UPDATE orders SET shipped = true WHERE id = :id', { replacements: { id: orderId }, transaction: t });
    t.afterCommit(() => producer.send({ topic: 'orders.shipped', messages: [{ value: String(orderId) }] }));
  });
}
`,
  ],
  invalid: [
    {
      code: `
import { Sequelize } from 'sequelize-typescript';
import { Kafka } from 'kafkajs';
const sequelize = new Sequelize({ dialect: 'postgres', models: [] });
const producer = new Kafka({ clientId: 'shop', brokers: ['kafka:9092'] }).producer();
export async function ship(orderId: number) {
  await sequelize.transaction(async (t) => {
    await sequelize.query('UPDATE orders SET shipped = true WHERE id = :id', { replacements: { id: orderId }, transaction: t });
    await producer.send({ topic: 'orders.shipped', messages: [{ value: String(orderId) }] });
  });
}
`,
      errors: [io(9, 11, 'producer.send()', 'kafkajs', { by: 'sequelize.transaction()', line: 7, afterCommit: 't.afterCommit(() => …)' })],
    },
  ],
});
