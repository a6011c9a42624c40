/**
 * Connections checked out of a pool: which calls check one out (from `connections.acquire` in
 * the knowledge), where the connection goes (a local binding, a callback parameter, or away from
 * the function), and which calls give it back. `./paths.ts` then asks whether every path does.
 *
 * Handed to a function: when the module engine reads it (same file or another) and it only runs
 * queries with the connection (`../ownership.ts`), the connection has not left; a function that
 * gives it back, keeps it, returns it or passes it on to something unreadable owns it now, as does
 * any function that cannot be read. Another module is read only when the connection is handed to
 * one of its functions and this function gives it back nowhere.
 */
import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { libraries } from '../../knowledge';
import type { LibraryKnowledge } from '../../knowledge/types';
import type { ConnectionAcquireSpec } from '../../knowledge/types-connections';
import { calleeName, outermostWrapper, staticKeyName, unwrapExpression } from '../../util/ast';
import { hasName } from '../../util/names';
import { AST_NODE_TYPES } from '../../util/node-types';
import { matchCallee, type CalleeCandidate, type Tier } from '../objects/call-sites';
import { declarationOf } from '../objects/type-checker';
import { handedOnlyForUse, type OwnerActs } from '../ownership';
import type { AnyRuleContext } from '../per-file';
import { anyOfWords } from '../text-screen';
import { isFunctionNode } from '../functions';

export type FunctionLike = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;
/** Where the paths are walked: a function, or the module itself (a script with top-level `await`). */
export type Body = FunctionLike | TSESTree.Program;

interface Entry {
  readonly library: LibraryKnowledge;
  readonly spec: ConnectionAcquireSpec;
}

const candidates: readonly CalleeCandidate<Entry>[] = libraries.flatMap((library) =>
  (library.connections?.acquire ?? []).map((spec) => ({
    library,
    callee: spec.acquire,
    byShape: spec.byShape !== undefined,
    entry: { library, spec },
  })),
);

/** The method names that check a connection out: the visitor's cheap first filter. */
export const acquireMethodNames: ReadonlySet<string> = new Set(
  candidates.flatMap((candidate) => ('method' in candidate.callee ? [candidate.callee.method].flat() : [])),
);

const releaseMethods = libraries.flatMap((library) => (library.connections?.acquire ?? []).flatMap((spec) => [spec.release.methods ?? []].flat()));
const releasingFunctions = libraries.flatMap((library) => (library.connections?.acquire ?? []).flatMap((spec) => [spec.release.takingConnection ?? []].flat()));
const ownerActsByOptions = new Map<string, OwnerActs>();

/**
 * What the owner of a connection does with it, for a function it is handed to: any library's release
 * methods (`release()`, `done()`, `destroy()`), and the functions that give back the connection passed
 * to them (`releaseConnection(conn)`, the user's `releaseFunctions`). A connection in an options object
 * is handed on, not used.
 */
function connectionOwnerActs(releaseFunctions: readonly string[]): OwnerActs {
  const key = releaseFunctions.join('\0');
  let acts = ownerActsByOptions.get(key);
  if (!acts) {
    acts = { methods: new Set(releaseMethods), takingIt: new Set([...releasingFunctions, ...releaseFunctions]) };
    ownerActsByOptions.set(key, acts);
  }
  return acts;
}

/** The libraries whose connections the engine follows (for a rule's docs). */
/** The acquiring method names as one text screen (`src/analysis/text-screen.ts`). */
export const acquireMethodWords: RegExp = anyOfWords(acquireMethodNames);
export const connectionLibraryIds: readonly string[] = libraries.filter((library) => library.connections?.acquire?.length).map((library) => library.id);

/** How a connection is given back in one function. */
export interface ReleaseSite {
  /** The call that releases it, or the `.finally()`/`.then()` whose callback does. */
  readonly node: TSESTree.Node;
  /** `direct`: in the function itself; `finally`: in a `.finally()` callback; `then`: in a `.then()` callback only (a rejection skips it). */
  readonly kind: 'direct' | 'finally' | 'then';
}

export interface Acquisition {
  readonly call: TSESTree.CallExpression;
  readonly library: LibraryKnowledge;
  readonly spec: ConnectionAcquireSpec;
  readonly tier: Tier;
  /** Where the paths are walked. */
  readonly body: Body;
  /** Held from the start of `body` (the callback form), or from the statement holding `call`. */
  readonly heldFromStart: boolean;
  /** The variables that hold the connection in `body`, and the callback's error parameter. */
  readonly holder: TSESLint.Scope.Variable | undefined;
  readonly errorParameter: TSESLint.Scope.Variable | undefined;
  readonly releases: readonly ReleaseSite[];
  /** The connection left the function (returned, stored, handed on, released in a callback): not ours to check. */
  readonly movedAway: boolean;
}

/**
 * The acquisition `call` is, with what happens to its connection; undefined when `call` checks
 * nothing out of a pool the knowledge names.
 */
