/**
 * What a project function does with an object handed to it (a transaction handle, a checked-out
 * connection): whether it only uses it (runs queries with it), or takes ownership of it (ends or
 * releases it, stores it, returns it, or hands it on to something that cannot be read). The owner
 * of a handle is the one to end it: `require-transaction-end` asks this where the handle leaves the
 * function that opened it.
 *
 * The names that end or give back an object are the libraries' (every region's `end`, `rollback`
 * and `release`, and `COMMIT`/`ROLLBACK` sent as SQL). Plain data per function and parameter,
 * remembered per function node, safe against recursion and bounded in depth; a function that cannot
 * be read (a package, a dynamic call, `followModules: false`) owns what it is given.
 */
import { ASTUtils, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../../util/node-types';
import { libraries } from '../../knowledge';
import { outermostWrapper, staticKeyName, unwrapExpression } from '../../util/ast';
import type { FunctionNode } from '../functions';
import { getLinks } from '../modules/link';
import type { AnyRuleContext } from '../per-file';

/** Methods that end a transaction or give a connection back, of any library. */
const endingMethods = new Set(
  libraries.flatMap((library) =>
    (library.transactions ?? []).flatMap((spec) => (spec.kind === 'region' ? [...spec.end, ...spec.rollback, ...(spec.release ?? [])] : [])),
  ),
);
const endingStatement = /^\s*(COMMIT|ROLLBACK|END|ABORT)\b/i;

const MAX_DEPTH = 3;
let depth = 0;
const memo = new WeakMap<FunctionNode, Map<number, boolean | null>>();

function sqlStart(node: TSESTree.Node | undefined): string {
  if (!node) return '';
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') return value.value;
  if (value.type === AST_NODE_TYPES.TemplateLiteral) return value.quasis[0]?.value.cooked ?? '';
  return '';
}

/**
 * Whether a call hands argument `index` to a project function that only uses it: the module engine
 * reads the function, and it neither ends, stores, returns nor passes on the object.
 */
export function handedOnlyForUse(context: AnyRuleContext, call: TSESTree.CallExpression, index: number): boolean {
  const target = getLinks(context)?.calledFunction(call);
  return target !== undefined && onlyUses(target.context, target.fn, index);
}

function onlyUses(context: AnyRuleContext, fn: FunctionNode, index: number): boolean {
  let byIndex = memo.get(fn);
  if (!byIndex) memo.set(fn, (byIndex = new Map()));
  const known = byIndex.get(index);
  if (known !== undefined) return known === true;
  // Recursion, or too deep to read: it may own it.
  if (known === null || depth >= MAX_DEPTH) return false;
  byIndex.set(index, null);
  depth++;
  let result: boolean;
  try {
    result = readUses(context, fn, index);
  } finally {
    depth--;
  }
  byIndex.set(index, result);
  return result;
}

function readUses(context: AnyRuleContext, fn: FunctionNode, index: number): boolean {
  const parameter = fn.params[index];
  if (parameter?.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(fn), parameter.name);
  if (!variable || variable.defs[0]?.name !== parameter) return false;
  let used = false;
  for (const reference of variable.references) {
    const identifier = reference.identifier as TSESTree.Node;
    if (identifier === parameter) continue;
    if (reference.isWrite()) return false;
    const value = outermostWrapper(identifier);
    const parent = value.parent;
    if (!parent) return false;
    // `trx.query(…)`, `trx.commit()`: a method of the object.
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === value) {
      const method = staticKeyName(parent);
      const call = parent.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== parent) {
        // `trx.user.create()`, `trx.commit` passed on: a property chain runs queries; a method reference may end it.
        if (method !== undefined && endingMethods.has(method)) return false;
        used = true;
        continue;
      }
      if (method === undefined || endingMethods.has(method) || endingStatement.test(sqlStart(call.arguments[0]))) return false;
      used = true;
      continue;
    }
    // `trx('orders').insert(…)`: a callable handle runs a query.
    if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === value) {
      used = true;
      continue;
    }
    // `{ transaction: t }` options of a call: the query runs in it.
    if (parent.type === AST_NODE_TYPES.Property && parent.value === value) {
      const object = parent.parent;
      const call = object && outermostWrapper(object).parent;
      if (call?.type === AST_NODE_TYPES.CallExpression && call.arguments.includes(object as TSESTree.CallExpressionArgument)) {
        used = true;
        continue;
      }
      return false;
    }
    // Handed on: only to a function that only uses it.
    if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(value as TSESTree.CallExpressionArgument)) {
      if (!handedOnlyForUse(context, parent, parent.arguments.indexOf(value as TSESTree.CallExpressionArgument))) return false;
      used = true;
      continue;
    }
    // Returned, stored, put in an array, compared, anything else: it may own it.
    return false;
  }
  return used;
}
