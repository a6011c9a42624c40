import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/node-types';
import { getReach, type Reach, type Step } from '../analysis/transactions/reach';
import { specifierSchema, type Specifier } from '../analysis/objects/specifiers';
import {
  decoratedScope,
  transactionOpenerNames,
  transactionScopeOf,
  type TransactionOptions,
  type TransactionScope,
} from '../analysis/transactions/scopes';
import { describeFile } from '../analysis/modules/link';
import { projectHelperScope } from '../analysis/transactions/helpers';
import { libraries } from '../knowledge';
import { ioLibraries } from '../knowledge/io';
import transactionHelpers from '../knowledge/transaction-helpers';
import { callNameQuickly } from '../util/ast';
import { createRule } from '../util/create-rule';


type Options = [
  {
    ioFunctions?: Specifier[];
    ioModules?: string[];
    allow?: Specifier[];
    allowLibraries?: string[];
    transactionalDecorators?: string[];
    transactionFunctions?: string[];
  },
];
type MessageIds = 'ioInTransaction' | 'ioInTransactionThrough';

const defaults: Options[0] = {
  ioFunctions: [],
  ioModules: [],
  allow: [],
  allowLibraries: [],
  transactionalDecorators: [...transactionHelpers.decorators],
  transactionFunctions: [],
};

const why =
  'the transaction keeps its locks and its pooled connection while it waits on {{waitsOn}}, and every request that needs those rows or a connection waits with it. Do the I/O before the transaction and then write, run it after commit{{afterCommit}}, or record it in an outbox table in the same transaction and send it from there.';

export default createRule<Options, MessageIds>({
  name: 'no-io-in-transaction',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow external I/O (HTTP, files, mail, queues, sleeps) while a database transaction is open',
      recommended: 'recommended',
      libraries: libraries.filter((library) => library.transactions && library.transactions.length > 0).map((library) => library.id),
    },
    messages: {
      ioInTransaction: `\`{{call}}\` ({{what}}) runs inside the transaction opened by {{opener}} on line {{line}}: ${why}`,
      ioInTransactionThrough: `\`{{call}}\` calls {{path}} ({{what}}) inside the transaction opened by {{opener}} on line {{line}}: ${why}`,
    },
    schema: [
      {
        type: 'object',
        properties: {
          ioFunctions: {
            type: 'array',
            items: specifierSchema(),
            description: 'More calls that are I/O: `{ name }` for a function or method name, `{ module, export }` for an export.',
          },
          ioModules: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: 'Modules whose every export is I/O when called (your own HTTP or mail client).',
          },
          allow: {
            type: 'array',
            items: specifierSchema(),
            description: 'Calls never reported, even when they are I/O.',
          },
          allowLibraries: {
            type: 'array',
            items: { type: 'string', enum: ioLibraries.map((library) => library.id) },
            uniqueItems: true,
            description: 'I/O libraries (by id) never reported.',
          },
          transactionalDecorators: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: 'Decorators that run a method in a transaction. Replaces the default list.',
          },
          transactionFunctions: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: 'Your own function or method names whose last function argument runs in a transaction.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [defaults],
  },
  defaultOptions: [defaults],
  create(context, [options]) {
    const transactionOptions: TransactionOptions = {
      decorators: options.transactionalDecorators ?? transactionHelpers.decorators,
      functions: options.transactionFunctions ?? [],
    };
    const ioOptions = {
      ioFunctions: options.ioFunctions ?? [],
      ioModules: options.ioModules ?? [],
      allow: options.allow ?? [],
      allowLibraries: options.allowLibraries ?? [],
    };
    const openerNames = transactionOpenerNames(transactionOptions);
    const reported = new Set<TSESTree.Node>();

    let reach: Reach | undefined;

    function check(tentative: TransactionScope): void {
      reach ??= getReach(context, ioOptions);
      let findings = reach.findingsIn(tentative);
      if (findings.length === 0) return;
      // Recognised from names alone: only now ask whether it really is a transaction (and whose).
      const scope = tentative.confirm ? tentative.confirm() : tentative;
      if (!scope) return;
      if (handleOf(scope) !== handleOf(tentative)) findings = reach.findingsIn(scope);
      for (const finding of findings) {
        if (reported.has(finding.node)) continue;
        reported.add(finding.node);
        const [first, ...rest] = finding.path;
        const data = {
          call: first!.text,
          path: describePath(context, rest),
          what: finding.hit.what,
          waitsOn: finding.hit.waitsOn,
          opener: scope.openerText,
          line: scope.opener.loc.start.line,
          afterCommit: scope.afterCommitHint ? ` (${scope.afterCommitHint})` : '',
        };
        context.report({
          node: finding.node,
          messageId: rest.length === 0 ? 'ioInTransaction' : 'ioInTransactionThrough',
          data,
        });
      }
    }

    return {
      CallExpression(node) {
        // Every call passes here: the name check comes first, and inline for the common shapes.
        const name = callNameQuickly(node);
        if (name === undefined) return;
        if (openerNames.has(name)) {
          const scope = transactionScopeOf(context, node, transactionOptions);
          if (scope) check(scope);
        } else if (mayOpenThroughHelper(node, name)) {
          // The project's own helper (`withTransaction(async (tx) => …)`), found by what it does.
          const scope = projectHelperScope(context, node);
          if (scope) check(scope);
        }
      },
      MethodDefinition(node) {
        // espree's nodes have no `decorators` at all.
        if (!node.decorators?.length) return;
        const scope = decoratedScope(context, node, transactionOptions);
        if (scope) check(scope);
      },
    };
  },
});

/** Array and promise methods take callbacks every few lines and are never transaction helpers. */
const builtInCallbackMethods = new Set(['map', 'forEach', 'filter', 'reduce', 'some', 'every', 'find', 'findIndex', 'flatMap', 'sort', 'then', 'catch', 'finally']);

/** The cheap test before asking the module engine: a call handed an inline function, through a name that could be a helper. */
function mayOpenThroughHelper(call: TSESTree.CallExpression, name: string): boolean {
  if (builtInCallbackMethods.has(name)) return false;
  // A transaction helper hands its callback something to work with (the handle, a unit of work):
  // a callback that takes nothing is a retry, a cache fill, a test, not worth reading a module for.
  return call.arguments.some(
    (argument) =>
      (argument.type === AST_NODE_TYPES.ArrowFunctionExpression || argument.type === AST_NODE_TYPES.FunctionExpression) && argument.params.length > 0,
  );
}

/** `a()`, which calls `b()` in lib/mail.ts, which calls `c()`: a file is named where the path enters it. */
function describePath(context: Readonly<TSESLint.RuleContext<MessageIds, Options>>, steps: readonly Step[]): string {
  let file: string | undefined;
  return steps
    .map((step) => {
      const entering = step.file !== undefined && step.file !== file;
      file = step.file;
      return entering ? `\`${step.text}\` in ${describeFile(context, step.file!)}` : `\`${step.text}\``;
    })
    .join(', which calls ');
}

function handleOf(scope: TransactionScope): unknown {
  return scope.kind === 'function' ? scope.handle : scope.handleText;
}
