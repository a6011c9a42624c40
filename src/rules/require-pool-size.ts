import type { TSESTree } from '@typescript-eslint/utils';
import { mayMakePool, poolSizeLibraryIds, unsizedPoolOf } from '../analysis/connections/pool-size';
import { createRule } from '../util/create-rule';

type Options = [];
type MessageIds = 'unsizedPool';

export default createRule<Options, MessageIds>({
  name: 'require-pool-size',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require a connection pool to be created with an explicit size',
      recommended: 'strict',
      libraries: poolSizeLibraryIds,
    },
    messages: {
      unsizedPool:
        '`{{call}}` makes a {{library}} pool without an explicit size, so it runs with the library\'s default ({{default}}), whatever this process\'s concurrency and the database\'s `max_connections`: too small and requests queue for a connection, too large (times every process and replica) and the database refuses connections. Decide the size and write it down: {{example}}.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;

    function check(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      if (!mayMakePool(context, node)) return;
      const pool = unsizedPoolOf(context, node);
      if (!pool) return;
      context.report({
        node,
        messageId: 'unsizedPool',
        data: {
          call: `${node.type === 'NewExpression' ? 'new ' : ''}${sourceCode.getText(node.callee)}()`,
          library: pool.library.name,
          default: pool.spec.defaultSize,
          example: pool.spec.example,
        },
      });
    }

    return {
      CallExpression: check,
      NewExpression: check,
    };
  },
});
