import rule from '../../../src/rules/no-eager-relations';
import { runRuleTests } from '../../helpers/rule-tester';

const data = (model: string) => ({
  orm: 'Sequelize',
  advice: `\`${model}.findAll({ include: [...] })\` in the queries that need them, or a named scope (\`${model}.scope('withX')\`)`,
});

runRuleTests('no-eager-relations: Sequelize', rule, {
  valid: [
    // Includes per query, and in named scopes, are the right pattern.
    {
      code: `
const { Model, DataTypes, Sequelize } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');
class Order extends Model {}
Order.init({ total: DataTypes.INTEGER }, { sequelize, scopes: { withCustomer: { include: ['customer'] } } });
Order.addScope('withItems', { include: ['items'] });
async function list() {
  return Order.findAll({ include: ['customer'], where: { paid: true } });
}
`,
      js: true,
    },
    // A default scope without associations.
    {
      code: `
import { Model, DataTypes, Sequelize } from 'sequelize';
const sequelize = new Sequelize('sqlite::memory:');
class Order extends Model {}
Order.init({}, { sequelize, defaultScope: { where: { deletedAt: null }, include: [] } });
sequelize.define('customer', {}, { defaultScope: { attributes: { exclude: ['password'] } } });
`,
      js: true,
    },
    // Not Sequelize: another library's Model and define().
    `
import { Model } from 'objection';
class Order extends Model {}
Order.init({}, { defaultScope: { include: ['customer'] } });
`,
    // A nested include in a per-query include is not a default scope.
    {
      code: `
const { Model } = require('sequelize');
class Order extends Model {}
Order.findOne({ include: [{ model: 'Customer', include: ['address'] }] });
`,
      js: true,
    },
    // The checker knows this define() belongs to something else: no guessing by shape.
    {
      code: `
const registry = { define(name: string, attrs: object, options: object) { return { name, attrs, options }; } };
registry.define('x', {}, { defaultScope: { include: ['y'] } });
`,
      mode: 'typed',
    },
  ],
  invalid: [
    {
      code: `
import { Sequelize, Model, DataTypes } from 'sequelize';
const sequelize = new Sequelize('sqlite::memory:');
class Order extends Model {}
Order.init({ id: DataTypes.INTEGER }, { sequelize, defaultScope: { include: [{ model: Customer }] } });
class Customer extends Model {}
`,
      js: true,
      errors: [{ messageId: 'defaultScopeInclude', data: data('Order'), line: 5, column: 68, endColumn: 98 }],
    },
    // sequelize.define on an instance made in this file, and addScope('defaultScope').
    {
      code: `
const Sequelize = require('sequelize');
const sequelize = new Sequelize(process.env.DATABASE_URL);
const Customer = sequelize.define('customer', { name: Sequelize.STRING }, { defaultScope: { include: ['orders'] } });
Customer.addScope('defaultScope', { include: ['orders'] }, { override: true });
`,
      js: true,
      errors: [
        { messageId: 'defaultScopeInclude', data: data('Customer'), line: 4, column: 93, endColumn: 112 },
        { messageId: 'defaultScopeInclude', data: data('Customer'), line: 5, column: 37, endColumn: 56 },
      ],
    },
    // class X extends Sequelize.Model
    {
      code: `
const Sequelize = require('sequelize');
class Order extends Sequelize.Model {}
Order.init({}, { sequelize: null, defaultScope: { include: { all: true } } });
`,
      js: true,
      errors: [{ messageId: 'defaultScopeInclude', data: data('Order'), line: 4, column: 51 }],
    },
    // The sequelize-cli model shape: the instance arrives as a parameter (tier 3, by shape).
    {
      code: `
module.exports = (sequelize, DataTypes) => {
  const User = sequelize.define('User', { email: DataTypes.STRING }, {
    defaultScope: { include: ['profile'] },
  });
  return User;
};
`,
      js: true,
      mode: 'untyped',
      errors: [{ messageId: 'defaultScopeInclude', data: data('User'), line: 4, column: 21 }],
    },
    // The instance comes from the user's ./db module: by shape untyped, by type with types.
    {
      code: `
import { sequelize } from './db';
export const Tag = sequelize.define('tag', {}, { defaultScope: { include: ['posts'] } });
`,
      errors: [{ messageId: 'defaultScopeInclude', data: data('Tag'), line: 3, column: 66 }],
    },
    {
      code: `
import { Order } from './models';
Order.addScope('defaultScope', { include: ['customer'] });
`,
      mode: 'untyped',
      errors: [{ messageId: 'defaultScopeInclude', data: data('Order'), line: 3, column: 34 }],
    },
  ],
});
