/**
 * Answers "is this object (or function) an argument of a library call the knowledge names, and
 * where inside it?" with the three tiers of DESIGN.md: by import, by type, by shape.
 */
import { ASTUtils, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../../util/node-types';
import type { ArgumentSiteSpec, CalleeSpec, LibraryKnowledge } from '../../knowledge/types';
import { calleeName, isStringLiteral, staticKeyName, unwrapExpression } from '../../util/ast';
import { hasName, nameList } from '../../util/names';
import { getLibraryIndex, type LibraryIndex } from './imports';
import type { AnyRuleContext } from '../per-file';
import { declarationOf, type Declaration } from './type-checker';

export type Call = TSESTree.CallExpression | TSESTree.NewExpression;

export interface ArgumentPosition {
  readonly call: Call;
  readonly argument: number;
  /** Property keys from the argument down to the node. */
  readonly path: readonly string[];
}

export interface SiteCandidate<S extends ArgumentSiteSpec = ArgumentSiteSpec> {
  readonly library: LibraryKnowledge;
  readonly site: S;
}

export type Tier = 'import' | 'type' | 'shape';

export interface SiteMatch<S extends ArgumentSiteSpec = ArgumentSiteSpec> extends SiteCandidate<S> {
  readonly position: ArgumentPosition;
  readonly tier: Tier;
}

const TRANSPARENT = new Set<string>([
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSSatisfiesExpression,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.TSTypeAssertion,
]);

/**
 * Climbs from an object literal (or a function) to the call argument it sits in:
 * `new EntitySchema({ relations: { author: <node> } })` → argument 0, path `relations.author`.
 * A function returning the object is looked through (`@DefaultScope(() => ({…}))`).
 * Anything else on the way (an array, a variable, a spread) ends the climb: the object is not
 * an option literal of a call, and we do not guess.
 */
export function argumentPositionOf(node: TSESTree.Node): ArgumentPosition | undefined {
  const path: string[] = [];
  let current: TSESTree.Node = node;
  for (;;) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (!parent) return undefined;
    if (TRANSPARENT.has(parent.type)) {
      current = parent;
      continue;
    }
    switch (parent.type) {
      case AST_NODE_TYPES.Property: {
        if (parent.value !== current || parent.parent.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
        const key = staticKeyName(parent);
        if (key === undefined) return undefined;
        path.unshift(key);
        current = parent.parent;
        continue;
      }
      case AST_NODE_TYPES.ArrowFunctionExpression:
        if (parent.body !== current) return undefined;
        current = parent;
        continue;
      case AST_NODE_TYPES.ReturnStatement: {
        const block = parent.parent;
        const fn = block?.parent;
        if (
          block?.type !== AST_NODE_TYPES.BlockStatement ||
          (fn?.type !== AST_NODE_TYPES.FunctionExpression && fn?.type !== AST_NODE_TYPES.ArrowFunctionExpression)
        ) {
          return undefined;
        }
        current = fn;
        continue;
      }
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression: {
        const argument = parent.arguments.indexOf(current as TSESTree.CallExpressionArgument);
        return argument === -1 ? undefined : { call: parent, argument, path };
      }
      default:
        return undefined;
    }
  }
}

function pathMatches(pattern: readonly string[], path: readonly string[]): boolean {
  return pattern.length === path.length && pattern.every((segment, i) => segment === '*' || segment === path[i]);
}

function positionMatches(site: ArgumentSiteSpec, position: ArgumentPosition): boolean {
  if (site.argument !== 'any' && site.argument !== position.argument) return false;
  if (!pathMatches(site.path, position.path)) return false;
  if (site.whenArgument) {
    const argument = position.call.arguments[site.whenArgument.index];
    if (!isStringLiteral(argument, site.whenArgument.equals)) return false;
  }
  return true;
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}

/** Tier 2: does the callee come from this library, by import? */
function calleeMatchesByImport(index: LibraryIndex, call: Call, spec: CalleeSpec, library: LibraryKnowledge): boolean {
  if ('export' in spec) {
    const origin = index.calleeOrigin(call) ?? index.originOf(call.callee);
    return origin?.library === library && origin.kind === 'export' && hasName(spec.export, origin.name);
  }
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !hasName(spec.method, staticKeyName(callee))) return false;
  const origin = index.originOf(callee.object);
  if (origin?.library !== library) return false;
  return 'instanceOf' in spec
    ? origin.kind === 'instance' && hasName(spec.instanceOf, origin.name)
    : origin.kind === 'subclass' && hasName(spec.subclassOf, origin.name);
}

/** Tier 1: is the called symbol declared where the spec says, in this library's package? */
function calleeMatchesDeclaration(declaration: Declaration, spec: CalleeSpec, library: LibraryKnowledge): boolean {
  if (!declaration.library) return false;
  if ('export' in spec) {
    if (declaration.library !== library) return false;
    return nameList(spec.export).some((exportPath) => {
      const segments = exportPath.split('.');
      if (declaration.name !== lastSegment(exportPath)) return false;
      // `sql.raw` may be declared on a namespace `sql` or an interface `Sql`.
      return segments.length < 2 || declaration.container?.toLowerCase() === segments[segments.length - 2]?.toLowerCase();
    });
  }
  // A method of that name declared anywhere in the library's package: libraries declare the same
  // method on base classes and interfaces (`ClientBase.query`, `WhereExpressionBuilder.where`)
  // that the knowledge need not list.
  return declaration.library === library && hasName(spec.method, declaration.name);
}

export interface CalleeCandidate<T> {
  readonly library: LibraryKnowledge;
  readonly callee: CalleeSpec;
  /** May match by shape (tier 3) when the receiver cannot be tied to any library. */
  readonly byShape?: boolean;
  readonly entry: T;
}

