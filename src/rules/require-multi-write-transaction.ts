import type { TSESTree } from '@typescript-eslint/utils';
import { mayWrite, WriteReader, type Write } from '../analysis/transactions/writes';
import type { FunctionNode } from '../analysis/transactions/scopes';
import { libraries } from '../knowledge';
import { createRule } from '../util/create-rule';

type Options = [];
type MessageIds = 'secondWrite' | 'writeInLoop';

const markIt =
  'If the writes may land apart, say so where it is decided: `// eslint-disable-next-line dbconventions/require-multi-write-transaction -- <why>`.';

export default createRule<Options, MessageIds>({
  name: 'require-multi-write-transaction',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require a transaction around two or more writes in one function',
      recommended: 'strict',
      libraries: libraries.filter((library) => library.writes).map((library) => library.id),
    },
    messages: {
      secondWrite: `\`{{second}}\` is a second write, after \`{{first}}\` on line {{line}}, and no transaction holds them together: when this one fails the first stays written, and the data is half-updated. Put both in one transaction: {{wrapIn}}. ${markIt}`,
      writeInLoop: `\`{{call}}\` writes once per iteration, and no transaction holds the iterations together: a failure half-way leaves the earlier ones written. Put the loop in one transaction ({{wrapIn}}) or make it one bulk write. ${markIt}`,
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    let reader: WriteReader | undefined;
    const byFunction = new Map<FunctionNode, Write[]>();

    return {
      CallExpression(node: TSESTree.CallExpression) {
        if (!mayWrite(node)) return;
        reader ??= new WriteReader(context);
        const found = reader.writeOf(node);
        if (!found) return;
        let writes = byFunction.get(found.fn);
        if (!writes) byFunction.set(found.fn, (writes = []));
        writes.push(found.write);
      },
      'Program:exit'() {
        for (const writes of byFunction.values()) {
          // One report per function and database: the second write (or the first, when it repeats in a loop).
          const firstOf = new Map<string, Write>();
          const reported = new Set<string>();
          for (const write of writes) {
            if (reported.has(write.database)) continue;
            const wrapIn = write.library.writes?.wrapIn ?? '';
            const first = firstOf.get(write.database);
            if (first) {
              reported.add(write.database);
              context.report({ node: write.node, messageId: 'secondWrite', data: { second: write.text, first: first.text, line: first.node.loc.start.line, wrapIn } });
            } else if (write.inLoop) {
              reported.add(write.database);
              context.report({ node: write.node, messageId: 'writeInLoop', data: { call: write.text, wrapIn } });
            } else {
              firstOf.set(write.database, write);
            }
          }
        }
      },
    };
  },
});
