import rule from '../../../src/rules/no-schema-sync';
import { runRuleTests } from '../../helpers/rule-tester';
import { cases } from './expect';

const force = 'drops every table and re-creates it (`force`): all their rows are lost';
const alter = 'alters the tables to match the models (`alter`): a renamed attribute becomes a dropped column and its data is lost';

runRuleTests('no-schema-sync: Sequelize and sequelize-typescript', rule, {
  valid: [
    // Authenticating and querying: no schema change.
    {
      code: `
const { Sequelize } = require('sequelize');
const sequelize = new Sequelize(process.env.DATABASE_URL);
async function start() {
  await sequelize.authenticate();
  return sequelize.models.User.findAll();
}
module.exports = { start };
`,
      js: true,
    },
    // Look-alikes: a file sync, a CRDT document, a store's sync, all named \`sync\`.
    {
      code: `
import { syncDirectories } from './files';
import * as Y from 'yjs';
const doc = new Y.Doc();
export async function tick(store: { sync(): Promise<void> }, mirror: { sync(opts: object): void }) {
  await store.sync();
  mirror.sync({ recursive: true });
  doc.sync?.();
  await syncDirectories('a', 'b');
}
`,
    },
    // \`fs\`'s own synchronous calls.
    {
      code: `
import fs from 'node:fs';
export const read = () => fs.fsyncSync(3);
`,
      js: true,
    },
    // \`sync({ force })\` from an unknown receiver needs a force/alter option; a store's \`sync({ force: true })\` typed as such stays quiet.
    {
      code: `
interface Replica { sync(options: { force: boolean }): Promise<void> }
export const refresh = (replica: Replica) => replica.sync({ force: true });
`,
      mode: 'typed',
    },
  ],
  invalid: cases([
    {
      code: `
import { Sequelize, DataTypes } from 'sequelize';
const sequelize = new Sequelize(process.env.DATABASE_URL);
export const User = sequelize.define('user', { email: DataTypes.STRING });
export async function start() {
  await sequelize.sync();
  await sequelize.sync({ alter: true });
  await User.sync({ force: true });
}
`,
      js: true,
      errors: [
        { messageId: 'schemaCall', line: 6, column: 19 },
        { messageId: 'schemaCall', line: 7, column: 19, data: { call: 'sequelize.sync()', effect: alter, advice: 'write it as a migration (`sequelize-cli migration:generate`, or umzug) and run the migrations when you deploy' } },
        { messageId: 'schemaCall', line: 8, column: 14, data: { call: 'User.sync()', effect: force, advice: 'write it as a migration (`sequelize-cli migration:generate`, or umzug) and run the migrations when you deploy' } },
      ],
    },
    // A model class, and the query interface used outside a migration.
    {
      code: `
import { Model, Sequelize } from 'sequelize';
const sequelize = new Sequelize('sqlite::memory:');
class Order extends Model {}
export async function reset() {
  await Order.sync({ force: process.env.NODE_ENV === 'test' });
  await sequelize.getQueryInterface().addColumn('orders', 'note', { type: 'TEXT' });
  await sequelize.drop();
}
`,
      js: true,
      errors: [
        { messageId: 'schemaCall', line: 6, column: 15 },
        { messageId: 'schemaCall', line: 7, column: 39 },
        { messageId: 'schemaCall', line: 8, column: 19 },
      ],
    },
    // The instance came from another file: \`sequelize\` by name, \`sync({ alter })\` by its options.
    {
      code: `
import { sequelize } from './db';
import { Invoice } from './models';
export async function migrate() {
  await sequelize.sync();
  await Invoice.sync({ alter: true });
}
`,
      js: true,
      errors: [
        { messageId: 'schemaCall', line: 5, column: 19 },
        { messageId: 'schemaCall', line: 6, column: 17 },
      ],
    },
    // sequelize-typescript.
    {
      code: `
import { Sequelize, Model, Table, Column } from 'sequelize-typescript';
@Table
class Product extends Model {
  @Column name!: string;
}
const sequelize = new Sequelize({ dialect: 'postgres', models: [Product] });
export const boot = async () => {
  await sequelize.sync({ force: true });
  await Product.sync();
};
`,
      errors: [
        { messageId: 'schemaCall', line: 9, column: 19, data: { call: 'sequelize.sync()', effect: force, advice: 'write it as a migration (`sequelize-cli migration:generate`, or umzug) and run the migrations when you deploy' } },
        { messageId: 'schemaCall', line: 10, column: 17 },
      ],
    },
    // Typed: a Sequelize instance under another name, from another module.
    {
      code: `
import { sequelize as database } from './io-db';
export const boot = () => database.sync();
`,
      mode: 'typed',
      errors: [{ messageId: 'schemaCall', line: 3, column: 36 }],
    },
  ]),
});
