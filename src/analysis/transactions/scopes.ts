/**
 * Where a transaction is open. Answers, from the knowledge's `transactions` entries, "does this
 * call open a transaction, and which code runs inside it?":
 *
 *  - a callback API (`prisma.$transaction(async (tx) => …)`): the callback's body;
 *  - a method made transactional by a decorator (`@Transactional()`): the method's body;
 *  - a manual region in one function (`await qr.startTransaction()` … `await qr.commitTransaction()`,
 *    `const trx = await knex.transaction()` … `trx.commit()`, `client.query('BEGIN')` …
 *    `client.query('COMMIT')`): the statements between them, read structurally: code after a
 *    commit or rollback that every path takes is outside, a `catch` of a `try` that opened it is
 *    inside until its rollback.
 *
 * Callees are recognised in the three tiers of `objects/call-sites.ts` (import, type, shape).
 */
import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../../util/node-types';
import { libraries } from '../../knowledge';
import transactionHelpers from '../../knowledge/transaction-helpers';
import type { LibraryKnowledge } from '../../knowledge/types';
import type {
  TransactionCallbackSpec,
  TransactionChainSpec,
  TransactionRegionSpec,
  TransactionStatementsSpec,
} from '../../knowledge/types-transactions';
import { calleeName, outermostWrapper, referenceName, staticKeyName, unwrapExpression } from '../../util/ast';
import { nameList } from '../../util/names';
import { matchCallee, type CalleeCandidate } from '../objects/call-sites';
import type { AnyRuleContext } from '../per-file';
import { codeKeys } from '../walk';
import { anyOfWords } from '../text-screen';
import { isFunctionNode } from '../functions';


export type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

interface ScopeBase {
  /** The call or decorator that opens the transaction: where the message says it was opened. */
  readonly opener: TSESTree.Node;
  /** How the opener reads in a message: `prisma.$transaction()`, `@Transactional()`, `client.query('BEGIN')`. */
  readonly openerText: string;
  readonly library: LibraryKnowledge | undefined;
  /** The library's own after-commit hook for the message, on this handle: `t.afterCommit(() => …)`. */
  readonly afterCommitHint?: string;
  /**
   * Present on a scope recognised from names alone: asks the import, type and shape tiers whether
   * the call really opens a transaction, and answers the scope (possibly another library's reading
   * of it) or undefined. Deferred so that the type checker is asked only about transactions that
   * have something to report.
   */
  readonly confirm?: () => TransactionScope | undefined;
}

/** The body of a function runs inside the transaction. */
export interface FunctionScope extends ScopeBase {
  readonly kind: 'function';
  readonly body: FunctionNode;
  /** The transaction handle parameter: calls through it are database work. */
  readonly handle: TSESTree.Identifier | undefined;
}

/** Statements of one function between an opening call and the commit or rollback. */
export interface RegionScope extends ScopeBase {
  readonly kind: 'region';
  /** The function (or program) the region is in. */
  readonly container: FunctionNode | TSESTree.Program;
  /** Whether a node of `container` runs while the transaction is open. */
  inside(node: TSESTree.Node): boolean;
  /** The source text of the handle (`queryRunner`, `trx`, `client`): calls through it are database work. */
  readonly handleText: string;
  /** Whether the function holds a call that ends the region. */
  readonly ends: boolean;
}

export type TransactionScope = FunctionScope | RegionScope;

export interface TransactionOptions {
  /** Decorator names that make a method one transaction. */
  readonly decorators: readonly string[];
  /** Function or method names whose callback runs in a transaction (the user's own `withTransaction`). */
  readonly functions: readonly string[];
}

// ------------------------------------------------------------------------------- knowledge, read once

type CallbackCandidate = CalleeCandidate<TransactionCallbackSpec>;
type RegionCandidate = CalleeCandidate<TransactionRegionSpec>;

const callbackCandidates: CallbackCandidate[] = [];
const regionCandidates: RegionCandidate[] = [];
const statementSpecs: TransactionStatementsSpec[] = [];
for (const library of libraries) {
  for (const spec of library.transactions ?? []) {
    if (spec.kind === 'callback') callbackCandidates.push({ library, callee: spec.callee, byShape: spec.byShape, entry: spec });
    else if (spec.kind === 'region') regionCandidates.push({ library, callee: spec.start, byShape: spec.byShape, entry: spec });
    else statementSpecs.push(spec);
  }
}

