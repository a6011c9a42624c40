import type { TSESTree } from '@typescript-eslint/utils';
import { getWriteReader, helperCallWriteOf } from '../analysis/transactions/remote-work';
import { mayWrite, type Write } from '../analysis/transactions/writes';
import type { FunctionNode } from '../analysis/transactions/scopes';
import { libraries } from '../knowledge';
import { outermostWrapper } from '../util/ast';
import { AST_NODE_TYPES } from '../util/node-types';
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
      secondWrite: `{{second}} is a second write, after {{first}} on line {{line}}, and no transaction holds them together: when this one fails the first stays written, and the data is half-updated. Put both in one transaction: {{wrapIn}}. ${markIt}`,
      writeInLoop: `\`{{call}}\` writes once per iteration, and no transaction holds the iterations together: a failure half-way leaves the earlier ones written. Put the loop in one transaction ({{wrapIn}}) or make it one bulk write. ${markIt}`,
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const byFunction = new Map<FunctionNode, Write[]>();
    /** Awaited calls that may run a project function that writes, per function: read only where they can matter. */
    const candidates = new Map<FunctionNode, TSESTree.CallExpression[]>();
    /** Function nesting while walking, to file each candidate under its function without a parent walk. */
    const functions: FunctionNode[] = [];
    const enter = (fn: FunctionNode): void => {
      functions.push(fn);
    };
    const leave = (): void => {
      functions.pop();
    };
    const quote = (write: Write): string => (write.through ? `\`${write.text}\` (${write.through})` : `\`${write.text}\``);

    return {
      FunctionDeclaration: enter,
      FunctionExpression: enter,
      ArrowFunctionExpression: enter,
      'FunctionDeclaration:exit': leave,
      'FunctionExpression:exit': leave,
      'ArrowFunctionExpression:exit': leave,
      CallExpression(node: TSESTree.CallExpression) {
        if (mayWrite(node)) {
          const found = getWriteReader(context).writeOf(node);
          if (found) {
            let writes = byFunction.get(found.fn);
            if (!writes) byFunction.set(found.fn, (writes = []));
            writes.push(found.write);
            return;
          }
        }
        // A call of the project's own code, awaited where it stands: a write if the function it runs writes.
        const fn = functions[functions.length - 1];
        if (!fn || outermostWrapper(node).type !== AST_NODE_TYPES.AwaitExpression) return;
        const callee = node.callee;
        if (callee.type !== AST_NODE_TYPES.Identifier && callee.type !== AST_NODE_TYPES.MemberExpression) return;
        let calls = candidates.get(fn);
        if (!calls) candidates.set(fn, (calls = []));
        calls.push(node);
      },
      'Program:exit'() {
        // A helper's write matters only beside another write: a function with a direct write and a
        // candidate, or two candidates. Only those read other modules.
        for (const [fn, calls] of candidates) {
          const direct = byFunction.get(fn)?.length ?? 0;
          if (direct + calls.length < 2) continue;
          const found: Write[] = [];
          for (const call of calls) {
            const write = helperCallWriteOf(context, call)?.write;
            if (write) found.push(write);
          }
          if (found.length === 0) continue;
          const writes = [...(byFunction.get(fn) ?? []), ...found].sort((a, b) => a.node.range[0] - b.node.range[0]);
          byFunction.set(fn, writes);
        }
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
              context.report({ node: write.node, messageId: 'secondWrite', data: { second: quote(write), first: quote(first), line: first.node.loc.start.line, wrapIn } });
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
