// Raw-query helpers in the project's own modules (tests/fixtures/project): data spliced into the SQL
// argument of a helper that hands it, whole, to a raw-SQL sink is reported at the call, naming the
// helper's sink and its file. Each way of finding the helper is one case; the negatives are helpers that
// bind their argument, same-named functions that run no SQL, a module that does not parse, and the
// `followModules: false` setting. Every case runs untyped and typed.
import path from 'node:path';
import rule from '../../../src/rules/no-interpolated-sql';
import { fixturesDir, runRuleTests } from '../../helpers/rule-tester';

const filename = path.join(fixturesDir, 'project/src/routes/orders.ts');
const jsFilename = path.join(fixturesDir, 'project/src/routes/orders.js');

// The safe form comes from the knowledge of the library behind the helper, filled in at the helper's sink call.
const safeForms: Record<string, string> = {
  'prisma.$queryRawUnsafe': 'use the tagged template, prisma.$queryRaw`… ${value}`, which sends every value as a parameter',
  'db.raw': 'pass values as bindings, `db.raw(sql, [value])` with `?` (and `??` for identifiers)',
  'this.knex.raw': 'pass values as bindings, `this.knex.raw(sql, [value])` with `?` (and `??` for identifiers)',
  'pool.query': 'pass values separately, `pool.query(text, values)` with `$1`, `$2` placeholders',
};

function helper(line: number, column: number, sink: string, target: string, file: string, hole: string, holeLine = line) {
  return {
    messageId: 'interpolatedThroughHelper' as const,
    line,
    column,
    data: { sink, ordinal: 'first', target, file, hole, line: String(holeLine), safeForm: safeForms[target] },
  };
}

