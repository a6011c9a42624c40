import { textMentions } from '../analysis/text-screen';
import { transactionEndProblem } from '../analysis/transactions/ends';
import { openerWords, transactionOpenerNames, transactionScopeOf, type RegionScope, type TransactionOptions } from '../analysis/transactions/scopes';
import { libraries } from '../knowledge';
import { callNameQuickly } from '../util/ast';
import { createRule } from '../util/create-rule';

type Options = [];
type MessageIds = 'noCommit' | 'openAtReturn' | 'openAtEnd' | 'noRollback' | 'notAwaited' | 'noRelease';

const managed = 'Or use {{managed}}.';

export default createRule<Options, MessageIds>({
  name: 'require-transaction-end',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a manual transaction to end on every path: commit after the work, roll back on failure, both awaited',
      recommended: 'recommended',
      libraries: libraries
        .filter((library) => library.transactions?.some((spec) => spec.kind === 'region' || spec.kind === 'statements'))
        .map((library) => library.id),
    },
    messages: {
      noCommit: `{{opener}} opens a transaction that this function never commits: its writes are lost, and its connection and locks stay held until the pool or the server gives up. Commit after the work and roll back in a \`catch\`. ${managed}`,
      openAtReturn: `{{opener}} opens a transaction that is still open when the function returns on line {{line}}: that path neither commits nor rolls back, so the connection and its locks stay held. End it before returning. ${managed}`,
      openAtEnd: `{{opener}} opens a transaction that is still open when the function ends on some path (a branch or a \`catch\` that neither commits nor rolls back): the connection and its locks stay held. End it on every path. ${managed}`,
      noRollback: `{{opener}} opens a transaction with no rollback on failure: when a query between it and the commit throws, the transaction stays open, holding its locks and its connection. Roll back in a \`catch\` (and rethrow) around the work. ${managed}`,
      notAwaited: `{{opener}} opens a transaction whose \`{{end}}\` on line {{line}} is not awaited: the function goes on (and may release the connection) before the transaction has ended, and a failed commit goes unnoticed. Await it. ${managed}`,
      noRelease: `{{opener}} opens a transaction on a query runner that is not released in a \`finally\`: on the failure path its connection never goes back to the pool. Call \`release()\` in \`finally\`. ${managed}`,
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    // Manual regions only: callback APIs and decorators end their transaction themselves.
    const transactionOptions: TransactionOptions = { decorators: [], functions: [] };
    const openerNames = transactionOpenerNames(transactionOptions);
    // A file that never names an opener opens no transaction this rule reads.
    if (!textMentions(context.sourceCode.text, openerWords(openerNames))) return {};

    return {
      CallExpression(node) {
        const name = callNameQuickly(node);
        if (name === undefined || !openerNames.has(name)) return;
        const tentative = transactionScopeOf(context, node, transactionOptions);
        if (tentative?.kind !== 'region') return;
        const scope = tentative.confirm ? tentative.confirm() : tentative;
        if (scope?.kind !== 'region') return;
        const reading = transactionEndProblem(context, scope as RegionScope);
        if (!reading) return;
        const { problem } = reading;
        const opener = scope.openerText;
        const data = { opener, managed: reading.managed, line: 0, end: '' };
        switch (problem.kind) {
          case 'openAtExit':
            if (problem.at) context.report({ node, messageId: 'openAtReturn', data: { opener, managed: reading.managed, line: problem.at.loc.start.line } });
            else context.report({ node, messageId: 'openAtEnd', data });
            return;
          case 'notAwaited':
            context.report({ node, messageId: 'notAwaited', data: { opener, managed: reading.managed, end: problem.text, line: problem.end.loc.start.line } });
            return;
          default:
            context.report({ node, messageId: problem.kind, data });
        }
      },
    };
  },
});
