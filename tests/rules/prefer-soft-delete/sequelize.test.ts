// Sequelize: with `paranoid: true` (and timestamps, on by default) `destroy()` only sets `deletedAt`;
// `force: true` deletes the row. Models from `Model.init` and `sequelize.define`, static and instance destroys,
// `truncate({ force: true })`. Negatives: destroy without force, `force: false` or not a literal, models that are
// not paranoid (or turn it off with `timestamps: false`), purges by `deletedAt`, restore, look-alikes.
import rule from '../../../src/rules/prefer-soft-delete';
import { runRuleTests } from '../../helpers/rule-tester';

const models = `const { Sequelize, Model, DataTypes } = require('sequelize');
const sequelize = new Sequelize('postgres://localhost/app');
class User extends Model {}
User.init({ name: DataTypes.STRING }, { sequelize, paranoid: true });
const Post = sequelize.define('post', { title: DataTypes.STRING }, { paranoid: true, deletedAt: 'removed_at' });
const Tag = sequelize.define('tag', { name: DataTypes.STRING });
class Draft extends Model {}
Draft.init({}, { sequelize, paranoid: true, timestamps: false });
`;
const at = (line: number) => line + 9;

runRuleTests('prefer-soft-delete: Sequelize', rule, {
  valid: [
    {
      code: `${models}
async function f(id, force) {
  await User.destroy({ where: { id } });
  await User.destroy({ where: { id }, force: false });
  await User.destroy({ where: { id }, force });
  await User.restore({ where: { id } });
  await User.truncate();
  await Tag.destroy({ where: { id }, force: true });
  await Draft.destroy({ where: { id }, force: true });
  await Post.destroy({ where: { removed_at: { [Symbol.for('lt')]: new Date() } }, force: true });
  const post = await Post.findByPk(id);
  await post.destroy();
  await new Map().delete(id);
}
module.exports = { f };`,
      js: true,
    },
  ],
  invalid: [
    {
      code: `${models}
async function f(id) {
  await User.destroy({ where: { id }, force: true });
  const post = await Post.findByPk(id);
  await post.destroy({ force: true });
  await User.truncate({ force: true, cascade: true });
}
module.exports = { f };`,
      js: true,
      errors: [
        {
          messageId: 'forceDelete',
          line: at(2),
          column: 39,
          suggestions: [
            {
              messageId: 'dropForce',
              data: { method: 'destroy' },
              output: `${models}
async function f(id) {
  await User.destroy({ where: { id } });
  const post = await Post.findByPk(id);
  await post.destroy({ force: true });
  await User.truncate({ force: true, cascade: true });
}
module.exports = { f };`,
            },
          ],
        },
        {
          messageId: 'forceDelete',
          line: at(4),
          column: 24,
          suggestions: [
            {
              messageId: 'dropForce',
              output: `${models}
async function f(id) {
  await User.destroy({ where: { id }, force: true });
  const post = await Post.findByPk(id);
  await post.destroy({});
  await User.truncate({ force: true, cascade: true });
}
module.exports = { f };`,
            },
          ],
        },
        {
          messageId: 'forceDelete',
          line: at(5),
          column: 25,
          suggestions: [
            {
              messageId: 'dropForce',
              data: { method: 'truncate' },
              output: `${models}
async function f(id) {
  await User.destroy({ where: { id }, force: true });
  const post = await Post.findByPk(id);
  await post.destroy({ force: true });
  await User.truncate({ cascade: true });
}
module.exports = { f };`,
            },
          ],
        },
      ],
    },
  ],
});