function calleeNames(candidates: readonly (CallbackCandidate | RegionCandidate)[]): string[] {
  return candidates.flatMap(({ callee }) =>
    'export' in callee ? nameList(callee.export).map((path) => path.slice(path.lastIndexOf('.') + 1)) : nameList(callee.method),
  );
}

const callbackNames = new Set(calleeNames(callbackCandidates));
const regionNames = new Set(calleeNames(regionCandidates));
/** Methods that end a chained transaction builder (Kysely's `execute`). */
const chainEnds = new Set(
  [...callbackCandidates, ...regionCandidates].flatMap(({ entry }) => (entry.chain ? [entry.chain.method] : [])),
);
const statementMethods = new Set(statementSpecs.flatMap((spec) => spec.methods));
const knowledgeAfterCommit = [
  ...callbackCandidates.flatMap(({ entry }) => entry.afterCommit ?? []),
  ...transactionHelpers.afterCommit,
];

/**
 * The names a call that opens a transaction is made through (`transaction`, `$transaction`,
 * `execute`, `query`, the user's helpers): the cheap first filter of a `CallExpression` visitor.
 */
export function transactionOpenerNames(options: TransactionOptions): ReadonlySet<string> {
  const key = options.functions.join('\n');
  let names = openerNamesByFunctions.get(key);
  if (!names) {
    names = new Set([...callbackNames, ...regionNames, ...chainEnds, ...statementMethods, ...options.functions, ...transactionHelpers.functions]);
    openerNamesByFunctions.set(key, names);
  }
  return names;
}
const openerNamesByFunctions = new Map<string, ReadonlySet<string>>();

const openerPatterns = new WeakMap<ReadonlySet<string>, RegExp>();

/** The opener names as one text screen (`src/analysis/text-screen.ts`): a file that writes none opens no transaction. */
export function openerWords(names: ReadonlySet<string>): RegExp {
  let pattern = openerPatterns.get(names);
  if (!pattern) openerPatterns.set(names, (pattern = anyOfWords(names)));
  return pattern;
}

/** Methods and functions whose callback runs after commit, for every library. */
export const afterCommitMethods: ReadonlySet<string> = new Set(knowledgeAfterCommit);

// ------------------------------------------------------------------------------------------- helpers


/** A function passed inline, or by the name of a function declared in this file. */
export function functionValue(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node | undefined): FunctionNode | undefined {
  if (!node) return undefined;
  const value = unwrapExpression(node);
  if (isFunctionNode(value)) return value;
  if (value.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(sourceCode.getScope(value), value);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type === 'FunctionName' && isFunctionNode(definition.node)) return definition.node;
  if (definition?.type === 'Variable' && definition.node.id === definition.name && definition.parent.kind === 'const') {
    const init = definition.node.init && unwrapExpression(definition.node.init);
    if (isFunctionNode(init ?? undefined)) return init as FunctionNode;
  }
  return undefined;
}

