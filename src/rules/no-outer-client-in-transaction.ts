import { textMentions } from '../analysis/text-screen';
import { type TSESTree } from '@typescript-eslint/utils';
import { describeFile } from '../analysis/modules/link';
import { outerWorkIn, handleNameOf, type OuterWork } from '../analysis/transactions/handles';
import { helperWorkIn, type HelperOuterWork } from '../analysis/transactions/outer-helpers';
import { describePath } from '../analysis/transactions/remote-work';
import { openerWords, transactionOpenerNames, transactionScopeOf, type TransactionOptions, type TransactionScope } from '../analysis/transactions/scopes';
import { libraries } from '../knowledge';
import { callNameQuickly } from '../util/ast';
import { createRule } from '../util/create-rule';

type Options = [{ cls?: boolean }];
type MessageIds = 'outerClient' | 'outerClientInHelper' | 'outerTransaction' | 'useHandle';

const cost =
  'it runs on another pooled connection, outside the transaction: it is not rolled back when the transaction fails, it cannot see the rows the transaction has written, and with a small pool it waits for a connection the transaction holds (a deadlock)';

export default createRule<Options, MessageIds>({
  name: 'no-outer-client-in-transaction',
  meta: {
    type: 'problem',
    hasSuggestions: true,
    docs: {
      description: 'Disallow database calls inside a transaction that go through a client other than the transaction’s handle',
      recommended: 'recommended',
      libraries: libraries.filter((library) => library.transactionWork).map((library) => library.id),
    },
    messages: {
      outerClient: '`{{call}}` goes through `{{client}}`, not the transaction {{opener}} opened on line {{line}}: {{cost}}. Instead, {{advice}}.',
      outerClientInHelper:
        '`{{call}}` ({{file}}) {{verb}} through `{{client}}` ({{path}}), not through the transaction {{opener}} opened on line {{line}}: {{cost}}. Instead, hand it {{handle}} and run its work through that.',
      outerTransaction:
        '`{{call}}` opens a second transaction on `{{client}}` inside the one {{opener}} opened on line {{line}}: it holds a second connection while the first waits on it, and with a small pool the two deadlock. Do the work in the open transaction: {{advice}}.',
      useHandle: 'Run it through `{{handle}}`.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          cls: {
            type: 'boolean',
            description:
              'The app turns on continuation-local storage for transactions (`Sequelize.useCLS(namespace)`) in a file the rule does not read: queries of a library that joins the open transaction through it are not reported.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ cls: false }],
  },
  defaultOptions: [{ cls: false }],
  create(context, [options]) {
    const cls = options.cls === true;
    // Decorated methods and the user's helpers have no client to compare with: the library APIs only.
    const transactionOptions: TransactionOptions = { decorators: [], functions: [] };
    const openerNames = transactionOpenerNames(transactionOptions);
    // A file that never names an opener opens no transaction this rule reads.
    if (!textMentions(context.sourceCode.text, openerWords(openerNames))) return {};
    const reported = new Set<TSESTree.Node>();

    function report(scope: TransactionScope, finding: OuterWork): void {
      if (reported.has(finding.node)) return;
      reported.add(finding.node);
      const handle = handleNameOf(scope);
      const handleText = handle ?? 'the handle the transaction gives you';
      const advice = (finding.work?.advice ?? 'run it through `{{handle}}`, the handle the transaction gives you').replace(/\{\{handle\}\}/g, handleText);
      const { swap } = finding;
      context.report({
        node: finding.node,
        messageId: finding.kind === 'transaction' ? 'outerTransaction' : 'outerClient',
        data: {
          call: finding.text,
          client: finding.client,
          opener: scope.openerText,
          line: scope.opener.loc.start.line,
          cost,
          advice,
        },
        suggest:
          swap && handle
            ? [{ messageId: 'useHandle', data: { handle }, fix: (fixer) => fixer.replaceTextRange([swap.range[0], swap.range[1]], swap.text) }]
            : [],
      });
    }

    function reportHelper(scope: TransactionScope, finding: HelperOuterWork): void {
      if (reported.has(finding.node)) return;
      reported.add(finding.node);
      const handle = handleNameOf(scope);
      context.report({
        node: finding.node,
        messageId: 'outerClientInHelper',
        data: {
          call: finding.text,
          file: describeFile(context, finding.file),
          verb: finding.use.write ? 'writes' : 'queries',
          client: finding.use.client,
          path: describePath(context, finding.use.path, finding.file),
          opener: scope.openerText,
          line: scope.opener.loc.start.line,
          cost,
          handle: handle ? `\`${handle}\`` : 'the handle the transaction gives you',
        },
      });
    }

    function check(tentative: TransactionScope): void {
      let findings = outerWorkIn(context, tentative, cls);
      // Work in functions of other files: read only for calls that do not hand the function the handle.
      let helperFindings = helperWorkIn(context, tentative, cls);
      if (findings.length === 0 && helperFindings.length === 0) return;
      // Recognised from names alone: only now ask whether it really is a transaction (and whose).
      const scope = tentative.confirm ? tentative.confirm() : tentative;
      if (!scope) return;
      if (scope.library !== tentative.library || handleNameOf(scope) !== handleNameOf(tentative)) {
        findings = outerWorkIn(context, scope, cls);
        helperFindings = helperWorkIn(context, scope, cls);
      }
      for (const finding of findings) report(scope, finding);
      for (const finding of helperFindings) reportHelper(scope, finding);
    }

    return {
      CallExpression(node) {
        // Every call passes here: the name check comes first, and inline for the common shapes.
        const name = callNameQuickly(node);
        if (name === undefined || !openerNames.has(name)) return;
        const scope = transactionScopeOf(context, node, transactionOptions);
        if (scope) check(scope);
      },
    };
  },
});
