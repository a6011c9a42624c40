/**
 * Who owns an object handed to a project function (a transaction handle, a checked-out connection):
 * whether the function only uses it (runs queries with it), or takes ownership of it (ends or gives
 * it back, stores it, returns it, or hands it on to something that cannot be read). The owner of such
 * an object is the one to end it: `require-transaction-end` asks this where a handle leaves the
 * function that opened it, `require-connection-release` where a connection does.
 *
 * What ends or gives back the object is data the asking engine passes in (`OwnerActs`): the
 * libraries' `commit`/`rollback`/`release` and `COMMIT`/`ROLLBACK` sent as SQL for a transaction,
 * `release()`/`done()`/`releaseConnection(conn)` for a connection. Plain data per function and
 * parameter, remembered per acts and function node, safe against recursion and bounded in depth (an
 * answer cut short by the bound is not remembered, so every linted file gets the same answer); a
 * function that cannot be read (a package, a dynamic call, `followModules: false`, a file that does
 * not parse) owns what it is given.
 */
import { ASTUtils, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/node-types';
import { calleeName, outermostWrapper, staticKeyName, unwrapExpression } from '../util/ast';
import type { FunctionNode } from './functions';
import { getLinks } from './modules/link';
import type { AnyRuleContext } from './per-file';

/** What the owner of an object does with it that a mere user does not: the asking engine's knowledge, as data. */
export interface OwnerActs {
  /** Methods of the object that end it or give it back: `commit`, `rollback`, `release`, `done`. */
  readonly methods: ReadonlySet<string>;
  /** Functions or methods that end or give back the object passed as their first argument: `releaseConnection`. */
  readonly takingIt?: ReadonlySet<string>;
  /** SQL sent through the object (its first argument) that ends it: `COMMIT`, `ROLLBACK`. */
  readonly statements?: RegExp;
  /** Whether the object in an options object of a call (`{ transaction: t }`) runs that call in it: a use. Otherwise it is handed on. */
  readonly usedInOptions?: boolean;
  /**
   * Library calls that run a query in the object handed to them at an argument position (`Order.query(trx)`
   * at 0, `.transacting(trx)` at 0): a use, when the function called is not one of the project's that can be read.
   */
  readonly joins?: ReadonlyMap<string, readonly number[]>;
}

const MAX_DEPTH = 3;
let depth = 0;
/** Set when a reading stopped at the depth bound: its answer is partial, so it is not remembered. */
let boundHit = false;
const memo = new WeakMap<OwnerActs, WeakMap<FunctionNode, Map<number, boolean | null>>>();

function sqlStart(node: TSESTree.Node | undefined): string {
  if (!node) return '';
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') return value.value;
  if (value.type === AST_NODE_TYPES.TemplateLiteral) return value.quasis[0]?.value.cooked ?? '';
  return '';
}

/**
 * Whether a call hands argument `index` to a project function that only uses it: the module engine
 * reads the function, and it neither ends, gives back, stores, returns nor passes on the object.
 * Reads another module only for this call.
 */
export function handedOnlyForUse(context: AnyRuleContext, call: TSESTree.CallExpression, index: number, acts: OwnerActs): boolean {
  if (index < 0) return false;
  const target = getLinks(context)?.calledFunction(call);
  return target !== undefined && onlyUses(target.context, target.fn, index, acts);
}

function onlyUses(context: AnyRuleContext, fn: FunctionNode, index: number, acts: OwnerActs): boolean {
  let byFunction = memo.get(acts);
  if (!byFunction) memo.set(acts, (byFunction = new WeakMap()));
  let byIndex = byFunction.get(fn);
  if (!byIndex) byFunction.set(fn, (byIndex = new Map()));
  const known = byIndex.get(index);
  if (known !== undefined && known !== null) return known;
  // Recursion: it may own it.
  if (known === null) return false;
  if (depth >= MAX_DEPTH) {
    boundHit = true;
    return false;
  }
  byIndex.set(index, null);
  const outer = boundHit;
  boundHit = false;
  depth++;
  let result = false;
  try {
    result = readUses(context, fn, index, acts);
  } finally {
    depth--;
    if (boundHit) byIndex.delete(index);
    else byIndex.set(index, result);
    boundHit ||= outer;
  }
  return result;
}

function readUses(context: AnyRuleContext, fn: FunctionNode, index: number, acts: OwnerActs): boolean {
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
        if (method !== undefined && acts.methods.has(method)) return false;
        used = true;
        continue;
      }
      if (method === undefined || acts.methods.has(method) || (acts.statements?.test(sqlStart(call.arguments[0])) ?? false)) return false;
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
      if (acts.usedInOptions && call?.type === AST_NODE_TYPES.CallExpression && call.arguments.includes(object as TSESTree.CallExpressionArgument)) {
        used = true;
        continue;
      }
      return false;
    }
    // Handed on: only to a function that only uses it, and never to one that gives it back (`pool.releaseConnection(conn)`).
    if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(value as TSESTree.CallExpressionArgument)) {
      const position = parent.arguments.indexOf(value as TSESTree.CallExpressionArgument);
      const name = calleeName(parent) ?? '';
      if (position === 0 && acts.takingIt?.has(name)) return false;
      const target = getLinks(context)?.calledFunction(parent);
      if (target ? !onlyUses(target.context, target.fn, position, acts) : !(acts.joins?.get(name)?.includes(position) ?? false)) return false;
      used = true;
      continue;
    }
    // Returned, stored, put in an array, compared, anything else: it may own it.
    return false;
  }
  return used;
}