export interface CalleeMatch<T> {
  readonly candidate: CalleeCandidate<T>;
  readonly tier: Tier;
}

/**
 * Which candidate, if any, `call` is a call of: tier 2 (import) for every candidate first, then
 * one question to the type checker (tier 1), then shape (tier 3) where the candidate allows it
 * and `shapeHolds` agrees. A callee the checker resolves to something else is never matched by shape.
 */
export function matchCallee<T>(
  context: AnyRuleContext,
  call: Call,
  candidates: readonly CalleeCandidate<T>[],
  shapeHolds: (candidate: CalleeCandidate<T>) => boolean = () => true,
  /** Whether tier 1 may ask the type checker (callers skip it where the answer cannot matter enough). */
  useTypes = true,
): CalleeMatch<T> | undefined {
  const plausible = candidates.filter((candidate) => nameFits(candidate.callee, call));
  if (plausible.length === 0) return undefined;
  const index = getLibraryIndex(context);
  for (const candidate of plausible) {
    if (calleeMatchesByImport(index, call, candidate.callee, candidate.library)) return { candidate, tier: 'import' };
  }
  const declaration = useTypes ? declarationOf(context, unwrapExpression(call.callee)) : null;
  if (declaration) {
    for (const candidate of plausible) {
      if (calleeMatchesDeclaration(declaration, candidate.callee, candidate.library)) return { candidate, tier: 'type' };
    }
    return undefined;
  }
  if (!receiverIsUnknown(index, call)) return undefined;
  for (const candidate of plausible) {
    if (candidate.byShape && shapeHolds(candidate)) return { candidate, tier: 'shape' };
  }
  return undefined;
}

/**
 * The first site among `candidates` that `position` is in, trying the cheap import tier for
 * every candidate before asking the type checker once, and the shape tier last.
 */
export function matchArgumentSite<S extends ArgumentSiteSpec>(
  context: AnyRuleContext,
  position: ArgumentPosition,
  candidates: readonly SiteCandidate<S>[],
): SiteMatch<S> | undefined {
  const plausible = candidates
    .filter((candidate) => positionMatches(candidate.site, position))
    .map((candidate) => ({ library: candidate.library, callee: candidate.site.callee, byShape: candidate.site.byShape, entry: candidate }));
  const match = matchCallee(context, position.call, plausible);
  return match && { ...match.candidate.entry, position, tier: match.tier };
}

/** A cheap syntactic filter: the callee's own name must be the one the spec expects. */
function nameFits(spec: CalleeSpec, call: Call): boolean {
  const name = calleeName(call);
  if (name === undefined) return false;
  return 'export' in spec ? true : hasName(spec.method, name);
}

/** The receiver of a method call is not tied to any library by import (it came from the user's `./db`). */
function receiverIsUnknown(index: LibraryIndex, call: Call): boolean {
  const callee = unwrapExpression(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && index.originOf(callee.object) === undefined;
}

/** Follows a fluent chain back to where it starts: `p.manyToOne(A).nullable().eager()` → `p`. */
export function chainRoot(node: TSESTree.Node): TSESTree.Node {
  let current = unwrapExpression(node);
  for (;;) {
    if (current.type === AST_NODE_TYPES.CallExpression) current = unwrapExpression(current.callee);
    else if (current.type === AST_NODE_TYPES.MemberExpression) current = unwrapExpression(current.object);
    else return current;
  }
}

/**
 * A method taken off its object and called alone: `const run = client.query.bind(client)`,
 * `const raw = knex.raw`, `const { query } = pool`. Answers the call as if written on the object
 * (`client.query(…)`), so the tiers above can match it; undefined for anything else.
 */
export function asMethodCall(context: AnyRuleContext, call: TSESTree.CallExpression): TSESTree.CallExpression | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(callee), callee);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== 'Variable' || definition.parent.kind !== 'const' || !definition.node.init) return undefined;
  const init = unwrapExpression(definition.node.init);
  let member: TSESTree.MemberExpression | undefined;
  if (definition.node.id === definition.name) {
    if (init.type === AST_NODE_TYPES.MemberExpression) member = init;
    // `client.query.bind(client)`
    else if (init.type === AST_NODE_TYPES.CallExpression && init.callee.type === AST_NODE_TYPES.MemberExpression && staticKeyName(init.callee) === 'bind') {
      const bound = unwrapExpression(init.callee.object);
      if (bound.type === AST_NODE_TYPES.MemberExpression) member = bound;
    }
  } else if (definition.node.id.type === AST_NODE_TYPES.ObjectPattern && !isRequireCall(init)) {
    const property = definition.node.id.properties.find(
      (candidate): candidate is TSESTree.Property => candidate.type === AST_NODE_TYPES.Property && candidate.value === definition.name,
    );
    const key = property && staticKeyName(property);
    if (key !== undefined) {
      // No node says `pool.query` in the code: make the one the tiers read (receiver and method name).
      member = {
        type: AST_NODE_TYPES.MemberExpression,
        object: init as TSESTree.Expression,
        property: { type: AST_NODE_TYPES.Identifier, name: key, range: property!.key.range, loc: property!.key.loc, parent: init } as TSESTree.Identifier,
        computed: false,
        optional: false,
        range: property!.range,
        loc: property!.loc,
        parent: call,
      } as TSESTree.MemberExpressionNonComputedName;
    }
  }
  return member && ({ ...call, callee: member } as TSESTree.CallExpression);
}

/** `require('x')`: destructuring it takes a module's exports, not a method off an object. */
function isRequireCall(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'require';
}
