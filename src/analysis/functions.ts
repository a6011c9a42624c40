/**
 * Small questions about one function, shared by the engines that summarise functions (SQL
 * wrappers, transaction helpers): which parameter an expression is, and the calls a body makes.
 */
import { ASTUtils, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/node-types';
import { unwrapExpression } from '../util/ast';
import type { AnyRuleContext } from './per-file';
import { codeKeys } from './walk';

export type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

export function isFunctionNode(node: TSESTree.Node | null | undefined): node is FunctionNode {
  return (
    node?.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node?.type === AST_NODE_TYPES.FunctionExpression ||
    node?.type === AST_NODE_TYPES.FunctionDeclaration
  );
}

/** Which parameter of `fn` an expression is (as written, not a copy), or -1. */
export function parameterIndex(context: AnyRuleContext, fn: FunctionNode, node: TSESTree.Node | undefined): number {
  if (!node) return -1;
  const value = unwrapExpression(node);
  if (value.type !== AST_NODE_TYPES.Identifier) return -1;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(value), value);
  const definition = variable?.defs[0];
  if (definition?.type !== 'Parameter' || definition.node !== fn) return -1;
  return fn.params.findIndex((parameter) => (parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.left : parameter) === definition.name);
}

/** Visits every call inside `root`, nested functions included, until `visit` answers true. */
export function someCallIn(context: AnyRuleContext, root: TSESTree.Node, visit: (call: TSESTree.CallExpression) => boolean): boolean {
  const keys = context.sourceCode.visitorKeys;
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === AST_NODE_TYPES.CallExpression && visit(node)) return true;
    for (const key of codeKeys(keys, node.type)) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof item === 'object' && 'type' in item) stack.push(item as TSESTree.Node);
      }
    }
  }
  return false;
}

/**
 * A memo for one kind of function summary (SQL wrapper, transaction helper): computed once per
 * function, safe against recursion (a function being summarised answers "no" to itself), and
 * bounded in how deep summaries may ask for the summaries of the functions they call.
 */
export function summaryMemo<T>(maxDepth = 4): (fn: FunctionNode, compute: () => T | undefined) => T | undefined {
  const memo = new WeakMap<FunctionNode, T | null>();
  let depth = 0;
  return (fn, compute) => {
    if (memo.has(fn)) return memo.get(fn) ?? undefined;
    if (depth >= maxDepth || fn.params.length === 0) return undefined;
    memo.set(fn, null);
    depth++;
    let result: T | undefined;
    try {
      result = compute();
    } finally {
      depth--;
    }
    memo.set(fn, result ?? null);
    return result;
  };
}
