import rule from '../../../src/rules/require-explicit-column-type';
import { runRuleTests } from '../../helpers/rule-tester';

const ADVICE = '`{ type: DataTypes.STRING(100), allowNull: false }`';
const missing = (line: number, column: number, name: string, parts: string) => ({
  messageId: 'implicitColumn' as const,
  line,
  column,
  data: { column: name, missing: parts, library: 'Sequelize', advice: ADVICE },
});

runRuleTests('require-explicit-column-type: Sequelize', rule, {
  valid: [
    {
      code: `
import { DataTypes, Model, Sequelize } from 'sequelize';
const sequelize = new Sequelize(process.env.DATABASE_URL);

export class Order extends Model {}
Order.init(
  {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
    reference: { type: DataTypes.STRING(40), allowNull: false, unique: true },
    note: { type: DataTypes.TEXT, allowNull: true },
    total: { type: DataTypes.DECIMAL(12, 2), allowNull: false },
    rate: { type: new DataTypes.DECIMAL(5, 4), allowNull: false },
    code: { type: DataTypes.CHAR(3).BINARY, allowNull: false },
    status: { type: DataTypes.ENUM('pending', 'paid'), allowNull: false, defaultValue: 'pending' },
    externalId: { type: DataTypes.UUID, allowNull: false, defaultValue: DataTypes.UUIDV4 },
    tags: { type: DataTypes.ARRAY(DataTypes.STRING(20)), allowNull: true },
    fullName: { type: DataTypes.VIRTUAL, get() { return 'x'; } },
    createdAt: DataTypes.DATE,
    ...extraColumns,
  },
  { sequelize, tableName: 'orders' },
);
`,
      js: true,
    },
    // An object of DataTypes that is not handed to a model.
    {
      code: `
const { DataTypes } = require('sequelize');
const columnTypes = { name: DataTypes.STRING, age: DataTypes.INTEGER };
module.exports = { columnTypes };
`,
      js: true,
    },
    // A \`define\` of something else.
    {
      code: `
const { DataTypes } = require('sequelize');
const registry = require('./registry');
registry.define('user', { name: DataTypes.STRING });
`,
      js: true,
    },
    // Options held in a variable, and an attribute built by a helper: not read.
    {
      code: `
import { Model, DataTypes } from 'sequelize';
import { sequelize } from './db';
import { moneyColumn } from './columns';
export class Invoice extends Model {}
Invoice.init({ amount: moneyColumn(), currency: sharedCurrency }, { sequelize });
`,
    },
  ],
  invalid: [
    {
      code: `
import { DataTypes, Model } from 'sequelize';
import { sequelize } from './db';

export class Customer extends Model {}
Customer.init(
  {
    name: DataTypes.STRING,
    email: { type: DataTypes.STRING, allowNull: false },
    bio: DataTypes.TEXT,
    credit: { type: DataTypes.DECIMAL, allowNull: false },
    country: { type: DataTypes.CHAR(2) },
    age: { allowNull: true },
  },
  { sequelize, modelName: 'customer' },
);
`,
      js: true,
      errors: [
        missing(8, 5, 'name', 'length and nullability'),
        missing(9, 5, 'email', 'length'),
        missing(10, 5, 'bio', 'nullability'),
        missing(11, 5, 'credit', 'precision and scale'),
        missing(12, 5, 'country', 'nullability'),
        missing(13, 5, 'age', 'type'),
      ],
    },
    // \`sequelize.define\` on an instance made in the file.
    {
      code: `
const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');
const Product = sequelize.define('Product', {
  sku: { type: DataTypes.STRING(20), allowNull: false },
  title: Sequelize.STRING,
  price: Sequelize.DECIMAL(10, 2),
});
module.exports = Product;
`,
      js: true,
      errors: [missing(6, 3, 'title', 'length and nullability'), missing(7, 3, 'price', 'nullability')],
    },
    // sequelize-cli's generated model imports nothing: \`define\` on the \`sequelize\` parameter with types from \`DataTypes\`.
    {
      code: `
'use strict';
module.exports = (sequelize, DataTypes) => {
  const User = sequelize.define('User', {
    firstName: DataTypes.STRING,
    lastName: { type: DataTypes.STRING(80), allowNull: false },
    isAdmin: DataTypes.BOOLEAN,
  }, {});
  return User;
};
`,
      js: true,
      errors: [missing(5, 5, 'firstName', 'length and nullability'), missing(7, 5, 'isAdmin', 'nullability')],
    },
    // \`init\` on a model class from another file, with the instance in its options.
    {
      code: `
const { DataTypes } = require('sequelize');
const { BaseModel } = require('./base');
const { sequelize } = require('./db');
class Session extends BaseModel {}
Session.init({ token: { type: DataTypes.STRING, allowNull: false } }, { sequelize });
`,
      js: true,
      errors: [missing(6, 16, 'token', 'length')],
    },
  ],
});