function compact(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}…` : oneLine;
}

/** `prisma.$transaction()`, `db.transaction().execute()`: the callee's text with empty parentheses. */
export function callText(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression): string {
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && unwrapExpression(callee.object).type === AST_NODE_TYPES.CallExpression) {
    const inner = unwrapExpression(callee.object) as TSESTree.CallExpression;
    return `${callText(sourceCode, inner)}.${staticKeyName(callee) ?? '…'}()`;
  }
  return `${compact(sourceCode.getText(callee))}()`;
}

/** Follows a builder chain back from its last call: `db.transaction().setIsolationLevel(l).execute(cb)` → `db.transaction()`. */
function chainStart(call: TSESTree.CallExpression, chain: TransactionChainSpec): TSESTree.CallExpression | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || staticKeyName(callee) !== chain.method) return undefined;
  let current = unwrapExpression(callee.object);
  for (;;) {
    if (current.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const inner = unwrapExpression(current.callee);
    const name = inner.type === AST_NODE_TYPES.MemberExpression ? staticKeyName(inner) : undefined;
    if (name === undefined || !chain.through.includes(name)) return current;
    current = unwrapExpression((inner as TSESTree.MemberExpression).object);
  }
}

function hasFunctionArgument(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression): boolean {
  return call.arguments.some((argument) => functionValue(sourceCode, argument) !== undefined);
}

export function handleParameter(fn: FunctionNode, handle: number | 'last' | undefined): TSESTree.Identifier | undefined {
  if (handle === undefined) return undefined;
  const parameter = handle === 'last' ? fn.params[fn.params.length - 1] : fn.params[handle];
  const node = parameter?.type === AST_NODE_TYPES.AssignmentPattern ? parameter.left : parameter;
  return node?.type === AST_NODE_TYPES.Identifier ? node : undefined;
}

function enclosingFunction(node: TSESTree.Node): FunctionNode | TSESTree.Program {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current;
    if (current.type === AST_NODE_TYPES.Program) return current;
  }
  throw new Error('a node outside any program');
}

/**
 * Whether an identifier is a parameter of a function passed to a transaction API by name
 * (`t1.transaction(async (t2) => …)`): the handle of a nested transaction, database work.
 */
export function isTransactionCallbackParameter(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier): boolean {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  const definition = variable?.defs[0];
  if (definition?.type !== 'Parameter') return false;
  const call = definition.node.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression) return false;
  const name = calleeName(call);
  return name !== undefined && (callbackNames.has(name) || chainEnds.has(name));
}

// ----------------------------------------------------------------------------------- callback scopes

/** Whether a candidate's callee could be called by this name (`transaction`, `$transaction`, `begin`). */
function nameFitsCandidate(candidate: CallbackCandidate | RegionCandidate, name: string): boolean {
  const { callee } = candidate;
  if ('export' in callee) return nameList(callee.export).some((path) => path.slice(path.lastIndexOf('.') + 1) === name);
  return nameList(callee.method).includes(name);
}

/** The ways a call may open a transaction: the call that names the API (a chain's first call, or the call itself) and the candidates. */
function waysIn<C extends CallbackCandidate | RegionCandidate>(
  call: TSESTree.CallExpression,
  name: string,
  candidates: readonly C[],
  names: ReadonlySet<string>,
): { readonly start: TSESTree.CallExpression; readonly candidates: C[] }[] {
  const ways: { start: TSESTree.CallExpression; candidates: C[] }[] = [];
  if (chainEnds.has(name)) {
    for (const candidate of candidates) {
      if (candidate.entry.chain?.method !== name) continue;
      const start = chainStart(call, candidate.entry.chain);
      const startName = start && calleeName(start);
      if (start && startName !== undefined && nameFitsCandidate(candidate, startName)) ways.push({ start, candidates: [candidate] });
    }
  }
  if (names.has(name)) ways.push({ start: call, candidates: candidates.filter((candidate) => !candidate.entry.chain && nameFitsCandidate(candidate, name)) });
  return ways.filter((way) => way.candidates.length > 0);
}

function callbackScope(context: AnyRuleContext, call: TSESTree.CallExpression): FunctionScope | undefined {
  const sourceCode = context.sourceCode;
  const name = calleeName(call);
  if (name === undefined) return undefined;
  for (const way of waysIn(call, name, callbackCandidates, callbackNames)) {
    const withCallback = way.candidates.filter(({ entry }) => callbackOf(sourceCode, call, entry) !== undefined);
    const [tentative] = withCallback;
    if (!tentative) continue;
    const scope: FunctionScope | undefined = functionScope(sourceCode, call, tentative.entry, tentative.library, () => {
      const match = matchCallee(context, way.start, withCallback);
      if (!match) return undefined;
      return match.candidate === tentative ? scope : functionScope(sourceCode, call, match.candidate.entry, match.candidate.library);
    });
    if (scope) return scope;
  }
  return undefined;
}

/**
 * Where a call to a library's callback API takes its callback, whatever is passed there (a
 * function, or a parameter of the enclosing function: `prisma.$transaction(fn)` inside the
 * project's own helper), confirmed by the import, type and shape tiers. For the module engine's
 * transaction-helper summaries.
 */
export function transactionCallbackArgument(
  context: AnyRuleContext,
  call: TSESTree.CallExpression,
): { readonly argument: number; readonly handle: number | 'last' | undefined } | undefined {
  const name = calleeName(call);
  if (name === undefined) return undefined;
  for (const way of waysIn(call, name, callbackCandidates, callbackNames)) {
    const match = matchCallee(context, way.start, way.candidates);
    if (!match) continue;
    const spec = match.candidate.entry;
    if (spec.callback !== 'any') return call.arguments[spec.callback] ? { argument: spec.callback, handle: spec.handle } : undefined;
    const argument = call.arguments.findIndex((candidate) => {
      const value = unwrapExpression(candidate);
      return isFunctionNode(value) || value.type === AST_NODE_TYPES.Identifier;
    });
    return argument === -1 ? undefined : { argument, handle: spec.handle };
  }
  return undefined;
}

function callbackOf(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression, spec: TransactionCallbackSpec): FunctionNode | undefined {
  if (spec.callback === 'any') {
    for (const argument of call.arguments) {
      const fn = functionValue(sourceCode, argument);
      if (fn) return fn;
    }
    return undefined;
  }
  return functionValue(sourceCode, call.arguments[spec.callback]);
}

function functionScope(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
  spec: TransactionCallbackSpec,
  library: LibraryKnowledge | undefined,
  confirm?: () => TransactionScope | undefined,
): FunctionScope | undefined {
  const body = callbackOf(sourceCode, call, spec);
  if (!body) return undefined;
  const handle = handleParameter(body, spec.handle);
  const hook = spec.afterCommit?.[0];
  return {
    kind: 'function',
    opener: call,
    // Message text, needed only when there is something to report.
    get openerText() {
      return `\`${callText(sourceCode, call)}\``;
    },
    library,
    body,
    handle,
    afterCommitHint: hook && handle ? `\`${handle.name}.${hook}(() => …)\`` : undefined,
    confirm,
  };
}

