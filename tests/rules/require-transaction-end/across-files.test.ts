// A manual transaction handed to a function of the project (tests/fixtures/project/src/tx): when the module
// engine reads the function and it only runs queries with the handle, the opener still owns it and must end
// it; a function that commits it or keeps it, a package's function, a module that does not parse and
// `followModules: false` move ownership, as before.
import path from 'node:path';
import rule from '../../../src/rules/require-transaction-end';
import { fixturesDir, runRuleTests } from '../../helpers/rule-tester';

const filename = path.join(fixturesDir, 'project/src/tx/caller.ts');
const opened = (imports: string, body: string) => `import { db } from '../lib/knex';\n${imports}\nexport async function place(id: number) {\n  const trx = await db.transaction();\n${body}\n}\n`;

runRuleTests('require-transaction-end: across files', rule, {
  valid: [
    // The function commits it: its owner now.
    { filename, code: opened(`import { insertOrder, finish } from './trx-helpers';`, `  await insertOrder(trx, id);\n  await finish(trx);`) },
    // The function keeps it.
    { filename, code: opened(`import { keep } from './trx-helpers';`, `  keep(trx);`) },
    // A package's function: it cannot be read.
    { filename, code: opened(`import { runInside } from 'some-orm-helpers';`, `  await runInside(trx, id);`) },
    // A module that does not parse.
    { filename, code: opened(`import { createAuditEntry } from './broken';`, `  await createAuditEntry(trx);`) },
    // The team turned cross-file reach off.
    {
      filename,
      code: opened(`import { insertOrder } from './trx-helpers';`, `  await insertOrder(trx, id);`),
      settings: { dbconventions: { followModules: false } },
    },
    // The function hands it to a package's function, which cannot be read: that one may own it.
    { filename, code: opened(`import { publishOrder } from './trx-other-libraries';`, `  await publishOrder(trx, id);`) },
    // The same through a package method named like a model method (\`UnitOfWork.create(trx)\`): not a join.
    { filename, code: opened(`import { registerOrder } from './trx-other-libraries';`, `  await registerOrder(trx, id);`) },
    // Used by the function, ended here.
    {
      filename,
      code: opened(`import { insertOrder } from './trx-helpers';`, `  try {\n    await insertOrder(trx, id);\n    await trx.commit();\n  } catch (error) {\n    await trx.rollback();\n    throw error;\n  }`),
    },
  ],
  invalid: [
    {
      // The function only runs queries with it: nobody commits.
      filename,
      code: opened(`import { insertOrder } from './trx-helpers';`, `  await insertOrder(trx, id);`),
      errors: [{ messageId: 'noCommit', line: 4, column: 21 }],
    },
    {
      // Two hops, through a tsconfig alias.
      filename,
      code: opened(`import { insertOrderAndLines } from '@app/tx/trx-helpers';`, `  await insertOrderAndLines(trx, id);`),
      errors: [{ messageId: 'noCommit', line: 4, column: 21 }],
    },
    {
      // The function runs its query through another library on the handle (Objection's \`Order.query(trx)\`, a join, not a hand-off).
      filename,
      code: opened(`import { insertOrderModel } from './trx-other-libraries';`, `  await insertOrderModel(trx, id);`),
      errors: [{ messageId: 'noCommit', line: 4, column: 21 }],
    },
    {
      // The function also writes to another database, on a client of its own: the handle is still only used.
      filename,
      code: opened(`import { insertAndTrack } from './trx-other-libraries';`, `  await insertAndTrack(trx, id);`),
      errors: [{ messageId: 'noCommit', line: 4, column: 21 }],
    },
    {
      // A CommonJS function, from JavaScript with require.
      filename: path.join(fixturesDir, 'project/src/tx/caller.js'),
      mode: 'untyped',
      js: true,
      code: `const { db } = require('../lib/knex');\nconst { insertOrder } = require('./trx-legacy');\nasync function place(id) {\n  const trx = await db.transaction();\n  await insertOrder(trx, id);\n}\nmodule.exports = { place };\n`,
      errors: [{ messageId: 'noCommit', line: 4, column: 21 }],
    },
  ],
});