runRuleTests('no-interpolated-sql: across files', rule, {
  valid: [
    // Parameterised and constant calls of the helper.
    {
      filename,
      code: `
import { rawQuery } from '../lib/db';
const TABLE = 'orders';
export async function list(req: any) {
  await rawQuery('SELECT * FROM users WHERE id = $1', [req.params.id]);
  await rawQuery(\`SELECT * FROM \${TABLE} WHERE id = $1\`, [req.params.id]);
}`,
    },
    // A helper that binds its argument (a tagged template) is no wrapper.
    { filename, code: `import { findUserByEmail } from '../lib/db';\nexport const f = (req: any) => findUserByEmail(\`\${req.body.email}\`);` },
    // A function of another module that runs no SQL.
    { filename, code: `import { format } from '../utils/http';\nexport const f = (req: any) => format(\`https://x/\${req.query.id}\`);` },
    // A module that does not parse gives no summary, and no crash.
    { filename, code: `import { rawQuery } from '../lib/broken';\nexport const f = (req: any) => rawQuery(\`SELECT \${req.query.c} FROM t\`);` },
    // A project class whose `raw()` only stores text: judged by what it does, not by its name.
    { filename, code: `import { SqlText } from '../utils/sql-text';\nexport const f = (req: any) => new SqlText().raw(\`SELECT * FROM t WHERE id = '\${req.query.id}'\`);` },
    // The team turned cross-file reach off.
    {
      filename,
      code: `import { rawQuery } from '../lib/db';\nexport const f = (req: any) => rawQuery(\`SELECT * FROM t WHERE a = '\${req.query.a}'\`);`,
      settings: { dbconventions: { followModules: false } },
    },
    // Without a file on disk there is nothing to follow.
    `import { rawQuery } from '../lib/db';\nexport const f = (req: any) => rawQuery(\`SELECT * FROM t WHERE a = '\${req.query.a}'\`);`,
  ],
  invalid: [
    {
      // A relative import; the message names the sink and the helper's file.
      filename,
      code: `
import { rawQuery } from '../lib/db';
export async function list(req: any) {
  await rawQuery(\`SELECT * FROM users ORDER BY \${req.query.sort}\`);
}`,
      errors: [helper(4, 18, 'rawQuery()', 'prisma.$queryRawUnsafe', '../lib/db.ts', 'req.query.sort')],
    },
    {
      // A tsconfig alias to a barrel that re-exports the helper (`export *`).
      filename,
      code: `import { rawQuery } from '@app/lib';\nexport const f = (email: string) => rawQuery('SELECT * FROM users WHERE email = ' + email);`,
      errors: [helper(2, 46, 'rawQuery()', 'prisma.$queryRawUnsafe', '../lib/db.ts', 'email')],
    },
    {
      // Text built into a variable with `+=` after its declaration, handed to a helper by a plain name.
      filename,
      code: `import { rawQuery } from '../lib/db';
export async function f(req: any) {
  let sql = 'SELECT * FROM users WHERE 1 = 1';
  if (req.query.email) sql += \` AND email = '\${req.query.email}'\`;
  return rawQuery(sql);
}`,
      errors: [helper(5, 19, 'rawQuery()', 'prisma.$queryRawUnsafe', '../lib/db.ts', 'req.query.email', 4)],
    },
    {
      // A namespace import.
      filename,
      code: `import * as db from '../lib/db';\nexport const f = (id: string) => db.rawQuery(\`DELETE FROM t WHERE id = '\${id}'\`);`,
      errors: [helper(2, 46, 'db.rawQuery()', 'prisma.$queryRawUnsafe', '../lib/db.ts', 'id')],
    },
    {
      // A renamed re-export (`export { raw as knexRaw } from './knex'`).
      filename,
      code: `import { knexRaw } from '@app/lib';\nexport const f = (a: string) => knexRaw(\`select * from t where a = '\${a}'\`);`,
      errors: [helper(2, 41, 'knexRaw()', 'db.raw', '../lib/knex.ts', 'a')],
    },
    {
      // CommonJS: a destructured require of `module.exports = { query }`.
      filename,
      code: `const { query } = require('../lib/pool');\nexport const f = (id: string) => query(\`DELETE FROM t WHERE id = \${id}\`);`,
      errors: [helper(2, 40, 'query()', 'pool.query', '../lib/pool.js', 'id')],
    },
    {
      // A CommonJS barrel that spreads modules in (`module.exports = { ...require('./pool') }`).
      filename,
      code: `const { query } = require('../lib/all');\nexport const f = (id: string) => query(\`DELETE FROM t WHERE id = \${id}\`);`,
      errors: [helper(2, 40, 'query()', 'pool.query', '../lib/pool.js', 'id')],
    },
    {
      // A method that calls the class's own `raw` (a sink's name on the project's object), which runs knex's.
      filename,
      code: `const { legacyRepository } = require('../services/legacy.repository');\nexport const f = (sort: string) => legacyRepository.runQuery(\`SELECT * FROM t ORDER BY \${sort}\`);`,
      errors: [helper(2, 62, 'legacyRepository.runQuery()', 'db.raw', '../services/legacy.repository.js', 'sort')],
    },
    {
      // Two hops: report() → rawQuery() → prisma.$queryRawUnsafe.
      filename,
      code: `import { report } from '../lib/reports';\nexport const f = (month: string) => report(\`SELECT * FROM sales WHERE month = '\${month}'\`);`,
      errors: [helper(2, 44, 'report()', 'prisma.$queryRawUnsafe', '../lib/db.ts', 'month')],
    },
    {
      // An injected repository whose method is inherited from a base class in another file.
      filename,
      code: `
import { UserRepository } from '../services/user.repository';
export class UsersController {
  constructor(private readonly users: UserRepository) {}
  search(column: string) {
    return this.users.runQuery(\`SELECT * FROM users WHERE \${column} IS NOT NULL\`);
  }
}`,
      errors: [helper(6, 32, 'this.users.runQuery()', 'this.knex.raw', '../services/base.repository.ts', 'column')],
    },
    {
      // A subclass calling the inherited helper on itself.
      filename,
      code: `
import { BaseRepository } from '../services/base.repository';
export class OrderRepository extends BaseRepository {
  byStatus(status: string) {
    return this.runQuery(\`SELECT * FROM orders WHERE status = '\${status}'\`);
  }
}`,
      errors: [helper(5, 26, 'this.runQuery()', 'this.knex.raw', '../services/base.repository.ts', 'status')],
    },
    {
      // Only the checker can tell what `database()` returns.
      filename,
      mode: 'typed',
      code: `import { database } from '../lib/registry';\nexport const f = (id: string) => database().rawQuery(\`DELETE FROM t WHERE id = '\${id}'\`);`,
      errors: [helper(2, 54, 'database().rawQuery()', 'prisma.$queryRawUnsafe', '../lib/db.ts', 'id')],
    },
    {
      // JavaScript through espree. `pool.query` here is the module's own `query` helper (module.exports =
      // { pool, query }), not pg's method: it is followed into the module, not matched by its name.
      filename: jsFilename,
      mode: 'untyped',
      js: true,
      code: `const pool = require('../lib/pool');\nexports.remove = (id) => pool.query(\`DELETE FROM t WHERE id = \${id}\`);`,
      errors: [helper(2, 37, 'pool.query()', 'pool.query', '../lib/pool.js', 'id')],
    },
    {
      // The same helper called by its own name is followed into the CommonJS module.
      filename: jsFilename,
      mode: 'untyped',
      js: true,
      code: `const { query } = require('../lib/pool');\nexports.remove = (id) => query(\`DELETE FROM t WHERE id = \${id}\`);`,
      errors: [helper(2, 32, 'query()', 'pool.query', '../lib/pool.js', 'id')],
    },
  ],
});