/** The user's own helpers, and typeorm-transactional's `runInTransaction(fn)`: the last function argument runs in a transaction. */
function helperScope(context: AnyRuleContext, call: TSESTree.CallExpression, options: TransactionOptions): FunctionScope | undefined {
  const name = calleeName(call);
  if (name === undefined) return undefined;
  if (!options.functions.includes(name) && !(transactionHelpers.functions as readonly string[]).includes(name)) return undefined;
  const sourceCode = context.sourceCode;
  let body: FunctionNode | undefined;
  for (const argument of call.arguments) body = functionValue(sourceCode, argument) ?? body;
  if (!body) return undefined;
  return {
    kind: 'function',
    opener: call,
    get openerText() {
      return `\`${callText(sourceCode, call)}\``;
    },
    library: undefined,
    body,
    handle: handleParameter(body, 0),
  };
}

/** A method decorated with `@Transactional()` and the like. */
export function decoratedScope(
  context: AnyRuleContext,
  method: TSESTree.MethodDefinition,
  options: TransactionOptions,
): FunctionScope | undefined {
  const value = method.value;
  if (value.type !== AST_NODE_TYPES.FunctionExpression) return undefined;
  for (const decorator of method.decorators ?? []) {
    const expression = unwrapExpression(decorator.expression);
    const callee = expression.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(expression.callee) : expression;
    const name = referenceName(callee);
    if (name === undefined || !options.decorators.includes(name)) continue;
    return {
      kind: 'function',
      opener: decorator,
      openerText: `\`@${compact(context.sourceCode.getText(decorator.expression))}\``,
      library: undefined,
      body: value,
      handle: undefined,
      };
  }
  return undefined;
}

// ------------------------------------------------------------------------------------- manual regions

/** Where the result of the opening call is kept: `const trx = await knex.transaction()`, `this.trx = …`. */
function resultHandle(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.Node): string | undefined {
  const node = outermostWrapper(call);
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier) {
    return parent.id.name;
  }
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === node) return compact(sourceCode.getText(parent.left));
  return undefined;
}

