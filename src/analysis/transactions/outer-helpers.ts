/**
 * Database work a transaction scope runs outside itself through a function of another file: a call in
 * the scope, handed neither the handle nor anything made from it, to a project function whose body
 * (or a function it calls) runs work through the transaction's own client, or through an object of the
 * library that always runs on a connection of its own (an injected repository, a model class):
 *
 *   await prisma.$transaction(async (tx) => {
 *     await tx.order.create({ data });
 *     await createAuditEntry(data);      // ../services/audit.ts: prisma.auditLog.create(…)
 *   });
 *
 * Reads as `handles.ts` does for the scope itself (`scopeClient`), and the other file through the
 * summaries of `remote-work.ts`. Reads another module only for a call in a scope that does not mention
 * the handle; a client of another library, or another client of a library whose clients may be
 * different databases (`new PrismaClient({ datasourceUrl })`), is not the transaction's.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../../util/node-types';
import { calleeName, unwrapExpression } from '../../util/ast';
import { isFunctionNode } from '../functions';
import { getLinks } from '../modules/link';
import type { AnyRuleContext } from '../per-file';
import { codeKeys } from '../walk';
import { joinsImplicitlyIn, scopeClient } from './handles';
import { clientIdentity, databaseWorkOf, type DatabaseUse } from './remote-work';
import type { TransactionScope } from './scopes';

export interface HelperOuterWork {
  /** The call in the scope. */
  readonly node: TSESTree.CallExpression;
  /** How it reads: `createAuditEntry()`. */
  readonly text: string;
  /** The file of the function it runs (absolute). */
  readonly file: string;
  readonly use: DatabaseUse;
}

/** Calls whose function arguments run now, in the scope: `items.map(async (item) => …)`. */
const runsCallbacksNow = new Set(['map', 'forEach', 'flatMap', 'all', 'allSettled']);

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compact(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 50 ? `${oneLine.slice(0, 47)}…` : oneLine;
}

/** Whether a node continues a call chain upwards (`x.y()` where the node is `x`): not the chain's top. */
function continuesChain(node: TSESTree.Node): boolean {
  let current = node;
  while (current.parent && (current.parent.type === AST_NODE_TYPES.TSNonNullExpression || current.parent.type === AST_NODE_TYPES.ChainExpression)) current = current.parent;
  const parent = current.parent;
  return parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === current;
}

/** The calls in the scope that may run a project function, and the variables declared in it (in order). */
function readScope(context: AnyRuleContext, scope: TransactionScope): { calls: TSESTree.CallExpression[]; declarators: TSESTree.VariableDeclarator[] } {
  const calls: TSESTree.CallExpression[] = [];
  const declarators: TSESTree.VariableDeclarator[] = [];
  const root = scope.kind === 'function' ? scope.body.body : scope.container;
  const keys = context.sourceCode.visitorKeys;
  const visit = (node: TSESTree.Node, runsNow: boolean): void => {
    if (isFunctionNode(node) && !runsNow) return;
    if (node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression) return;
    if (node.type === AST_NODE_TYPES.VariableDeclarator) declarators.push(node);
    const callbacksRun = node.type === AST_NODE_TYPES.CallExpression && runsCallbacksNow.has(calleeName(node) ?? '');
    for (const key of codeKeys(keys, node.type)) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof item === 'object' && 'type' in item) visit(item as TSESTree.Node, callbacksRun && key === 'arguments');
      }
    }
    if (node.type !== AST_NODE_TYPES.CallExpression || continuesChain(node)) return;
    const callee = unwrapExpression(node.callee);
    if (callee.type === AST_NODE_TYPES.Identifier || callee.type === AST_NODE_TYPES.MemberExpression) calls.push(node);
  };
  visit(root, true);
  return { calls, declarators };
}

/** The work calls in `scope` run outside it through functions of other files. `scope` must be confirmed. */
export function helperWorkIn(context: AnyRuleContext, scope: TransactionScope, implicitJoin = false): readonly HelperOuterWork[] {
  const links = getLinks(context);
  if (!links) return [];
  const { calls, declarators } = readScope(context, scope);
  if (calls.length === 0) return [];
  const client = scopeClient(context, scope, implicitJoin);
  if (!client) return [];
  const sourceCode = context.sourceCode;

  // The handle and everything made from it: `tx`, `const repo = new OrderRepo(tx)`, `const { order } = tx`.
  const handles: string[] = [];
  if (scope.kind === 'function') {
    for (const parameter of scope.body.params) {
      const node = parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.left : parameter;
      if (node.type === AST_NODE_TYPES.Identifier) handles.push(node.name);
      else handles.push(...sourceCode.getText(node).match(/[\w$]+/g) ?? []);
    }
  } else {
    handles.push(scope.handleText);
  }
  let pattern = handles.length > 0 ? new RegExp(`(?<![\\w$.])(${handles.map(escape).join('|')})(?![\\w$])`) : undefined;
  const mentionsHandle = (node: TSESTree.Node): boolean => pattern !== undefined && pattern.test(sourceCode.getText(node));
  for (const declarator of declarators) {
    if (!declarator.init || !mentionsHandle(declarator.init)) continue;
    handles.push(...(sourceCode.getText(declarator.id).match(/[\w$]+/g) ?? []));
    pattern = new RegExp(`(?<![\\w$.])(${handles.map(escape).join('|')})(?![\\w$])`);
  }

  let receiverIdentity: TSESTree.Node | undefined | null = null;
  const found: HelperOuterWork[] = [];
  for (const call of calls) {
    if (scope.kind === 'region' && !scope.inside(call)) continue;
    // Handed the handle, or called on it: the function can run its work in the transaction.
    if (mentionsHandle(call)) continue;
    const target = links.calledFunction(call);
    if (!target?.crossFile) continue;
    const uses = databaseWorkOf(target.context, target.fn);
    if (uses.length === 0) continue;
    const use = uses.find((candidate) => {
      if (candidate.library !== client.library) return false;
      if (candidate.standalone) return true;
      if (receiverIdentity === null) receiverIdentity = client.receiver && clientIdentity(context, client.receiver);
      return candidate.identity !== undefined && candidate.identity === receiverIdentity;
    });
    if (!use || joinsImplicitlyIn(target.context, use.library)) continue;
    found.push({ node: call, text: `${compact(sourceCode.getText(call.callee))}()`, file: getLinks(target.context)?.file ?? '', use });
  }
  return found;
}
