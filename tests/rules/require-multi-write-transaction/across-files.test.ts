// Writes made by the project's own functions (tests/fixtures/project/src/tx, and the same file): an awaited
// call of a function that writes on its own counts as a write at the call site, so two of them, or one
// beside a direct write, outside a transaction are reported on the second. Negatives: a helper handed
// the handle, a helper that holds its writes in a transaction, reads, another database, a call inside a
// transaction, a module that does not parse, `followModules: false`.
import path from 'node:path';
import rule from '../../../src/rules/require-multi-write-transaction';
import { fixturesDir, runRuleTests } from '../../helpers/rule-tester';

const filename = path.join(fixturesDir, 'project/src/tx/caller.ts');
const wrapIn = '`prisma.$transaction(async (tx) => …)`';

const second = (line: number, column: number, secondText: string, firstText: string, firstLine: number) => ({
  messageId: 'secondWrite' as const,
  line,
  column,
  data: { second: secondText, first: firstText, line: firstLine, wrapIn },
});

const place = (imports: string, body: string) => `import { prisma } from '../lib/db';\n${imports}\nexport async function place(id: number) {\n${body}\n}\n`;

runRuleTests('require-multi-write-transaction: across files', rule, {
  valid: [
    // One helper write and reads.
    { filename, code: place(`import { saveOrder, loadOrder } from './orders';`, `  const order = await loadOrder(id);\n  await saveOrder({ total: 1 });\n  return order;`) },
    // A helper handed the transaction, inside it.
    {
      filename,
      code: place(`import { saveOrderIn } from './orders';`, `  await prisma.$transaction(async (tx) => {\n    await saveOrderIn(tx, { total: 1 });\n    await tx.stock.update({ where: { id }, data: {} });\n  });`),
    },
    // Helper calls inside a transaction.
    {
      filename,
      code: place(`import { saveOrder } from './orders';`, `  await prisma.$transaction(async () => {\n    await saveOrder({ total: 1 });\n    await saveOrder({ total: 2 });\n  });`),
    },
    // A helper that holds its own writes in a transaction, beside a write.
    { filename, code: place(`import { placeOrder } from './orders';`, `  await placeOrder({ total: 1 });\n  await prisma.order.update({ where: { id }, data: {} });`) },
    // A helper that writes to another database.
    { filename, code: place(`import { trackOrder } from './orders';`, `  await prisma.order.update({ where: { id }, data: {} });\n  await trackOrder(id);`) },
    // Not awaited where it stands: the caller decides (`Promise.all`).
    { filename, code: place(`import { saveOrder } from './orders';`, `  await Promise.all([saveOrder({ total: 1 }), saveOrder({ total: 2 })]);`) },
    // A module that does not parse.
    { filename, code: place(`import { createAuditEntry } from './broken';`, `  await prisma.order.update({ where: { id }, data: {} });\n  await createAuditEntry({});`) },
    // The team turned cross-file reach off.
    {
      filename,
      code: place(`import { saveOrder } from './orders';`, `  await prisma.order.update({ where: { id }, data: {} });\n  await saveOrder({ total: 1 });`),
      settings: { dbconventions: { followModules: false } },
    },
  ],
  invalid: [
    {
      // A direct write, then a helper of another file that writes through the same client.
      filename,
      code: place(`import { saveOrder } from './orders';`, `  await prisma.order.update({ where: { id }, data: { paid: true } });\n  await saveOrder({ total: 1 });`),
      errors: [second(5, 9, '`saveOrder()` (it writes `prisma.order.create()` (./orders.ts))', '`prisma.order.update()`', 4)],
    },
    {
      // Two helper writes; the second one two hops away.
      filename,
      code: place(`import { saveOrder, persistOrder } from './orders';`, `  await saveOrder({ total: 1 });\n  await persistOrder({ total: 2 });`),
      errors: [
        second(
          5,
          9,
          '`persistOrder()` (it writes `saveOrder()` (./orders.ts) → `prisma.order.create()`)',
          '`saveOrder()` (it writes `prisma.order.create()` (./orders.ts))',
          4,
        ),
      ],
    },
    {
      // A function of the same file.
      filename,
      code: `import { prisma } from '../lib/db';\nasync function audit(id: number) {\n  await prisma.auditLog.create({ data: { id } });\n}\nexport async function place(id: number) {\n  await prisma.order.update({ where: { id }, data: {} });\n  await audit(id);\n}\n`,
      errors: [second(7, 9, '`audit()` (it writes `prisma.auditLog.create()`)', '`prisma.order.update()`', 6)],
    },
    {
      // A CommonJS helper, from JavaScript with require.
      filename: path.join(fixturesDir, 'project/src/tx/caller.js'),
      mode: 'untyped',
      js: true,
      code: `const { prisma } = require('../lib/db');\nconst { archiveOrder } = require('./legacy');\nasync function close(id) {\n  await prisma.order.update({ where: { id }, data: { closed: true } });\n  await archiveOrder(id);\n}\nmodule.exports = { close };\n`,
      errors: [second(5, 9, '`archiveOrder()` (it writes `prisma.order.update()` (./legacy.js))', '`prisma.order.update()`', 4)],
    },
  ],
});