function regionScope(context: AnyRuleContext, call: TSESTree.CallExpression): RegionScope | undefined {
  const sourceCode = context.sourceCode;
  const name = calleeName(call);
  if (name === undefined) return undefined;
  const ways = waysIn(call, name, regionCandidates, regionNames);
  // A method that doubles as the callback API opens a region only when called without a callback.
  if (ways.length === 0 || hasFunctionArgument(sourceCode, call)) return undefined;
  for (const way of ways) {
    const build = (entry: TransactionRegionSpec, library: LibraryKnowledge): RegionScope | undefined => {
      let handleText: string | undefined;
      if (entry.handle === 'receiver') {
        const callee = unwrapExpression(way.start.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression) handleText = compact(sourceCode.getText(callee.object));
      } else {
        handleText = resultHandle(sourceCode, call);
      }
      if (handleText === undefined) return undefined;
      const ends = new Set(entry.end);
      const handle = handleText;
      const isEnd = (node: TSESTree.Node): boolean => {
        if (node.type !== AST_NODE_TYPES.CallExpression) return false;
        const callee = unwrapExpression(node.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
        const method = staticKeyName(callee);
        return method !== undefined && ends.has(method) && compact(sourceCode.getText(callee.object)) === handle;
      };
      return region(sourceCode, call, () => `\`${callText(sourceCode, call)}\``, library, handle, isEnd, confirm);
    };
    const [tentative] = way.candidates;
    const confirm = (): TransactionScope | undefined => {
      const match = matchCallee(context, way.start, way.candidates);
      if (!match) return undefined;
      const confirmed = match.candidate === tentative ? scope : build(match.candidate.entry, match.candidate.library);
      // Recognised by shape only, a region must also end in the same function.
      return confirmed && (match.tier !== 'shape' || confirmed.ends) ? confirmed : undefined;
    };
    const scope = build(tentative!.entry, tentative!.library);
    if (scope) return scope;
  }
  return undefined;
}

function sqlText(node: TSESTree.Node | undefined): string | undefined {
  if (!node) return undefined;
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') return value.value;
  if (value.type === AST_NODE_TYPES.TemplateLiteral && value.expressions.length === 0) return value.quasis[0]?.value.cooked ?? undefined;
  // `client.query({ text: 'BEGIN' })`
  if (value.type === AST_NODE_TYPES.ObjectExpression) {
    for (const property of value.properties) {
      if (property.type === AST_NODE_TYPES.Property && staticKeyName(property) === 'text') return sqlText(property.value);
    }
  }
  return undefined;
}

/** The start of a statement's text, in one case and spacing: `begin isolation level…;` → `BEGIN ISOLATION LEVEL…`. Only the start matters. */
function statementStart(text: string): string {
  return text.trimStart().slice(0, 40).replace(/\s+/g, ' ').replace(/;\s*$/, '').trimEnd().toUpperCase();
}

function startsWithStatement(normalised: string, statements: readonly string[]): boolean {
  return statements.some((statement) => normalised === statement || normalised.startsWith(`${statement} `));
}

function statementsScope(context: AnyRuleContext, call: TSESTree.CallExpression): RegionScope | undefined {
  const name = calleeName(call);
  if (name === undefined || !statementMethods.has(name)) return undefined;
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const text = sqlText(call.arguments[0]);
  if (text === undefined) return undefined;
  const start = statementStart(text);
  const spec = statementSpecs.find((candidate) => candidate.methods.includes(name) && startsWithStatement(start, candidate.begin));
  if (!spec) return undefined;
  const sourceCode = context.sourceCode;
  const handle = compact(sourceCode.getText(callee.object));
  const isEnd = (node: TSESTree.Node): boolean => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    const endCallee = unwrapExpression(node.callee);
    if (endCallee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const method = staticKeyName(endCallee);
    if (method === undefined || !spec.methods.includes(method)) return false;
    const endText = sqlText(node.arguments[0]);
    if (endText === undefined) return false;
    const endStart = statementStart(endText);
    return (
      startsWithStatement(endStart, spec.end) &&
      !startsWithStatement(endStart, spec.notEnd ?? []) &&
      compact(sourceCode.getText(endCallee.object)) === handle
    );
  };
  const library = libraries.find((candidate) => candidate.transactions?.includes(spec));
  const opener = () => `\`${compact(sourceCode.getText(callee))}(${compact(sourceCode.getText(call.arguments[0]!))})\``;
  // The SQL text is the evidence; a region also needs its COMMIT or ROLLBACK in the same function.
  return region(sourceCode, call, opener, library, handle, isEnd, (scope) => (scope.ends ? scope : undefined));
}

/** Nodes that hold a list of statements run one after the other. */
function statementList(node: TSESTree.Node): readonly TSESTree.Node[] | undefined {
  switch (node.type) {
    case AST_NODE_TYPES.BlockStatement:
    case AST_NODE_TYPES.Program:
    case AST_NODE_TYPES.StaticBlock:
      return node.body;
    case AST_NODE_TYPES.SwitchCase:
      return node.consequent;
    default:
      return undefined;
  }
}

function region(
  sourceCode: Readonly<TSESLint.SourceCode>,
  start: TSESTree.CallExpression,
  openerText: () => string,
  library: LibraryKnowledge | undefined,
  handleText: string,
  isEnd: (node: TSESTree.Node) => boolean,
  confirm: (scope: RegionScope) => TransactionScope | undefined,
): RegionScope {
  const container = enclosingFunction(start);
  const visitorKeys = sourceCode.visitorKeys;
  const containsCache = new Map<TSESTree.Node, { start: boolean; end: boolean }>();

  /** Whether a subtree holds the start call or an end call, outside nested function definitions. */
  function contains(node: TSESTree.Node): { start: boolean; end: boolean } {
    const cached = containsCache.get(node);
    if (cached) return cached;
    const found = { start: node === start, end: isEnd(node) };
    if (!isFunctionNode(node) || node === container) {
      for (const key of codeKeys(visitorKeys, node.type)) {
        const child = (node as unknown as Record<string, unknown>)[key];
        for (const item of Array.isArray(child) ? child : [child]) {
          if (item && typeof item === 'object' && 'type' in item) {
            const inner = contains(item as TSESTree.Node);
            found.start ||= inner.start;
            found.end ||= inner.end;
          }
        }
      }
    }
    containsCache.set(node, found);
    return found;
  }

  /** Whether every path through a statement ends the transaction (or leaves the function). */
  function ends(statement: TSESTree.Node): boolean {
    switch (statement.type) {
      case AST_NODE_TYPES.ReturnStatement:
      case AST_NODE_TYPES.ThrowStatement:
        return true;
      case AST_NODE_TYPES.ExpressionStatement:
      case AST_NODE_TYPES.VariableDeclaration:
        return contains(statement).end;
      case AST_NODE_TYPES.BlockStatement:
        return statement.body.some(ends);
      case AST_NODE_TYPES.IfStatement:
        return statement.alternate !== null && ends(statement.consequent) && ends(statement.alternate);
      case AST_NODE_TYPES.TryStatement:
        return (
          (ends(statement.block) && (statement.handler === null || ends(statement.handler.body))) ||
          (statement.finalizer !== null && ends(statement.finalizer))
        );
      case AST_NODE_TYPES.LabeledStatement:
        return ends(statement.body);
      default:
        return false;
    }
  }

  /** The state a statement leaves the transaction in, if it changes it. */
  function effect(statement: TSESTree.Node): 'open' | 'closed' | undefined {
    if (ends(statement)) return 'closed';
    return contains(statement).start ? 'open' : undefined;
  }

  function inside(node: TSESTree.Node): boolean {
    let current = node;
    while (current !== container) {
      const parent = current.parent;
      if (!parent) return false;
      const list = statementList(parent);
      if (list) {
        for (let i = list.indexOf(current) - 1; i >= 0; i--) {
          const state = effect(list[i]!);
          if (state) return state === 'open';
        }
      } else if (parent.type === AST_NODE_TYPES.TryStatement && current !== parent.block) {
        // A `finally` after a `try` and a `catch` that both end the transaction is outside.
        if (current === parent.finalizer && ends(parent.block) && (parent.handler === null || ends(parent.handler.body))) return false;
        // A `catch` (or `finally`) runs when something in a `try` that opened the transaction
        // failed, possibly before the commit: the transaction is open there until it is rolled back.
        if (contains(parent.block).start) return true;
      }
      current = parent;
    }
    return false;
  }

  const scope: RegionScope = {
    kind: 'region',
    opener: start,
    get openerText() {
      return openerText();
    },
    library,
    container,
    inside,
    handleText,
    get ends() {
      return contains(container).end;
    },
    confirm: () => confirm(scope),
  };
  return scope;
}

// --------------------------------------------------------------------------------------------- entry

/** The transaction `call` opens, if it opens one. */
export function transactionScopeOf(
  context: AnyRuleContext,
  call: TSESTree.CallExpression,
  options: TransactionOptions,
): TransactionScope | undefined {
  return callbackScope(context, call) ?? regionScope(context, call) ?? statementsScope(context, call) ?? helperScope(context, call, options);
}
