import rule from '../../../src/rules/no-interpolated-sql';
import { runRuleTests } from '../../helpers/rule-tester';

const header = `import knex from 'knex';
const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
`;

const bindings = 'pass values as bindings, `.whereRaw(sql, [value])` with `?` (and `??` for identifiers)';

runRuleTests('no-interpolated-sql: Knex', rule, {
  valid: [
    // A parameter declared `number` carries no text that can inject, with or without type information.
    `${header}export const byId = (id: number) => db('users').whereRaw(\`id = \${id}\`);`,
    // Bindings: positional `?`, named `:email`, and `??` for identifiers.
    `${header}export async function find(email: string, column: string, ids: string[]) {
  await db.raw('SELECT * FROM users WHERE email = ?', [email]);
  await db('users').whereRaw('lower(email) = lower(?)', [email]);
  await db('users').whereRaw('email = :email', { email });
  await db.raw('SELECT ?? FROM users WHERE id = ANY(?)', [column, ids]);
  await db('users').orderByRaw('?? DESC NULLS LAST', [column]);
  await db('users').where(db.raw('lower(email) = ?', [email.toLowerCase()]));
  await db('orders').groupByRaw('date_trunc(?, created_at)', ['day']).havingRaw('count(*) > ?', [10]);
}`,
    // The query builder's own methods bind values and quote identifiers.
    `${header}export async function find(email: string, column: string, req: { query: { q: string } }) {
  await db('users').where('email', email).orWhere({ name: req.query.q }).orderBy(column, 'desc');
  await db.select(column).from('users').whereIn('id', [1, 2, 3]).whereLike('name', \`%\${req.query.q}%\`);
}`,
    // Holes that carry no outside data: constants, enum members, an allow-list, a choice between constants,
    // placeholders built from the list, and knex.ref(), which renders a quoted identifier.
    `${header}const TABLE = 'users';
enum Status { Active = 'active' }
const SORTABLE = { newest: 'created_at DESC', name: 'last_name ASC' } as const;
export async function list(req: { query: { sort: 'newest' | 'name' } }, desc: boolean, ids: string[], column: string) {
  await db.raw(\`SELECT * FROM \${TABLE} WHERE status = '\${Status.Active}'\`);
  await db('posts').orderByRaw(SORTABLE[req.query.sort]);
  await db('posts').orderByRaw(\`\${SORTABLE.newest}, id \${desc ? 'DESC' : 'ASC'}\`);
  await db('users').whereRaw(\`id IN (\${ids.map(() => '?').join(', ')})\`, ids);
  await db.raw(\`SELECT \${db.ref(column)} FROM users\`);
}`,
    // The whole text from elsewhere: a file the team wrote, or the caller (a wrapper).
    `${header}import { readFileSync } from 'node:fs';
const report = readFileSync('reports/monthly.sql', 'utf8');
export const monthly = () => db.raw(report);
export const run = (sql: string, values: readonly string[]) => db.raw(sql, values);
run('SELECT 1', []);
export const migrate = () => db.schema.raw('CREATE INDEX CONCURRENTLY users_email_idx ON users (email)');`,
    // Look-alikes: other packages' where()/raw(), a search index with non-SQL text, String.raw, a log line.
    `import collect from 'collect.js';
import bodyParser from 'body-parser';
import { searchIndex } from './search';
import { logger } from './logger';
export function look(email: string, q: string, ms: number) {
  collect([{ email }]).where('email', email).first();
  bodyParser.raw({ type: 'application/octet-stream' });
  searchIndex.raw(\`name:\${q} AND active:true\`);
  logger.info(String.raw\`SELECT from users took \${ms} ms for \${email}\`);
}`,
    // Numbers and literal unions cannot inject: typed mode knows their types.
    {
      code: `${header}export async function page(id: number, dir: 'asc' | 'desc', limit: number) {
  await db('users').whereRaw(\`id = \${id}\`);
  await db('users').orderByRaw(\`created_at \${dir}\`).limit(limit);
  await db.raw(\`SELECT * FROM users ORDER BY id LIMIT \${limit}\`);
}`,
      mode: 'typed',
    },
    // A helper of this file that nothing else can call, called only with constant names (Backstage's migrations):
    // its parameter holds what the calls give it. A recursive call hands the parameter on and adds nothing.
    `${header}async function deleteOrphans(refTable: string, batch = 500) {
  const deleted = await db.raw(\`DELETE FROM search WHERE entity_id NOT IN (SELECT entity_id FROM "\${refTable}") LIMIT \${batch}\`);
  if (deleted.rowCount > 0) await deleteOrphans(refTable, batch);
}
const dropIndex = (name: string) => db.raw(\`DROP INDEX IF EXISTS "\${name}"\`);
export async function up() {
  await deleteOrphans('final_entities');
  await deleteOrphans('refresh_state', 100);
  await dropIndex('search_entity_id_idx');
}`,
  ],
  invalid: [
    // The same helpers, but one call passes data, one helper is exported, one is passed around: each holds data.
    {
      code: `${header}async function deleteOrphans(refTable: string) {
  await db.raw(\`DELETE FROM search WHERE entity_id NOT IN (SELECT entity_id FROM "\${refTable}")\`);
}
export function dropIndex(name: string) {
  return db.raw(\`DROP INDEX IF EXISTS "\${name}"\`);
}
const truncate = (table: string) => db.raw(\`TRUNCATE "\${table}"\`);
export async function cleanUp(req: { query: { table: string } }) {
  await deleteOrphans('final_entities');
  await deleteOrphans(req.query.table);
  await dropIndex('search_entity_id_idx');
  await Promise.all(['a', 'b'].map(truncate));
}`,
      errors: [
        { messageId: 'interpolatedIdentifier', line: 4, column: 16, data: { sink: 'db.raw', hole: 'refTable', line: '4' }, suggestions: [] },
        { messageId: 'interpolatedIdentifier', line: 7, column: 17, data: { sink: 'db.raw', hole: 'name', line: '7' }, suggestions: [] },
        { messageId: 'interpolatedIdentifier', line: 9, column: 44, data: { sink: 'db.raw', hole: 'table', line: '9' }, suggestions: [] },
      ],
    },
    // whereRaw on a builder started by calling the instance, after a safe where().
    {
      code: `${header}export const byName = (name: string) => db('users').where('active', true).whereRaw(\`name = '\${name}'\`);`,
      errors: [
        {
          messageId: 'interpolated',
          line: 3,
          column: 84,
          data: { sink: '.whereRaw()', hole: 'name', line: '3', safeForm: bindings },
          suggestions: [
            {
              messageId: 'parameterize',
              output: `${header}export const byName = (name: string) => db('users').where('active', true).whereRaw('name = ?', [name]);`,
            },
          ],
        },
      ],
    },
    // knex.raw with two values, and orWhereRaw built with `+` on a select() builder.
    {
      code: `${header}export async function find(email: string, age: string) {
  await db.raw(\`SELECT * FROM users WHERE email = '\${email}' AND age > \${age}\`);
  await db.select('*').from('users').orWhereRaw('age > ' + age);
}`,
      errors: [
        {
          messageId: 'interpolated',
          line: 4,
          column: 16,
          data: {
            sink: 'db.raw',
            hole: 'email',
            line: '4',
            safeForm: 'pass values as bindings, `db.raw(sql, [value])` with `?` (and `??` for identifiers)',
          },
          suggestions: [
            {
              messageId: 'parameterize',
              output: `${header}export async function find(email: string, age: string) {
  await db.raw('SELECT * FROM users WHERE email = ? AND age > ?', [email, age]);
  await db.select('*').from('users').orWhereRaw('age > ' + age);
}`,
            },
          ],
        },
        {
          messageId: 'interpolated',
          line: 5,
          column: 49,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `${header}export async function find(email: string, age: string) {
  await db.raw(\`SELECT * FROM users WHERE email = '\${email}' AND age > \${age}\`);
  await db.select('*').from('users').orWhereRaw('age > ?', [age]);
}`,
            },
          ],
        },
      ],
    },
    // The other *Raw clauses, and knex.raw nested in where(): one report, at the raw call.
    {
      code: `${header}export async function report(req: { query: { unit: string; min: string; owner: string } }) {
  await db('orders').groupByRaw(\`date_trunc('\${req.query.unit}', created_at)\`);
  await db('orders').havingRaw(\`count(*) > \${req.query.min}\`);
  await db('orders').joinRaw(\`JOIN users u ON u.id = orders.user_id AND u.name = '\${req.query.owner}'\`);
  await db('orders').fromRaw(\`(SELECT * FROM orders WHERE owner = '\${req.query.owner}') AS o\`);
  await db('orders').where(db.raw(\`lower(owner) = '\${req.query.owner}'\`));
}`,
      errors: [
        {
          messageId: 'interpolated',
          line: 4,
          column: 33,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `${header}export async function report(req: { query: { unit: string; min: string; owner: string } }) {
  await db('orders').groupByRaw('date_trunc(?, created_at)', [req.query.unit]);
  await db('orders').havingRaw(\`count(*) > \${req.query.min}\`);
  await db('orders').joinRaw(\`JOIN users u ON u.id = orders.user_id AND u.name = '\${req.query.owner}'\`);
  await db('orders').fromRaw(\`(SELECT * FROM orders WHERE owner = '\${req.query.owner}') AS o\`);
  await db('orders').where(db.raw(\`lower(owner) = '\${req.query.owner}'\`));
}`,
            },
          ],
        },
        {
          messageId: 'interpolated',
          line: 5,
          column: 32,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `${header}export async function report(req: { query: { unit: string; min: string; owner: string } }) {
  await db('orders').groupByRaw(\`date_trunc('\${req.query.unit}', created_at)\`);
  await db('orders').havingRaw('count(*) > ?', [req.query.min]);
  await db('orders').joinRaw(\`JOIN users u ON u.id = orders.user_id AND u.name = '\${req.query.owner}'\`);
  await db('orders').fromRaw(\`(SELECT * FROM orders WHERE owner = '\${req.query.owner}') AS o\`);
  await db('orders').where(db.raw(\`lower(owner) = '\${req.query.owner}'\`));
}`,
            },
          ],
        },
        {
          messageId: 'interpolated',
          line: 6,
          column: 30,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `${header}export async function report(req: { query: { unit: string; min: string; owner: string } }) {
  await db('orders').groupByRaw(\`date_trunc('\${req.query.unit}', created_at)\`);
  await db('orders').havingRaw(\`count(*) > \${req.query.min}\`);
  await db('orders').joinRaw('JOIN users u ON u.id = orders.user_id AND u.name = ?', [req.query.owner]);
  await db('orders').fromRaw(\`(SELECT * FROM orders WHERE owner = '\${req.query.owner}') AS o\`);
  await db('orders').where(db.raw(\`lower(owner) = '\${req.query.owner}'\`));
}`,
            },
          ],
        },
        {
          messageId: 'interpolated',
          line: 7,
          column: 30,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `${header}export async function report(req: { query: { unit: string; min: string; owner: string } }) {
  await db('orders').groupByRaw(\`date_trunc('\${req.query.unit}', created_at)\`);
  await db('orders').havingRaw(\`count(*) > \${req.query.min}\`);
  await db('orders').joinRaw(\`JOIN users u ON u.id = orders.user_id AND u.name = '\${req.query.owner}'\`);
  await db('orders').fromRaw('(SELECT * FROM orders WHERE owner = ?) AS o', [req.query.owner]);
  await db('orders').where(db.raw(\`lower(owner) = '\${req.query.owner}'\`));
}`,
            },
          ],
        },
        {
          messageId: 'interpolated',
          line: 8,
          column: 35,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `${header}export async function report(req: { query: { unit: string; min: string; owner: string } }) {
  await db('orders').groupByRaw(\`date_trunc('\${req.query.unit}', created_at)\`);
  await db('orders').havingRaw(\`count(*) > \${req.query.min}\`);
  await db('orders').joinRaw(\`JOIN users u ON u.id = orders.user_id AND u.name = '\${req.query.owner}'\`);
  await db('orders').fromRaw(\`(SELECT * FROM orders WHERE owner = '\${req.query.owner}') AS o\`);
  await db('orders').where(db.raw('lower(owner) = ?', [req.query.owner]));
}`,
            },
          ],
        },
      ],
    },
    // Builders knex hands to callbacks: `this` in a grouped where(), the argument of modify().
    {
      code: `${header}export const search = (q: string, status: string) =>
  db('users')
    .where(function () {
      this.whereRaw(\`name ILIKE '%\${q}%'\`);
    })
    .modify((qb) => {
      if (status) qb.andWhereRaw(\`status = '\${status}'\`);
    });`,
      errors: [
        {
          messageId: 'interpolated',
          line: 6,
          column: 21,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `${header}export const search = (q: string, status: string) =>
  db('users')
    .where(function () {
      this.whereRaw('name ILIKE ?', [\`%\${q}%\`]);
    })
    .modify((qb) => {
      if (status) qb.andWhereRaw(\`status = '\${status}'\`);
    });`,
            },
          ],
        },
        {
          messageId: 'interpolated',
          line: 9,
          column: 34,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `${header}export const search = (q: string, status: string) =>
  db('users')
    .where(function () {
      this.whereRaw(\`name ILIKE '%\${q}%'\`);
    })
    .modify((qb) => {
      if (status) qb.andWhereRaw('status = ?', [status]);
    });`,
            },
          ],
        },
      ],
    },
    // Built lines earlier with `+=`: reported at the call, naming the line of the splice; no rewrite.
    {
      code: `${header}export async function orders(req: { query: { status?: string } }) {
  let where = 'deleted_at IS NULL';
  if (req.query.status) {
    where += \` AND status = '\${req.query.status}'\`;
  }
  return db('orders').whereRaw(where);
}`,
      errors: [
        {
          messageId: 'interpolated',
          line: 8,
          column: 32,
          data: { sink: '.whereRaw()', hole: 'req.query.status', line: '6', safeForm: bindings },
          suggestions: [],
        },
      ],
    },
    // Built in a const with `+`, and returned by a same-file helper: no rewrite at the call.
    {
      code: `${header}function byStatus(status: string) {
  return \`status = '\${status}'\`;
}
export async function find(email: string, status: string) {
  const sql = 'SELECT * FROM users WHERE email = ' + \`'\${email}'\`;
  await db.raw(sql);
  await db('orders').whereRaw(byStatus(status));
}`,
      errors: [
        { messageId: 'interpolated', line: 8, column: 16, data: { sink: 'db.raw', hole: 'email', line: '7', safeForm: 'pass values as bindings, `db.raw(sql, [value])` with `?` (and `??` for identifiers)' }, suggestions: [] },
        { messageId: 'interpolated', line: 9, column: 31, data: { sink: '.whereRaw()', hole: 'byStatus(status)', line: '9', safeForm: bindings }, suggestions: [] },
      ],
    },
    // A name spliced where an identifier goes: no parameter can fix that, so no rewrite.
    {
      code: `${header}export async function admin(table: string, column: string) {
  await db.raw(\`SELECT * FROM \${table}\`);
  await db.schema.raw(\`ALTER TABLE users ADD COLUMN \${column} text\`);
}`,
      errors: [
        { messageId: 'interpolatedIdentifier', line: 4, column: 16, data: { sink: 'db.raw', hole: 'table', line: '4' }, suggestions: [] },
        { messageId: 'interpolatedIdentifier', line: 5, column: 23, data: { sink: 'db.schema.raw', hole: 'column', line: '5' }, suggestions: [] },
      ],
    },
    // Transactions: the callback's handle, and the handle knex.transaction() resolves to.
    {
      code: `${header}export async function purge(userId: string, req: { query: { status: string } }) {
  await db.transaction(async (trx) => {
    await trx.raw(\`DELETE FROM sessions WHERE user_id = '\${userId}'\`);
    await trx('orders').where({ user_id: userId }).andWhereRaw(\`status = '\${req.query.status}'\`).del();
  });
  const trx = await db.transaction();
  await trx.raw('DELETE FROM carts WHERE user_id = ' + userId);
  await trx.commit();
}`,
      errors: [
        {
          messageId: 'interpolated',
          line: 5,
          column: 19,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `${header}export async function purge(userId: string, req: { query: { status: string } }) {
  await db.transaction(async (trx) => {
    await trx.raw('DELETE FROM sessions WHERE user_id = ?', [userId]);
    await trx('orders').where({ user_id: userId }).andWhereRaw(\`status = '\${req.query.status}'\`).del();
  });
  const trx = await db.transaction();
  await trx.raw('DELETE FROM carts WHERE user_id = ' + userId);
  await trx.commit();
}`,
            },
          ],
        },
        {
          messageId: 'interpolated',
          line: 6,
          column: 64,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `${header}export async function purge(userId: string, req: { query: { status: string } }) {
  await db.transaction(async (trx) => {
    await trx.raw(\`DELETE FROM sessions WHERE user_id = '\${userId}'\`);
    await trx('orders').where({ user_id: userId }).andWhereRaw('status = ?', [req.query.status]).del();
  });
  const trx = await db.transaction();
  await trx.raw('DELETE FROM carts WHERE user_id = ' + userId);
  await trx.commit();
}`,
            },
          ],
        },
        {
          messageId: 'interpolated',
          line: 9,
          column: 17,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `${header}export async function purge(userId: string, req: { query: { status: string } }) {
  await db.transaction(async (trx) => {
    await trx.raw(\`DELETE FROM sessions WHERE user_id = '\${userId}'\`);
    await trx('orders').where({ user_id: userId }).andWhereRaw(\`status = '\${req.query.status}'\`).del();
  });
  const trx = await db.transaction();
  await trx.raw('DELETE FROM carts WHERE user_id = ?', [userId]);
  await trx.commit();
}`,
            },
          ],
        },
      ],
    },
    // A repository with the instance injected (typed with Knex), a method wrapper and a function wrapper.
    {
      code: `import { knex, Knex } from 'knex';
export class UserRepository {
  constructor(private readonly db: Knex) {}
  findByEmail(email: string) {
    return this.db('users').whereRaw(\`email = '\${email}'\`).first();
  }
  private run(sql: string) {
    return this.db.raw(sql);
  }
  purge(name: string) {
    return this.run(\`DELETE FROM users WHERE name = '\${name}'\`);
  }
}
export function runSql(sql: string) {
  return knex({ client: 'sqlite3' }).raw(sql);
}
export const drop = (name: string) => runSql(\`DELETE FROM users WHERE name = '\${name}'\`);`,
      errors: [
        {
          messageId: 'interpolated',
          line: 5,
          column: 38,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `import { knex, Knex } from 'knex';
export class UserRepository {
  constructor(private readonly db: Knex) {}
  findByEmail(email: string) {
    return this.db('users').whereRaw('email = ?', [email]).first();
  }
  private run(sql: string) {
    return this.db.raw(sql);
  }
  purge(name: string) {
    return this.run(\`DELETE FROM users WHERE name = '\${name}'\`);
  }
}
export function runSql(sql: string) {
  return knex({ client: 'sqlite3' }).raw(sql);
}
export const drop = (name: string) => runSql(\`DELETE FROM users WHERE name = '\${name}'\`);`,
            },
          ],
        },
        // Wrapper calls: the caller's text is reported, and only the sink call itself gets a rewrite.
        { messageId: 'interpolated', line: 11, column: 21, suggestions: [] },
        { messageId: 'interpolated', line: 17, column: 46, suggestions: [] },
      ],
    },
    // CommonJS: require('knex')(config), and a LIKE pattern whose quotes hold more than the value.
    {
      code: `const knex = require('knex')({ client: 'mysql2', connection: process.env.DATABASE_URL });

exports.search = async (req, res) => {
  res.json(await knex('products').whereRaw("name LIKE '%" + req.query.q + "%'"));
};
exports.remove = (id) => knex.raw(\`DELETE FROM products WHERE id = \${id}\`);`,
      js: true,
      errors: [
        {
          messageId: 'interpolated',
          line: 4,
          column: 44,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `const knex = require('knex')({ client: 'mysql2', connection: process.env.DATABASE_URL });

exports.search = async (req, res) => {
  res.json(await knex('products').whereRaw('name LIKE ?', [\`%\${req.query.q}%\`]));
};
exports.remove = (id) => knex.raw(\`DELETE FROM products WHERE id = \${id}\`);`,
            },
          ],
        },
        {
          messageId: 'interpolated',
          line: 6,
          column: 35,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `const knex = require('knex')({ client: 'mysql2', connection: process.env.DATABASE_URL });

exports.search = async (req, res) => {
  res.json(await knex('products').whereRaw("name LIKE '%" + req.query.q + "%'"));
};
exports.remove = (id) => knex.raw('DELETE FROM products WHERE id = ?', [id]);`,
            },
          ],
        },
      ],
    },
    // The instance from the app's own ./db (tier 3): whereRaw is distinctive by name and keeps the knex
    // rewrite; raw() is recognised by its SQL text and gets the general advice, without a rewrite.
    // (tests/fixtures/db.ts exports no `db`, so typed mode sees `any` and answers the same.)
    {
      code: `import { db } from './db';
export async function find(email: string) {
  await db('users').whereRaw(\`email = '\${email}'\`);
  await db.raw(\`SELECT * FROM users WHERE email = '\${email}'\`);
}`,
      errors: [
        {
          messageId: 'interpolated',
          line: 3,
          column: 30,
          data: { sink: '.whereRaw()', hole: 'email', line: '3', safeForm: bindings },
          suggestions: [
            {
              messageId: 'parameterize',
              output: `import { db } from './db';
export async function find(email: string) {
  await db('users').whereRaw('email = ?', [email]);
  await db.raw(\`SELECT * FROM users WHERE email = '\${email}'\`);
}`,
            },
          ],
        },
        {
          messageId: 'interpolated',
          line: 4,
          column: 16,
          data: {
            sink: 'db.raw',
            hole: 'email',
            line: '4',
            safeForm:
              "pass values separately as parameters, `db.raw(text, values)` with your driver's placeholders (`$1` on Postgres, `?` on MySQL and SQLite)",
          },
          suggestions: [],
        },
      ],
    },
  ],
});
