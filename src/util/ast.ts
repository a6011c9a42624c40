import { type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';

/** Looks through TypeScript-only wrappers and optional chains, which do not change the value. */
export function unwrapExpression(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSInstantiationExpression:
        current = current.expression;
        break;
      case AST_NODE_TYPES.ChainExpression:
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

/** The static name of a property key or member property: `a`, `'a'`, `[`a`]`; undefined when computed from data. */
export function staticKeyName(
  node: TSESTree.Property | TSESTree.MemberExpression | TSESTree.PropertyDefinition | TSESTree.MethodDefinition,
): string | undefined {
  const key = node.type === AST_NODE_TYPES.MemberExpression ? node.property : node.key;
  if (!node.computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.Literal && (typeof key.value === 'string' || typeof key.value === 'number')) {
    return String(key.value);
  }
  if (key.type === AST_NODE_TYPES.TemplateLiteral && key.expressions.length === 0) return key.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** The name a call is made through: `f()` → f, `a.b.f()` → f. */
export function calleeName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  return referenceName(call.callee);
}

/**
 * The name a call is made through, with the two common shapes inline (`f()`, `a.f()`): the first
 * filter of visitors that see every call of a file.
 */
export function callNameQuickly(call: TSESTree.CallExpression): string | undefined {
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier && !callee.computed) return callee.property.name;
  return calleeName(call);
}

/** The name an expression refers to a function by: `fetch` → `fetch`, `this.http.get` → `get`. */
export function referenceName(node: TSESTree.Node): string | undefined {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.Identifier) return expression.name;
  if (expression.type === AST_NODE_TYPES.MemberExpression) return staticKeyName(expression);
  return undefined;
}

export function isStringLiteral(node: TSESTree.Node | undefined, value?: string): node is TSESTree.StringLiteral {
  return node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'string' && (value === undefined || node.value === value);
}

/**
 * The child nodes of a node, for walks that have no visitor keys at hand (the migration rules read
 * functions without a SourceCode): every own property that holds a node or nodes, `parent` excepted.
 */
export function* childNodes(node: TSESTree.Node): Generator<[key: string, child: TSESTree.Node]> {
  for (const key of Object.keys(node)) {
    if (key === 'parent' || key === 'loc' || key === 'range') continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const item of value) if (item && typeof item === 'object' && 'type' in item) yield [key, item as TSESTree.Node];
    } else if (value && typeof value === 'object' && 'type' in value) {
      yield [key, value as TSESTree.Node];
    }
  }
}

/** The outermost of the awaits and TypeScript wrappers around a value: `await (knex.transaction() as Knex)`. */
export function outermostWrapper(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.parent &&
    (current.parent.type === AST_NODE_TYPES.AwaitExpression ||
      current.parent.type === AST_NODE_TYPES.TSAsExpression ||
      current.parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      current.parent.type === AST_NODE_TYPES.TSSatisfiesExpression)
  ) {
    current = current.parent;
  }
  return current;
}

/** Whether `node` sits inside `ancestor` (or is it). */
export function isWithin(node: TSESTree.Node, ancestor: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) if (current === ancestor) return true;
  return false;
}
