// A checked-out connection handed to a function of the project (tests/fixtures/project/src/conn): when the
// module engine reads the function and it only runs queries with the connection, the checkout is still the
// caller's to give back; a function that gives it back, keeps it on an instance or returns it, a package's
// function, a module that does not parse and `followModules: false` move ownership, as before.
import path from 'node:path';
import rule from '../../../src/rules/require-connection-release';
import { fixturesDir, runRuleTests } from '../../helpers/rule-tester';
import { leak } from './expect';

const filename = path.join(fixturesDir, 'project/src/conn/caller.ts');

/** A pg client checked out in `place()`: with one import line, the checkout is on line 5, column 24. */
const checkedOut = (imports: string, body: string) =>
  `import { Pool } from 'pg';\n${imports}\nconst pool = new Pool();\nexport async function place(id: number) {\n  const client = await pool.connect();\n${body}\n}\n`;

runRuleTests('require-connection-release: across files', rule, {
  valid: [
    // The function gives it back in its `finally`: its owner now.
    { filename, code: checkedOut(`import { runAndRelease } from './pg-helpers';`, `  await runAndRelease(client, 'SELECT 1');`) },
    // The function keeps it on an instance.
    { filename, code: checkedOut(`import { Session } from './pg-helpers';`, `  const session = new Session();\n  session.attach(client);`) },
    // The function returns it (to whoever called it).
    { filename, code: checkedOut(`import { withErrorLog } from './pg-helpers';`, `  const logged = withErrorLog(client);\n  await logged.query('SELECT 1');`) },
    // A package's function: it cannot be read.
    { filename, code: checkedOut(`import { runInSession } from 'pg-session-helpers';`, `  await runInSession(client, id);`) },
    // A module that does not parse.
    { filename, code: checkedOut(`import { insertAudit } from './broken';`, `  await insertAudit(client, 'placed');`) },
    // The team turned cross-file reach off.
    {
      filename,
      code: checkedOut(`import { insertAudit } from './pg-helpers';`, `  await insertAudit(client, 'placed');`),
      settings: { dbconventions: { followModules: false } },
    },
    // Used by the function, given back here.
    {
      filename,
      code: checkedOut(`import { insertAudit } from './pg-helpers';`, `  try {\n    await insertAudit(client, 'placed');\n  } finally {\n    client.release();\n  }`),
    },
  ],
  invalid: [
    {
      // The function only runs a query with it: nobody gives it back.
      filename,
      code: checkedOut(`import { insertAudit } from './pg-helpers';`, `  await insertAudit(client, 'placed');`),
      errors: [leak('neverReleased', 5, 24, 'pool.connect()', 'pg')],
    },
    {
      // Two hops, through a tsconfig alias: ./orders.ts queries, then hands it to ./pg-helpers.ts, which queries.
      filename,
      code: checkedOut(`import { recordOrder } from '@app/conn/orders';`, `  await recordOrder(client, id);`),
      errors: [leak('neverReleased', 5, 24, 'pool.connect()', 'pg')],
    },
    {
      // A function of the same file counts the same.
      filename,
      code: checkedOut(
        `async function touch(c: any, id: number) {\n  await c.query('UPDATE orders SET touched = now() WHERE id = $1', [id]);\n}`,
        `  await touch(client, id);`,
      ),
      errors: [leak('neverReleased', 7, 24, 'pool.connect()', 'pg')],
    },
    {
      // mysql2: a pool connection handed to a function that only runs a statement.
      filename,
      code: `import mysql from 'mysql2/promise';\nimport { insertOrder } from './mysql-helpers';\nconst pool = mysql.createPool({ host: 'db', connectionLimit: 10 });\nexport async function place(id: number) {\n  const conn = await pool.getConnection();\n  await insertOrder(conn, id);\n}\n`,
      errors: [leak('neverReleased', 5, 22, 'pool.getConnection()', 'mysql2')],
    },
    {
      // TypeORM: a query runner handed to a function that only runs queries with it.
      filename,
      code: `import { DataSource } from 'typeorm';\nimport { archiveOrder } from './runner-helpers';\nconst dataSource = new DataSource({ type: 'postgres' });\nexport async function archive(id: number) {\n  const queryRunner = dataSource.createQueryRunner();\n  await queryRunner.connect();\n  await archiveOrder(queryRunner, id);\n}\n`,
      errors: [leak('neverReleased', 5, 23, 'dataSource.createQueryRunner()', 'typeorm')],
    },
    {
      // A CommonJS function, from JavaScript with require (also through espree; the project service does not lint .js here).
      filename: path.join(fixturesDir, 'project/src/conn/caller.js'),
      mode: 'untyped',
      js: true,
      code: `const { Pool } = require('pg');\nconst { insertAudit } = require('./legacy');\nconst pool = new Pool();\nasync function place(id) {\n  const client = await pool.connect();\n  await insertAudit(client, 'placed');\n}\nmodule.exports = { place };\n`,
      errors: [leak('neverReleased', 5, 24, 'pool.connect()', 'pg')],
    },
  ],
});
