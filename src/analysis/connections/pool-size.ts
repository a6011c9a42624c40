/**
 * Does the code that makes a pool say how big it is? Reads the options object the knowledge
 * points at (`connections.poolSize`): the size keys, a size parameter in a literal connection
 * string, or a sign that there is no pool at all (SQLite). Answers only when the options are in
 * sight: an options object built elsewhere or spread from another object may well set the size.
 */
import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { libraries } from '../../knowledge';
import type { PoolSizeSpec } from '../../knowledge/types-connections';
import { isStringLiteral, staticKeyName, unwrapExpression } from '../../util/ast';
import { AST_NODE_TYPES } from '../../util/node-types';
import type { AnyRuleContext } from '../per-file';
import { FactoryMatcher, type FactoryMatch } from './clients';

const matcher = new FactoryMatcher<PoolSizeSpec>(
  libraries.flatMap((library) => (library.connections?.poolSize ?? []).map((spec) => ({ library, spec }))),
);

export const poolSizeLibraryIds: readonly string[] = libraries.filter((library) => library.connections?.poolSize?.length).map((library) => library.id);

export type UnsizedPool = FactoryMatch<PoolSizeSpec>;

export function mayMakePool(context: AnyRuleContext, node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  return matcher.mayMatch(context, node);
}

/** The pool `node` makes, when it is made without an explicit size; undefined when sized, not a pool, or not in sight. */
export function unsizedPoolOf(context: AnyRuleContext, node: TSESTree.CallExpression | TSESTree.NewExpression): UnsizedPool | undefined {
  const match = matcher.match(context, node);
  if (!match) return undefined;
  const { spec } = match;
  const sourceCode = context.sourceCode;
  const argument = spec.options === 'last' ? node.arguments.at(-1) : node.arguments[spec.options];
  if (argument?.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const options = argument && resolveObject(sourceCode, unwrapExpression(argument));
  if (argument && !options) {
    // Not an object literal: a connection string (or nothing we can read).
    const value = unwrapExpression(argument);
    if (isStringLiteral(value) || value.type === AST_NODE_TYPES.TemplateLiteral) {
      if (spec.noPoolWhen && isStringLiteral(value) && spec.noPoolWhen.values.some((name) => value.value.startsWith(name))) return undefined;
      // `createPool('mysql://…?connectionLimit=20')`: the size may be a parameter of the string itself.
      if (spec.urlParameter?.paths.some((path) => path.length === 0)) return urlSetsSize(value, spec.urlParameter.name) ? undefined : match;
      // `postgres(url)`, `new Sequelize(url)`: no options at all.
      return spec.options === 'last' && !spec.onlyInUrl ? match : undefined;
    }
    if (spec.options === 'last' && isConnectionStringLike(value) && !spec.onlyInUrl) return match;
    return undefined;
  }
  if (!options) {
    // No options at all: `new Pool()`, `new PrismaClient()` (whose URL lives in the schema).
    return spec.onlyInUrl ? undefined : match;
  }
  if (options.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  if (spec.noPoolWhen) {
    const kind = propertyAt(sourceCode, options, [spec.noPoolWhen.key]);
    if (kind && isStringLiteral(kind) && spec.noPoolWhen.values.includes(kind.value)) return undefined;
    if (kind && !isStringLiteral(kind)) return undefined;
  }
  if (spec.sizePaths.some((path) => propertyAt(sourceCode, options, path) !== undefined || isHidden(sourceCode, options, path))) return undefined;
  if (spec.urlParameter) {
    for (const path of spec.urlParameter.paths) {
      if (path.length === 0) continue;
      const url = propertyAt(sourceCode, options, path);
      if (!url) continue;
      const value = unwrapExpression(url);
      if (isStringLiteral(value) || value.type === AST_NODE_TYPES.TemplateLiteral) {
        if (urlSetsSize(value, spec.urlParameter.name)) return undefined;
        return match;
      }
      // A URL from the environment: its parameters are not in sight.
      return undefined;
    }
  }
  return spec.onlyInUrl ? undefined : match;
}

/** The object literal an options argument is, directly or through a `const` in this file. */
function resolveObject(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): TSESTree.ObjectExpression | undefined {
  if (node.type === AST_NODE_TYPES.ObjectExpression) return node;
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
  const definition = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || definition?.type !== 'Variable' || definition.parent.kind !== 'const') return undefined;
  const init = definition.node.init && unwrapExpression(definition.node.init);
  // Options that are changed after they are written (`config.pool = …`) are not in sight.
  const changed = variable.references.some((reference) => reference.identifier.parent?.type === AST_NODE_TYPES.MemberExpression && isAssigned(reference.identifier.parent));
  return init?.type === AST_NODE_TYPES.ObjectExpression && !changed ? init : undefined;
}

function isAssigned(member: TSESTree.MemberExpression): boolean {
  const parent = member.parent;
  return parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === member;
}

/** The value at `path` inside an options object, when every step is an object literal in sight. */
function propertyAt(sourceCode: Readonly<TSESLint.SourceCode>, object: TSESTree.ObjectExpression, path: readonly string[]): TSESTree.Node | undefined {
  let current: TSESTree.ObjectExpression = object;
  for (let i = 0; i < path.length; i++) {
    const property = current.properties.find(
      (candidate): candidate is TSESTree.Property => candidate.type === AST_NODE_TYPES.Property && staticKeyName(candidate) === path[i],
    );
    if (!property) return undefined;
    if (i === path.length - 1) return property.value;
    const next = resolveObject(sourceCode, unwrapExpression(property.value));
    if (!next) return undefined;
    current = next;
  }
  return undefined;
}

/** Part of the path is there but not in sight (`pool: poolConfig`, `extra: { ...base }`): it may set the size. */
function isHidden(sourceCode: Readonly<TSESLint.SourceCode>, object: TSESTree.ObjectExpression, path: readonly string[]): boolean {
  let current: TSESTree.ObjectExpression = object;
  for (let i = 0; i < path.length - 1; i++) {
    const property = current.properties.find(
      (candidate): candidate is TSESTree.Property => candidate.type === AST_NODE_TYPES.Property && staticKeyName(candidate) === path[i],
    );
    if (!property) return false;
    const next = resolveObject(sourceCode, unwrapExpression(property.value));
    if (!next || next.properties.some((candidate) => candidate.type === AST_NODE_TYPES.SpreadElement)) return true;
    current = next;
  }
  return false;
}

function urlSetsSize(node: TSESTree.StringLiteral | TSESTree.TemplateLiteral, parameter: string): boolean {
  const text = node.type === AST_NODE_TYPES.Literal ? node.value : node.quasis.map((quasi) => quasi.value.cooked ?? '').join('\u0000');
  return new RegExp(`[?&]${parameter}=`).test(text);
}

/** `process.env.DATABASE_URL`, a variable holding a URL: not an options object. */
function isConnectionStringLike(node: TSESTree.Node): boolean {
  let root: TSESTree.Node = node;
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrapExpression(root.object);
  return root.type === AST_NODE_TYPES.Identifier && root.name === 'process';
}