export function acquisitionOf(
  context: AnyRuleContext,
  call: TSESTree.CallExpression,
  /** The user's own functions that give back the connection passed as their first argument. */
  releaseFunctions: readonly string[] = [],
): Acquisition | undefined {
  const sourceCode = context.sourceCode;
  let flow: Flow | undefined;
  const flowFor = (spec: ConnectionAcquireSpec): Flow => (flow ??= followConnection(sourceCode, call, spec, releaseFunctions));
  const match = matchCallee(context, call, candidates, (candidate) => {
    const { spec } = candidate.entry;
    if (spec.byShape === 'name') return true;
    const found = flowFor(spec);
    return found.releases.some((site) => site.kind === 'direct' || site.kind === 'finally');
  });
  if (!match) return undefined;
  const { library, spec } = match.candidate.entry;
  if (match.tier === 'type') {
    // The library declares a method of that name elsewhere too (`new Client().connect()`).
    const declaration = declarationOf(context, unwrapExpression(call.callee));
    if (!hasName(spec.declaredIn, declaration?.container)) return undefined;
  }
  const { handedTo, ...found } = flowFor(spec);
  // Given back nowhere here, and handed to functions: moved, unless each is one the module engine reads that only uses it.
  const movedAway =
    found.movedAway ||
    (found.releases.length === 0 &&
      handedTo.some((handed) => !handedOnlyForUse(context, handed.call, handed.index, connectionOwnerActs(releaseFunctions))));
  return { call, library, spec, tier: match.tier, ...found, movedAway };
}

/** A call the connection is handed to as argument `index` (not one that gives it back). */
interface HandedTo {
  readonly call: TSESTree.CallExpression;
  readonly index: number;
}

interface Flow {
  readonly body: Body;
  readonly heldFromStart: boolean;
  readonly holder: TSESLint.Scope.Variable | undefined;
  readonly errorParameter: TSESLint.Scope.Variable | undefined;
  readonly releases: readonly ReleaseSite[];
  readonly movedAway: boolean;
  /** The calls it is handed to: `movedAway` is decided with them once the acquisition is confirmed. */
  readonly handedTo: readonly HandedTo[];
}

function enclosingBody(node: TSESTree.Node): Body {
  for (let current = node.parent; current; current = current.parent) {
    if (
      current.type === AST_NODE_TYPES.ArrowFunctionExpression ||
      current.type === AST_NODE_TYPES.FunctionExpression ||
      current.type === AST_NODE_TYPES.FunctionDeclaration ||
      current.type === AST_NODE_TYPES.Program
    ) {
      return current;
    }
  }
  throw new Error('a node outside a Program');
}


const moved = (body: Body): Flow => ({ body, heldFromStart: false, holder: undefined, errorParameter: undefined, releases: [], movedAway: true, handedTo: [] });

/** Where the connection `call` checks out goes, and where it comes back. */
function followConnection(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
  spec: ConnectionAcquireSpec,
  releaseFunctions: readonly string[],
): Flow {
  const callbackSpec = spec.callback;
  const lastArgument = call.arguments.at(-1);
  if (callbackSpec && isFunctionNode(lastArgument)) {
    // `pool.connect((err, client, done) => …)`: the callback holds the connection from its first line.
    const scope = sourceCode.scopeManager?.acquire(lastArgument);
    const parameter = (index: number | undefined): TSESLint.Scope.Variable | undefined => {
      const param = index === undefined ? undefined : lastArgument.params[index];
      return param?.type === AST_NODE_TYPES.Identifier ? (scope?.set.get(param.name) ?? undefined) : undefined;
    };
    const holder = parameter(callbackSpec.connection);
    const releaseFunction = parameter(callbackSpec.releaseParameter);
    if (!holder && !releaseFunction) return moved(lastArgument);
    const uses = collectUses(lastArgument, holder, releaseFunction, spec, releaseFunctions);
    return { body: lastArgument, heldFromStart: true, holder, errorParameter: parameter(callbackSpec.error), ...uses };
  }
  const body = enclosingBody(call);
  const outer = outermostWrapper(call);
  const parent = outer.parent;
  let holder: TSESLint.Scope.Variable | undefined;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === outer) {
    if (parent.id.type !== AST_NODE_TYPES.Identifier) return moved(body);
    holder = sourceCode.scopeManager?.getDeclaredVariables(parent)[0];
  } else if (
    parent?.type === AST_NODE_TYPES.AssignmentExpression &&
    parent.right === outer &&
    parent.operator === '=' &&
    parent.left.type === AST_NODE_TYPES.Identifier
  ) {
    // `let client; try { client = await pool.connect(); … } finally { client?.release(); }`
    holder = ASTUtils.findVariable(sourceCode.getScope(parent), parent.left) ?? undefined;
    // A variable of an enclosing function or the module: the connection is kept for later.
    if (!holder || holder.scope.variableScope.block !== body) return moved(body);
  } else if (parent?.type === AST_NODE_TYPES.ExpressionStatement) {
    // `await pool.connect();`: checked out and dropped on the floor.
    return { body, heldFromStart: false, holder: undefined, errorParameter: undefined, releases: [], movedAway: false, handedTo: [] };
  } else {
    // Returned, stored on `this` or an object, handed to a call, chained on: ownership moved.
    return moved(body);
  }
  if (!holder) return moved(body);
  // Reassigned elsewhere: which connection the name holds is not ours to guess.
  if (holder.references.filter((reference) => reference.isWrite()).length > 1) return moved(body);
  return { body, heldFromStart: false, holder, errorParameter: undefined, ...collectUses(body, holder, undefined, spec, releaseFunctions) };
}

