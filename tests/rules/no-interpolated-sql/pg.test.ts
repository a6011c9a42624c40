import rule from '../../../src/rules/no-interpolated-sql';
import { runRuleTests } from '../../helpers/rule-tester';

const header = `import { Pool, Client, escapeIdentifier } from 'pg';
const pool = new Pool();
`;

runRuleTests('no-interpolated-sql: pg', rule, {
  valid: [
    // A parameter declared `number` carries no text that can inject, with or without type information.
    `${header}export const byId = (id: number) => pool.query(\`SELECT * FROM users WHERE id = \${id}\`);`,
    // Parameterised: the text is constant, values travel separately.
    `${header}export const byEmail = (email: string) => pool.query('SELECT * FROM users WHERE email = $1', [email]);`,
    // Holes that carry no outside data.
    `${header}const TABLE = 'users';
enum Status { Active = 'active' }
const COLUMNS = { name: 'full_name', email: 'email' } as const;
const FROZEN = Object.freeze({ orders: 'orders' });
const T = { users: 'users' };
export async function list(desc: boolean, email: string) {
  await pool.query(\`SELECT * FROM \${TABLE} WHERE email = $1\`, [email]);
  await pool.query(\`SELECT * FROM users WHERE status = '\${Status.Active}'\`);
  await pool.query(\`SELECT \${COLUMNS.name}, \${COLUMNS.email} FROM \${FROZEN.orders} JOIN \${T.users} ON true\`);
  await pool.query(\`SELECT * FROM users ORDER BY created_at \${desc ? 'DESC' : 'ASC'}\`);
}`,
    // A placeholder list built from indexes.
    `${header}export async function byIds(ids: string[]) {
  const placeholders = ids.map((_, i) => \`$\${i + 1}\`).join(', ');
  return pool.query(\`SELECT * FROM users WHERE id IN (\${placeholders})\`, ids);
}`,
    // Escaping helpers: pg's own, and pg-format's %I / %L.
    `${header}import format from 'pg-format';
export async function sorted(column: string, client: Client, name: string) {
  await pool.query(\`SELECT * FROM users ORDER BY \${escapeIdentifier(column)}\`);
  await client.query(\`SELECT * FROM users WHERE name = \${client.escapeLiteral(name)}\`);
  await pool.query(format('SELECT * FROM %I WHERE name = %L', column, name));
}`,
    // A lookup in a constant allow-list with a request key yields a constant or undefined.
    `${header}const SORTABLE = { newest: 'created_at DESC', oldest: 'created_at ASC' };
export async function sorted(req: { query: { sort: 'newest' | 'oldest' } }) {
  await pool.query(\`SELECT * FROM posts ORDER BY \${SORTABLE[req.query.sort]}\`);
}`,
    // The whole text from elsewhere: a file, or the caller (this function is a wrapper).
    `${header}import { readFileSync } from 'node:fs';
const report = readFileSync('reports/monthly.sql', 'utf8');
export const monthly = () => pool.query(report);
export const run = (text: string, values: unknown[]) => pool.query(text, values);
run('SELECT 1', []);`,
    // Names we cannot see into stay silent: imported constants, this.table.
    `${header}import { USERS_TABLE } from './tables';
export class Repo {
  table = 'users';
  async all() {
    await pool.query(\`SELECT * FROM \${USERS_TABLE}\`);
    return pool.query(\`SELECT * FROM \${this.table}\`);
  }
}`,
    // Look-alikes: GraphQL, a search index, log lines, URLs, a non-SQL query() by shape.
    `import { gql } from 'graphql-tag';
import { client } from './apollo';
import { index } from './search';
import { db } from './database';
export async function look(id: string, q: string, ms: number) {
  await client.query({ query: gql\`query { user(id: \${id}) { name } }\` });
  await index.query(\`name:\${q} AND active:true\`);
  await db.query(\`users/\${id}/profile\`);
  console.log(\`SELECT took \${ms} ms for \${id}\`);
  await fetch(\`/api/users?id=\${id}\`);
}`,
    // Found in published ORM and driver code (the bench corpus): a class's own query() method is
    // its API, not an unknown client; helpers named for escaping escape; a call we cannot see
    // into may validate; arithmetic yields numbers.
    {
      code: `export class SqliteRunner {
  async query(sql) { return this.connection.all(sql); }
  async pragma(table, name) { return this.query(\`PRAGMA \${name}("\${table}")\`); }
}`,
      js: true,
    },
    `import { db } from './database';
export async function load(table: string, columns: string[], depth: number) {
  await db.query(\`SELECT * FROM \${escapePath(table)} WHERE \${quoteIdentifier(columns[0])} IS NOT NULL\`);
  await db.query(\`SELECT \${formatColumns(columns)} FROM t\`);
  await db.query('SAVEPOINT sp_' + (depth + 1));
}
declare function escapePath(s: string): string;
declare function quoteIdentifier(s: string): string;
declare function formatColumns(s: string[]): string;`,
    // Numbers cannot inject: typed mode knows `ids[0]` is a number, where no annotation says so.
    {
      code: `${header}export const first = (ids: number[]) => pool.query(\`SELECT * FROM users WHERE id = \${ids[0]}\`);`,
      mode: 'typed',
    },
    {
      code: `${header}export const page = (limit: number, dir: 'ASC' | 'DESC') => pool.query(\`SELECT * FROM users ORDER BY id \${dir} LIMIT \${limit}\`);`,
      mode: 'typed',
    },
  ],
  invalid: [
    {
      code: `${header}export async function byEmail(email: string) {
  return pool.query(\`SELECT * FROM users WHERE email = '\${email}'\`);
}`,
      errors: [
        {
          messageId: 'interpolated',
          line: 4,
          column: 21,
          data: {
            sink: 'pool.query',
            hole: 'email',
            line: '4',
            safeForm: 'pass values separately, `pool.query(text, values)` with `$1`, `$2` placeholders',
          },
          suggestions: [
            {
              messageId: 'parameterize',
              output: `${header}export async function byEmail(email: string) {
  return pool.query('SELECT * FROM users WHERE email = $1', [email]);
}`,
            },
          ],
        },
      ],
    },
    // Concatenation, and a LIKE pattern whose quotes hold more than the value.
    {
      code: `${header}export async function search(name: string, id: string) {
  await pool.query('SELECT * FROM users WHERE id = ' + id);
  await pool.query(\`SELECT * FROM users WHERE name ILIKE '%\${name}%' AND id = \${id}\`);
}`,
      errors: [
        {
          messageId: 'interpolated',
          line: 4,
          column: 20,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `${header}export async function search(name: string, id: string) {
  await pool.query('SELECT * FROM users WHERE id = $1', [id]);
  await pool.query(\`SELECT * FROM users WHERE name ILIKE '%\${name}%' AND id = \${id}\`);
}`,
            },
          ],
        },
        {
          messageId: 'interpolated',
          line: 5,
          column: 20,
          suggestions: [
            {
              messageId: 'parameterize',
              output: `${header}export async function search(name: string, id: string) {
  await pool.query('SELECT * FROM users WHERE id = ' + id);
  await pool.query('SELECT * FROM users WHERE name ILIKE $1 AND id = $2', [\`%\${name}%\`, id]);
}`,
            },
          ],
        },
      ],
    },
    // Built lines earlier: reported at the call, naming the line of the splice; no rewrite.
    {
      code: `${header}export async function orders(req: { query: { status?: string } }) {
  let sql = 'SELECT * FROM orders WHERE 1 = 1';
  if (req.query.status) {
    sql += \` AND status = '\${req.query.status}'\`;
  }
  return pool.query(sql);
}`,
      errors: [{ messageId: 'interpolated', line: 8, column: 21, data: { sink: 'pool.query', hole: 'req.query.status', line: '6', safeForm: 'pass values separately, `pool.query(text, values)` with `$1`, `$2` placeholders' }, suggestions: [] }],
    },
    // A name spliced where an identifier goes: no parameter can fix that.
    {
      code: `${header}export const sorted = (sort: string) => pool.query(\`SELECT * FROM users ORDER BY \${sort} DESC\`);`,
      errors: [{ messageId: 'interpolatedIdentifier', line: 3, column: 52 }],
    },
    // Clients from pool.connect(), its callback, and a class field typed with Pool.
    {
      code: `${header}export async function tx(id: string) {
  const client = await pool.connect();
  await client.query(\`DELETE FROM carts WHERE user_id = '\${id}'\`);
  pool.connect((err, c, release) => c?.query('DELETE FROM sessions WHERE id = ' + id));
}
export class Users {
  constructor(private readonly db: Pool) {}
  remove(id: string) { return this.db.query(\`DELETE FROM users WHERE id = \${id}\`); }
}`,
      errors: [
        { messageId: 'interpolated', line: 5, column: 22, suggestions: [{ messageId: 'parameterize', output: `${header}export async function tx(id: string) {
  const client = await pool.connect();
  await client.query('DELETE FROM carts WHERE user_id = $1', [id]);
  pool.connect((err, c, release) => c?.query('DELETE FROM sessions WHERE id = ' + id));
}
export class Users {
  constructor(private readonly db: Pool) {}
  remove(id: string) { return this.db.query(\`DELETE FROM users WHERE id = \${id}\`); }
}` }] },
        { messageId: 'interpolated', line: 6, column: 46, suggestions: [{ messageId: 'parameterize', output: `${header}export async function tx(id: string) {
  const client = await pool.connect();
  await client.query(\`DELETE FROM carts WHERE user_id = '\${id}'\`);
  pool.connect((err, c, release) => c?.query('DELETE FROM sessions WHERE id = $1', [id]));
}
export class Users {
  constructor(private readonly db: Pool) {}
  remove(id: string) { return this.db.query(\`DELETE FROM users WHERE id = \${id}\`); }
}` }] },
        { messageId: 'interpolated', line: 10, column: 45, suggestions: [{ messageId: 'parameterize', output: `${header}export async function tx(id: string) {
  const client = await pool.connect();
  await client.query(\`DELETE FROM carts WHERE user_id = '\${id}'\`);
  pool.connect((err, c, release) => c?.query('DELETE FROM sessions WHERE id = ' + id));
}
export class Users {
  constructor(private readonly db: Pool) {}
  remove(id: string) { return this.db.query('DELETE FROM users WHERE id = $1', [id]); }
}` }] },
      ],
    },
    // A same-file wrapper is a sink: reported where the data is spliced into its argument.
    {
      code: `${header}function run(text: string) {
  return pool.query(text);
}
export const remove = (name: string) => run(\`DELETE FROM users WHERE name = '\${name}'\`);
export class Repo {
  private exec(sql: string) { return pool.query(sql); }
  purge(table: string) { return this.exec('TRUNCATE ' + table); }
}`,
      errors: [
        { messageId: 'interpolated', line: 6, column: 45, data: { sink: 'run()', hole: 'name', line: '6', safeForm: 'pass values separately, `pool.query(text, values)` with `$1`, `$2` placeholders' } },
        { messageId: 'interpolatedIdentifier', line: 9, column: 43 },
      ],
    },
    // A same-file helper that returns SQL built from its argument.
    {
      code: `${header}function byNameSql(name: string) {
  return \`SELECT * FROM users WHERE name = '\${name}'\`;
}
export const byName = (name: string) => pool.query(byNameSql(name));`,
      errors: [{ messageId: 'interpolated', line: 6, column: 52, data: { sink: 'pool.query', hole: 'byNameSql(name)', line: '6', safeForm: 'pass values separately, `pool.query(text, values)` with `$1`, `$2` placeholders' } }],
    },
    // CommonJS, and a client from the app's own module, recognised by its SQL text (tier 3).
    {
      code: `const { Client } = require('pg');
const client = new Client();
module.exports.find = (req) => client.query("SELECT * FROM users WHERE email = '" + req.body.email + "'");`,
      js: true,
      errors: [{ messageId: 'interpolated', line: 3, column: 45, suggestions: [{ messageId: 'parameterize', output: `const { Client } = require('pg');
const client = new Client();
module.exports.find = (req) => client.query('SELECT * FROM users WHERE email = $1', [req.body.email]);` }] }],
    },
    {
      code: `import { db } from './database';
export const find = (email: string) => db.query(\`SELECT id FROM users WHERE email = '\${email}'\`);`,
      errors: [
        {
          messageId: 'interpolated',
          line: 2,
          column: 49,
          data: {
            sink: 'db.query',
            hole: 'email',
            line: '2',
            safeForm:
              "pass values separately as parameters, `db.query(text, values)` with your driver's placeholders (`$1` on Postgres, `?` on MySQL and SQLite)",
          },
          suggestions: [],
        },
      ],
    },
  ],
});
