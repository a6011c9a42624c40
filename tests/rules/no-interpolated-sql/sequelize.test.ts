import rule from '../../../src/rules/no-interpolated-sql';
import { runRuleTests } from '../../helpers/rule-tester';

const header = `import { Sequelize, Model, QueryTypes, Op, literal } from 'sequelize';
const sequelize = new Sequelize(process.env.DATABASE_URL!);
class User extends Model {}
`;

const replacements = (receiver: string): string =>
  `pass values as \`${receiver}.query(sql, { replacements: [value] })\` with \`?\` (or \`bind\` with \`$1\`)`;
const literalAdvice =
  '`literal()` inlines its text unescaped: keep it to constant SQL, and pass values through `replacements`, a `where` object or `sequelize.escape()`';

runRuleTests('no-interpolated-sql: Sequelize', rule, {
  valid: [
    // A parameter declared `number` carries no text that can inject, with or without type information.
    `${header}export const byId = (id: number) => sequelize.query(\`SELECT * FROM users WHERE id = \${id}\`);`,
    // replacements (positional and named) and bind (positional and named).
    `${header}export async function find(email: string) {
  await sequelize.query('SELECT * FROM users WHERE email = ?', { replacements: [email], type: QueryTypes.SELECT });
  await sequelize.query('SELECT * FROM users WHERE email = :email', { replacements: { email }, type: QueryTypes.SELECT });
  await sequelize.query('SELECT * FROM users WHERE email = $1', { bind: [email] });
  await sequelize.query('UPDATE users SET last_seen = NOW() WHERE email = $email', { bind: { email }, type: QueryTypes.UPDATE });
  await User.sequelize!.query('DELETE FROM sessions WHERE email = ?', { replacements: [email] });
}`,
    // sequelize.escape() quotes a value; constant literals; fn/col/where objects bind or quote.
    `${header}export async function find(email: string, req: { query: { q: string } }) {
  await sequelize.query(\`SELECT * FROM users WHERE email = \${sequelize.escape(email)}\`);
  await User.findAll({ where: Sequelize.literal(\`email = \${sequelize.escape(email)}\`) });
  await User.findAll({ where: { createdAt: { [Op.lt]: Sequelize.literal('NOW()') } } });
  await User.findAll({ order: [[literal('created_at'), 'DESC']], attributes: { include: [[sequelize.literal('CURRENT_TIMESTAMP'), 'now']] } });
  await User.findAll({ where: { email, name: { [Op.iLike]: \`%\${req.query.q}%\` } } });
  await User.findAll({ where: Sequelize.where(Sequelize.fn('lower', Sequelize.col('email')), email.toLowerCase()) });
}`,
    // Holes that carry no outside data: constants, an allow-list, a choice between constants.
    `${header}const TABLE = 'users';
const SORTABLE = { newest: 'created_at DESC', name: 'last_name ASC' } as const;
export async function list(req: { query: { sort: 'newest' | 'name' } }, desc: boolean) {
  await sequelize.query(\`SELECT * FROM \${TABLE} ORDER BY \${SORTABLE[req.query.sort]}\`, { type: QueryTypes.SELECT });
  await User.findAll({ order: Sequelize.literal(\`last_name \${desc ? 'DESC' : 'ASC'}\`) });
  await User.findAll({ order: literal(SORTABLE[req.query.sort]) });
}`,
    // A placeholder list built from the values, bound through replacements.
    `${header}export const byIds = (ids: string[]) =>
  sequelize.query(\`SELECT * FROM users WHERE id IN (\${ids.map(() => '?').join(', ')})\`, { replacements: ids, type: QueryTypes.SELECT });`,
    // The whole text from elsewhere: a file the team wrote, or the caller (a wrapper).
    `${header}import { readFileSync } from 'node:fs';
const report = readFileSync('reports/monthly.sql', 'utf8');
export const monthly = () => sequelize.query(report, { type: QueryTypes.SELECT });
export const run = (sql: string, values: unknown[]) => sequelize.query(sql, { replacements: values });
run('SELECT 1', []);`,
    // Look-alikes: zod's literal(), a GraphQL client's query(), an ORM-less Model.
    `import { z } from 'zod';
import { apollo } from './apollo';
export async function look(role: string, email: string) {
  const Role = z.literal(role);
  await apollo.query({ query: 'query { user(email: $email) { id } }', variables: { email } });
  return Role;
}`,
    // A number cannot inject: typed mode knows its type.
    {
      code: `${header}export const byId = (id: number) => sequelize.query(\`SELECT * FROM users WHERE id = \${id}\`, { type: QueryTypes.SELECT });`,
      mode: 'typed',
    },
  ],
  invalid: [
    {
      code: `${header}export async function find(email: string, status: string) {
  await sequelize.query(\`SELECT * FROM users WHERE email = '\${email}'\`);
  await sequelize.query('UPDATE users SET status = ' + status);
}`,
      errors: [
        {
          messageId: 'interpolated',
          line: 5,
          column: 25,
          data: { sink: 'sequelize.query', hole: 'email', line: '5', safeForm: replacements('sequelize') },
          suggestions: [
            {
              messageId: 'parameterize',
              output: `${header}export async function find(email: string, status: string) {
  await sequelize.query('SELECT * FROM users WHERE email = ?', { replacements: [email] });
  await sequelize.query('UPDATE users SET status = ' + status);
}`,
            },
          ],
        },
        {
          messageId: 'interpolated',
          line: 6,
          column: 25,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `${header}export async function find(email: string, status: string) {
  await sequelize.query(\`SELECT * FROM users WHERE email = '\${email}'\`);
  await sequelize.query('UPDATE users SET status = ?', { replacements: [status] });
}`,
            },
          ],
        },
      ],
    },
    // The model's sequelize instance (non-null and optional chaining), and an interval whose quotes
    // hold more than the value: replacements are escaped into the text, so the whole literal is bound.
    {
      code: `${header}export async function purge(email: string, days: string) {
  await User.sequelize!.query(\`DELETE FROM users WHERE email = '\${email}'\`);
  await User.sequelize?.query(\`DELETE FROM sessions WHERE created_at < NOW() - INTERVAL '\${days} days'\`);
}`,
      errors: [
        {
          messageId: 'interpolated',
          line: 5,
          column: 31,
          data: { sink: 'User.sequelize!.query', hole: 'email', line: '5', safeForm: replacements('User.sequelize!') },
          suggestions: [
            {
              messageId: 'parameterize',
              output: `${header}export async function purge(email: string, days: string) {
  await User.sequelize!.query('DELETE FROM users WHERE email = ?', { replacements: [email] });
  await User.sequelize?.query(\`DELETE FROM sessions WHERE created_at < NOW() - INTERVAL '\${days} days'\`);
}`,
            },
          ],
        },
        {
          messageId: 'interpolated',
          line: 6,
          column: 31,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `${header}export async function purge(email: string, days: string) {
  await User.sequelize!.query(\`DELETE FROM users WHERE email = '\${email}'\`);
  await User.sequelize?.query('DELETE FROM sessions WHERE created_at < NOW() - INTERVAL ?', { replacements: [\`\${days} days\`] });
}`,
            },
          ],
        },
      ],
    },
    // literal() is a raw helper: reported spliced or passed whole, from every spelling, and never rewritten.
    {
      code: `${header}export async function list(email: string, req: { query: { sort: string } }) {
  await User.findAll({ where: Sequelize.literal(\`email = '\${email}'\`) });
  await User.findAll({ order: literal(req.query.sort) });
  await User.findAll({ order: sequelize.literal(\`\${req.query.sort} DESC\`) });
  await User.findAll({
    attributes: { include: [[Sequelize.literal(\`(SELECT COUNT(*) FROM posts WHERE posts.author = '\${email}')\`), 'postCount']] },
  });
}`,
      errors: [
        {
          messageId: 'rawHelper',
          line: 5,
          column: 49,
          data: { sink: 'Sequelize.literal', hole: 'email', line: '5', safeForm: literalAdvice },
          suggestions: [],
        },
        {
          messageId: 'rawHelper',
          line: 6,
          column: 39,
          data: { sink: 'literal', hole: 'req.query.sort', line: '6', safeForm: literalAdvice },
          suggestions: [],
        },
        { messageId: 'rawHelper', line: 7, column: 49, data: { sink: 'sequelize.literal', hole: 'req.query.sort', line: '7', safeForm: literalAdvice }, suggestions: [] },
        { messageId: 'rawHelper', line: 9, column: 48, suggestions: [] },
      ],
    },
    // Built lines earlier with `+=`, returned by a same-file helper, or spliced where a name goes: no rewrite.
    {
      code: `${header}function byEmailSql(email: string) {
  return \`SELECT * FROM users WHERE email = '\${email}'\`;
}
export async function list(req: { query: { status?: string; table: string } }, email: string) {
  let sql = 'SELECT * FROM users WHERE 1 = 1';
  if (req.query.status) sql += \` AND status = '\${req.query.status}'\`;
  await sequelize.query(sql, { type: QueryTypes.SELECT });
  await sequelize.query(byEmailSql(email));
  await sequelize.query(\`SELECT * FROM \${req.query.table}\`);
}`,
      errors: [
        {
          messageId: 'interpolated',
          line: 10,
          column: 25,
          data: { sink: 'sequelize.query', hole: 'req.query.status', line: '9', safeForm: replacements('sequelize') },
          suggestions: [],
        },
        {
          messageId: 'interpolated',
          line: 11,
          column: 25,
          data: { sink: 'sequelize.query', hole: 'byEmailSql(email)', line: '11', safeForm: replacements('sequelize') },
          suggestions: [],
        },
        { messageId: 'interpolatedIdentifier', line: 12, column: 25, data: { sink: 'sequelize.query', hole: 'req.query.table', line: '12' }, suggestions: [] },
      ],
    },
    // Reported whatever the options say. Suggestions are left unasserted here: with an options object
    // already there, merging `replacements` into it would be the mechanical rewrite.
    {
      code: `${header}export const purge = (email: string) =>
  sequelize.transaction(async (t) => {
    await sequelize.query(\`DELETE FROM carts WHERE email = '\${email}'\`, { transaction: t });
    return sequelize.query(\`SELECT * FROM users WHERE email = '\${email}'\`, { type: QueryTypes.SELECT, transaction: t });
  });`,
      errors: [
        { messageId: 'interpolated', line: 6, column: 27 },
        { messageId: 'interpolated', line: 7, column: 28 },
      ],
    },
    // A NestJS service with the instance injected: a method wrapper and a direct call.
    {
      code: `import { Sequelize, QueryTypes } from 'sequelize';
import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/sequelize';
@Injectable()
export class ReportsService {
  constructor(@InjectConnection() private readonly sequelize: Sequelize) {}
  private select(sql: string) {
    return this.sequelize.query(sql, { type: QueryTypes.SELECT });
  }
  byTeam(team: string) {
    return this.select(\`SELECT * FROM reports WHERE team = '\${team}'\`);
  }
  byOwner(owner: string) {
    return this.sequelize.query(\`SELECT * FROM reports WHERE owner = '\${owner}'\`);
  }
}`,
      errors: [
        { messageId: 'interpolated', line: 11, column: 24, suggestions: [] },
        {
          messageId: 'interpolated',
          line: 14,
          column: 33,
          data: { sink: 'this.sequelize.query', hole: 'owner', line: '14', safeForm: replacements('this.sequelize') },
          suggestions: [
            {
              messageId: 'parameterize',
              output: `import { Sequelize, QueryTypes } from 'sequelize';
import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/sequelize';
@Injectable()
export class ReportsService {
  constructor(@InjectConnection() private readonly sequelize: Sequelize) {}
  private select(sql: string) {
    return this.sequelize.query(sql, { type: QueryTypes.SELECT });
  }
  byTeam(team: string) {
    return this.select(\`SELECT * FROM reports WHERE team = '\${team}'\`);
  }
  byOwner(owner: string) {
    return this.sequelize.query('SELECT * FROM reports WHERE owner = ?', { replacements: [owner] });
  }
}`,
            },
          ],
        },
      ],
    },
    // The instance from the app's own ./db. Untyped it cannot be tied to Sequelize, so query() is
    // recognised by its SQL text (tier 3): general advice, no rewrite. Typed mode resolves the real
    // Sequelize instance exported by tests/fixtures/db.ts (tier 1) and offers the replacements rewrite.
    {
      code: `import { sequelize } from './db';
export const find = (email: string) => sequelize.query(\`SELECT * FROM users WHERE email = '\${email}'\`);`,
      mode: 'untyped',
      errors: [
        {
          messageId: 'interpolated',
          line: 2,
          column: 56,
          data: {
            sink: 'sequelize.query',
            hole: 'email',
            line: '2',
            safeForm:
              "pass values separately as parameters, `sequelize.query(text, values)` with your driver's placeholders (`$1` on Postgres, `?` on MySQL and SQLite)",
          },
          suggestions: [],
        },
      ],
    },
    {
      code: `import { sequelize } from './db';
export const find = (email: string) => sequelize.query(\`SELECT * FROM users WHERE email = '\${email}'\`);`,
      mode: 'typed',
      errors: [
        {
          messageId: 'interpolated',
          line: 2,
          column: 56,
          data: { sink: 'sequelize.query', hole: 'email', line: '2', safeForm: replacements('sequelize') },
          suggestions: [
            {
              messageId: 'parameterize',
              output: `import { sequelize } from './db';
export const find = (email: string) => sequelize.query('SELECT * FROM users WHERE email = ?', { replacements: [email] });`,
            },
          ],
        },
      ],
    },
    // sequelize-typescript's Sequelize extends Sequelize's. Typed only: its query() is declared in the
    // sequelize package, so tier 1 sees it; untyped, the sequelize-typescript knowledge has no SQL sinks
    // and the instance is tied to that library, so the call is missed (reported as a rule bug).
    {
      code: `import { Sequelize } from 'sequelize-typescript';
const sequelize = new Sequelize({ dialect: 'postgres' });
export const find = (email: string) => sequelize.query(\`SELECT * FROM accounts WHERE email = '\${email}'\`);`,
      mode: 'typed',
      errors: [
        {
          messageId: 'interpolated',
          line: 3,
          column: 56,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `import { Sequelize } from 'sequelize-typescript';
const sequelize = new Sequelize({ dialect: 'postgres' });
export const find = (email: string) => sequelize.query('SELECT * FROM accounts WHERE email = ?', { replacements: [email] });`,
            },
          ],
        },
      ],
    },
    // CommonJS: the module itself is the Sequelize class.
    {
      code: `const Sequelize = require('sequelize');
const { QueryTypes } = require('sequelize');
const sequelize = new Sequelize(process.env.DATABASE_URL);

async function recent(days) {
  return sequelize.query(\`SELECT * FROM users WHERE created_at > NOW() - INTERVAL '\${days} days'\`);
}
async function findByEmail(email) {
  return sequelize.query("SELECT * FROM users WHERE email = '" + email + "'", { type: QueryTypes.SELECT });
}
module.exports = { recent, findByEmail, order: (sort) => Sequelize.literal(sort) };`,
      js: true,
      errors: [
        {
          messageId: 'interpolated',
          line: 6,
          column: 26,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `const Sequelize = require('sequelize');
const { QueryTypes } = require('sequelize');
const sequelize = new Sequelize(process.env.DATABASE_URL);

async function recent(days) {
  return sequelize.query('SELECT * FROM users WHERE created_at > NOW() - INTERVAL ?', { replacements: [\`\${days} days\`] });
}
async function findByEmail(email) {
  return sequelize.query("SELECT * FROM users WHERE email = '" + email + "'", { type: QueryTypes.SELECT });
}
module.exports = { recent, findByEmail, order: (sort) => Sequelize.literal(sort) };`,
            },
          ],
        },
        { messageId: 'interpolated', line: 9, column: 26 },
        { messageId: 'rawHelper', line: 11, column: 76, suggestions: [] },
      ],
    },
  ],
});