/**
 * The release sites of the connection held in `holder` (or released through `releaseFunction`), whether
 * it leaves `body`, and the calls it is handed to (whose functions `acquisitionOf` may read).
 */
function collectUses(
  body: Body,
  holder: TSESLint.Scope.Variable | undefined,
  releaseFunction: TSESLint.Scope.Variable | undefined,
  spec: ConnectionAcquireSpec,
  releaseFunctions: readonly string[],
): { releases: ReleaseSite[]; movedAway: boolean; handedTo: HandedTo[] } {
  const releases: ReleaseSite[] = [];
  const handedTo: HandedTo[] = [];
  let movedAway = false;
  const addRelease = (releaseCall: TSESTree.CallExpression): void => {
    const site = releaseSiteOf(releaseCall, body);
    if (site) releases.push(site);
    else movedAway = true;
  };
  for (const reference of holder?.references ?? []) {
    if (!reference.isRead()) continue;
    const node = outermostValue(reference.identifier);
    const parent = node.parent;
    if (!parent) continue;
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
      const method = staticKeyName(parent);
      const grand = parent.parent;
      const callNode = grand?.type === AST_NODE_TYPES.ChainExpression ? grand.parent : grand;
      if (callNode?.type === AST_NODE_TYPES.CallExpression && unwrapExpression(callNode.callee) === parent && hasName(spec.release.methods, method)) {
        addRelease(callNode);
      }
      continue;
    }
    if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(node as TSESTree.CallExpressionArgument)) {
      const name = calleeName(parent);
      if (parent.arguments[0] === node && (hasName(spec.release.takingConnection, name) || hasName(releaseFunctions, name))) addRelease(parent);
      else handedTo.push({ call: parent, index: parent.arguments.indexOf(node as TSESTree.CallExpressionArgument) });
      continue;
    }
    if (isPlainRead(parent, node)) continue;
    // Returned, yielded, stored, aliased, spread into something: the connection leaves with it.
    movedAway = true;
  }
  for (const reference of releaseFunction?.references ?? []) {
    if (!reference.isRead()) continue;
    const node = outermostValue(reference.identifier);
    const parent = node.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === node) addRelease(parent);
    else movedAway = true;
  }
  return { releases, movedAway, handedTo };
}

/**
 * The place a release call counts at: itself when it runs in `body`; the `.finally()` (or the
 * `.then()`) whose callback it runs in; undefined when it runs in some other callback (an event
 * handler, a timer), which then owns the connection.
 */
function releaseSiteOf(releaseCall: TSESTree.CallExpression, body: Body): ReleaseSite | undefined {
  let fn: TSESTree.Node | undefined;
  for (let current: TSESTree.Node | undefined = releaseCall.parent; current && current !== body; current = current.parent) {
    if (isFunctionNode(current)) fn = current;
  }
  if (!fn) return { node: releaseCall, kind: 'direct' };
  // The outermost function between the release and `body` must be a promise callback in `body`.
  const chained = fn.parent;
  if (chained?.type !== AST_NODE_TYPES.CallExpression || !chained.arguments.includes(fn as TSESTree.CallExpressionArgument)) return undefined;
  const method = calleeName(chained);
  if (method === 'finally') return { node: chained, kind: 'finally' };
  if (method === 'then' || method === 'catch') return { node: chained, kind: 'then' };
  return undefined;
}

/** Looks up through wrappers that keep the value: `(client as PoolClient)`, `client!`, `await client`. */
function outermostValue(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.parent &&
    (current.parent.type === AST_NODE_TYPES.TSAsExpression ||
      current.parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      current.parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      current.parent.type === AST_NODE_TYPES.TSTypeAssertion)
  ) {
    current = current.parent;
  }
  return current;
}

/** A read that neither releases the connection nor lets it go: a test, a comparison, `typeof`. */
function isPlainRead(parent: TSESTree.Node, node: TSESTree.Node): boolean {
  switch (parent.type) {
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test === node;
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.ExpressionStatement:
      return true;
    case AST_NODE_TYPES.LogicalExpression:
      // `client && client.release()`, but not `return client || other`.
      return parent.left === node;
    case AST_NODE_TYPES.ForStatement:
      return parent.test === node;
    default:
      return false;
  }
}
