import { textMentions } from '../analysis/text-screen';
import { AST_NODE_TYPES } from '../util/node-types';
import { acquireMethodNames, acquireMethodWords, acquisitionOf, connectionLibraryIds, type Acquisition } from '../analysis/connections/acquisitions';
import { leaksOf, type Leak } from '../analysis/connections/paths';
import { createRule } from '../util/create-rule';

type Options = [{ releaseFunctions?: string[] }];
type MessageIds = 'neverReleased' | 'releaseSkippedByThrow' | 'releaseSkippedByReturn' | 'releaseNotOnEveryPath';

const cost =
  'a pool holds a handful of connections (10 by default in most drivers), and each one that never goes back is gone until the process restarts: once they are all out, every query waits for a connection that never comes and the service stops answering.';
const fix = 'Give it back with {{release}} in a `finally` block that directly follows the checkout, so that every path, the failing ones too, returns it.';

export default createRule<Options, MessageIds>({
  name: 'require-connection-release',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a connection checked out of a pool to be released on every path, in a `finally`',
      recommended: 'recommended',
      libraries: connectionLibraryIds,
    },
    messages: {
      neverReleased: `\`{{call}}\` checks a connection out of the {{library}} pool and this function never gives it back: ${cost} ${fix}`,
      releaseSkippedByThrow: `\`{{call}}\` checks a connection out of the {{library}} pool, but an error thrown on line {{line}} skips its release: ${cost} ${fix}`,
      releaseSkippedByReturn: `\`{{call}}\` checks a connection out of the {{library}} pool, but the \`return\` on line {{line}} leaves with it still checked out: ${cost} ${fix}`,
      releaseNotOnEveryPath: `\`{{call}}\` checks a connection out of the {{library}} pool, but some paths through this function never release it: ${cost} ${fix}`,
    },
    schema: [
      {
        type: 'object',
        properties: {
          releaseFunctions: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: 'Your own functions that give back the connection passed as their first argument (`releaseQuietly(client)`).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ releaseFunctions: [] }],
  },
  defaultOptions: [{ releaseFunctions: [] }],
  create(context, [options]) {
    // A file that never names an acquiring method checks out no connection.
    if (!textMentions(context.sourceCode.text, acquireMethodWords)) return {};
    const releaseFunctions = options.releaseFunctions ?? [];
    const sourceCode = context.sourceCode;

    function report(acquisition: Acquisition, messageId: MessageIds, line?: number): void {
      const { call } = acquisition;
      context.report({
        node: call,
        messageId,
        data: {
          call: `${sourceCode.getText(call.callee)}()`,
          library: acquisition.library.name,
          release: acquisition.spec.releaseText,
          line: line ?? call.loc.start.line,
        },
      });
    }

    return {
      CallExpression(node) {
        // Every call passes here: the method name first, inline for the common shape.
        const callee = node.callee;
        if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.property.type !== AST_NODE_TYPES.Identifier || callee.computed) return;
        if (!acquireMethodNames.has(callee.property.name)) return;
        const acquisition = acquisitionOf(context, node, releaseFunctions);
        if (!acquisition || acquisition.movedAway) return;
        const { releases } = acquisition;
        if (releases.length === 0) {
          report(acquisition, 'neverReleased');
          return;
        }
        const leaks = leaksOf(acquisition, sourceCode.visitorKeys);
        if (leaks.length === 0) return;
        const first = (kind: Leak['kind']): Leak | undefined => leaks.find((leak) => leak.kind === kind);
        // Released in a `.then()` callback: the rejection path is the one that skips it.
        const thenOnly = releases.find((site) => site.kind === 'then');
        if (thenOnly) return report(acquisition, 'releaseSkippedByThrow', thenOnly.node.loc.start.line);
        const early = first('return');
        if (early) return report(acquisition, 'releaseSkippedByReturn', early.node.loc.start.line);
        const thrown = first('throw');
        if (thrown) return report(acquisition, 'releaseSkippedByThrow', thrown.node.loc.start.line);
        report(acquisition, 'releaseNotOnEveryPath');
      },
    };
  },
});
