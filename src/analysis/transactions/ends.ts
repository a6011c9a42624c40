/**
 * Whether a manual transaction ends on every path of the function that opened it: a commit after the
 * work, a rollback when the work fails (a `catch` or `finally` that rolls back), both awaited, and the
 * connection given back in a `finally` where the library asks for it (TypeORM's query runner).
 *
 * Builds on the regions of `scopes.ts` and reads the region's knowledge (`end`, `rollback`, `release`,
 * `managed`). The path reading is structural, like the scopes' own: statements in order, both branches of
 * an `if`, a `catch` entered with the transaction open when its `try` may fail while it is open.
 *
 * Ownership: when the handle leaves the function (returned, stored, passed to a function), or an end call
 * sits in a nested function (a callback ends it), the function is not the one to end it: no answer.
 * Cross-file: a project function the handle is passed to is read through the module engine
 * (`../ownership.ts`): when it only runs queries with the handle, the handle has not left.
 */
import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../../util/node-types';
import { libraries } from '../../knowledge';
import type { LibraryKnowledge } from '../../knowledge/types';
import type { TransactionRegionSpec, TransactionStatementsSpec } from '../../knowledge/types-transactions';
import { calleeName, outermostWrapper, staticKeyName, unwrapExpression } from '../../util/ast';
import { nameList } from '../../util/names';
import { getLibraryIndex } from '../objects/imports';
import { declarationOf } from '../objects/type-checker';
import type { AnyRuleContext } from '../per-file';
import { codeKeys } from '../walk';
import { handedOnlyForUse, type OwnerActs } from '../ownership';
import type { RegionScope } from './scopes';
import { isFunctionNode } from '../functions';

export type EndProblem =
  | { readonly kind: 'noCommit' }
  | { readonly kind: 'openAtExit'; readonly at: TSESTree.Node | undefined }
  | { readonly kind: 'noRollback' }
  | { readonly kind: 'notAwaited'; readonly end: TSESTree.Node; readonly text: string }
  | { readonly kind: 'noRelease' };

export interface EndReading {
  readonly problem: EndProblem;
  /** The library's managed form, for the message. */
  readonly managed: string;
}

type RegionKnowledge =
  | { readonly kind: 'region'; readonly spec: TransactionRegionSpec }
  | { readonly kind: 'statements'; readonly spec: TransactionStatementsSpec };

const joinMethods = new Set(
  libraries.flatMap((library) => [
    ...(library.transactionWork?.joinMethods ?? []),
    ...Object.keys(library.transactionWork?.models?.methods ?? {}),
    ...Object.keys(library.transactionWork?.models?.instanceMethods ?? {}),
  ]),
);

/**
 * What the owner of a transaction does with it, for a function the handle is handed to: every region's
 * `end`, `rollback` and `release` of any library, and `COMMIT`/`ROLLBACK` sent as SQL. A handle in a
 * call's options (`{ transaction: t }`), or handed to a library's join (`Order.query(trx)`), runs that query
 * in the transaction.
 */
const transactionOwnerActs: OwnerActs = {
  methods: new Set(
    libraries.flatMap((library) =>
      (library.transactions ?? []).flatMap((spec) => (spec.kind === 'region' ? [...spec.end, ...spec.rollback, ...(spec.release ?? [])] : [])),
    ),
  ),
  statements: /^\s*(COMMIT|ROLLBACK|END|ABORT)\b/i,
  usedInOptions: true,
  // The joins that take the handle itself as an argument; Sequelize's take it inside their options (above).
  joins: new Map(
    libraries.flatMap((library) => {
      const work = library.transactionWork;
      const models = work?.models?.joinsBy === 'argument' ? { ...work.models.methods, ...work.models.instanceMethods } : {};
      return [
        ...(work?.joinMethods ?? []).map((name): [string, readonly number[]] => [name, [0]]),
        ...Object.entries(models).map(([name, at]): [string, readonly number[]] => [name, [at].flat()]),
      ];
    }),
  ),
};

function compact(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}…` : oneLine;
}


function sqlText(node: TSESTree.Node | undefined): string | undefined {
  if (!node) return undefined;
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') return value.value;
  if (value.type === AST_NODE_TYPES.TemplateLiteral && value.expressions.length === 0) return value.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function statementStart(text: string): string {
  return text.trimStart().slice(0, 40).replace(/\s+/g, ' ').replace(/;\s*$/, '').trimEnd().toUpperCase();
}

function startsWith(normalised: string, statements: readonly string[]): boolean {
  return statements.some((statement) => normalised === statement || normalised.startsWith(`${statement} `));
}

/** The knowledge entry of the region `scope` is: the region spec whose start the opener names, or the statements spec of its method. */
function regionKnowledge(library: LibraryKnowledge | undefined, opener: TSESTree.Node): RegionKnowledge | undefined {
  if (!library || opener.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const name = calleeName(opener);
  // The call that names the API: `db.startTransaction()` of `db.startTransaction().execute()`.
  let start: TSESTree.Node = opener;
  for (;;) {
    const callee: TSESTree.Node | undefined = start.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(start.callee) : undefined;
    const object: TSESTree.Node | undefined = callee?.type === AST_NODE_TYPES.MemberExpression ? unwrapExpression(callee.object) : undefined;
    if (object?.type !== AST_NODE_TYPES.CallExpression) break;
    start = object;
  }
  const startName = start.type === AST_NODE_TYPES.CallExpression ? calleeName(start) : undefined;
  for (const spec of library.transactions ?? []) {
    if (spec.kind === 'statements' && name !== undefined && spec.methods.includes(name) && startsWith(statementStart(sqlText(opener.arguments[0]) ?? ''), spec.begin)) {
      return { kind: 'statements', spec };
    }
    if (spec.kind === 'region') {
      const names = 'export' in spec.start ? nameList(spec.start.export).map((path) => path.slice(path.lastIndexOf('.') + 1)) : nameList(spec.start.method);
      if (names.includes(startName ?? '') || names.includes(name ?? '')) return { kind: 'region', spec };
    }
  }
  return undefined;
}

class EndCheck {
  private readonly sourceCode: Readonly<TSESLint.SourceCode>;
  private readonly commits: TSESTree.CallExpression[] = [];
  private readonly rollbacks: TSESTree.CallExpression[] = [];
  private readonly releases: TSESTree.CallExpression[] = [];
  /** An end or release call inside a nested function: a callback ends the transaction. */
  private endsElsewhere = false;
  private readonly endsInside = new Map<TSESTree.Node, boolean>();

  constructor(
    private readonly context: AnyRuleContext,
    private readonly scope: RegionScope,
    private readonly knowledge: RegionKnowledge,
  ) {
    this.sourceCode = context.sourceCode;
    this.collect(scope.container, false);
  }

  private isEndReference(member: TSESTree.MemberExpression): boolean {
    const parent = member.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === member) return false;
    const method = staticKeyName(member);
    return (
      method !== undefined &&
      this.knowledge.kind === 'region' &&
      this.knowledge.spec.end.includes(method) &&
      compact(this.sourceCode.getText(member.object)) === this.scope.handleText
    );
  }

  private endKind(node: TSESTree.Node): 'commit' | 'rollback' | 'release' | undefined {
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = unwrapExpression(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = staticKeyName(callee);
    if (method === undefined || compact(this.sourceCode.getText(callee.object)) !== this.scope.handleText) return undefined;
    const { kind, spec } = this.knowledge;
    if (kind === 'region') {
      if (spec.release?.includes(method)) return 'release';
      if (!spec.end.includes(method)) return undefined;
      return spec.rollback.includes(method) ? 'rollback' : 'commit';
    }
    if (!spec.methods.includes(method)) return undefined;
    const text = sqlText(node.arguments[0]);
    if (text === undefined) return undefined;
    const start = statementStart(text);
    if (!startsWith(start, spec.end) || startsWith(start, spec.notEnd ?? [])) return undefined;
    return startsWith(start, spec.rollback) ? 'rollback' : 'commit';
  }

  private collect(node: TSESTree.Node, nested: boolean): void {
    if (node.type === AST_NODE_TYPES.MemberExpression && this.knowledge.kind === 'region' && this.isEndReference(node)) {
      // `.then(trx.commit).catch(trx.rollback)`: the end handed to a promise, called there.
      this.endsElsewhere = true;
    }
    const kind = this.endKind(node);
    if (kind) {
      if (nested) this.endsElsewhere = true;
      else (kind === 'commit' ? this.commits : kind === 'rollback' ? this.rollbacks : this.releases).push(node as TSESTree.CallExpression);
    }
    const inner = nested || (isFunctionNode(node) && node !== this.scope.container);
    for (const key of codeKeys(this.sourceCode.visitorKeys, node.type)) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof item === 'object' && 'type' in item) this.collect(item as TSESTree.Node, inner);
      }
    }
  }

  private within(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
    return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
  }

  private holdsEnd(node: TSESTree.Node): boolean {
    let cached = this.endsInside.get(node);
    if (cached === undefined) {
      cached = [...this.commits, ...this.rollbacks].some((end) => this.within(node, end));
      this.endsInside.set(node, cached);
    }
    return cached;
  }

  /** Whether the handle leaves the function: returned, stored, handed to a function (not a query's own join). */
  handleLeaves(): boolean {
    const text = this.scope.handleText;
    if (!/^[\w$]+$/.test(text)) return true;
    const opener = this.scope.opener;
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(opener), text);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    // Declared outside this function (a parameter, an outer variable): its owner is elsewhere.
    if (!variable || !definition || definition.type !== 'Variable' || !this.within(this.scope.container, definition.name)) return true;
    if (this.scope.container.type === AST_NODE_TYPES.Program) return false;
    for (const reference of variable.references) {
      const identifier = reference.identifier as TSESTree.Node;
      if (identifier === definition.name) continue;
      const value = outermostWrapper(identifier);
      const parent = value.parent;
      if (!parent) continue;
      switch (parent.type) {
        case AST_NODE_TYPES.ReturnStatement:
        case AST_NODE_TYPES.ArrayExpression:
        case AST_NODE_TYPES.YieldExpression:
          return true;
        case AST_NODE_TYPES.ArrowFunctionExpression:
          if (parent.body === value) return true;
          break;
        case AST_NODE_TYPES.AssignmentExpression:
          if (parent.right === value) return true;
          break;
        case AST_NODE_TYPES.VariableDeclarator:
          if (parent.init === value) return true;
          break;
        case AST_NODE_TYPES.Property:
          // `{ transaction: t }` options of a query stay here; a handle put in any other object leaves.
          if (parent.value === value && !this.isOptionsOfCall(parent.parent)) return true;
          break;
        case AST_NODE_TYPES.CallExpression:
        case AST_NODE_TYPES.NewExpression:
          if (parent.arguments.includes(value as TSESTree.CallExpressionArgument) && !joinMethods.has(calleeName(parent) ?? '')) {
            // A project function the module engine reads, that only runs queries with it: still ours to end.
            if (parent.type === AST_NODE_TYPES.CallExpression && handedOnlyForUse(this.context, parent, parent.arguments.indexOf(value as TSESTree.CallExpressionArgument), transactionOwnerActs)) break;
            return true;
          }
          break;
        default:
          break;
      }
    }
    return false;
  }

  private isOptionsOfCall(object: TSESTree.Node | undefined): boolean {
    const parent = object && outermostWrapper(object).parent;
    return (parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) && parent.arguments.some((argument) => unwrapExpression(argument) === object);
  }

  /** The first problem, in the order a reader should fix them. */
  problem(): EndProblem | undefined {
    if (this.endsElsewhere) return undefined;
    if (this.commits.length === 0) return { kind: 'noCommit' };
    const exit = this.openAtExit();
    if (exit) return exit;
    if (!this.rollsBackOnFailure()) return { kind: 'noRollback' };
    if (!(this.knowledge.kind === 'statements' && this.knowledge.spec.synchronous)) {
      for (const end of [...this.commits, ...this.rollbacks]) {
        if (!this.awaited(end)) return { kind: 'notAwaited', end, text: `${compact(this.sourceCode.getText(end.callee))}()` };
      }
    }
    if (this.knowledge.kind === 'region' && this.knowledge.spec.release?.length) {
      const released = this.releases.some((call) => this.inFinally(call));
      if (!released) return { kind: 'noRelease' };
    }
    return undefined;
  }

  private awaited(end: TSESTree.Node): boolean {
    // `trx.commit().execute()` (Kysely): the chain's last call is what is awaited.
    let top: TSESTree.Node = end;
    while (top.parent?.type === AST_NODE_TYPES.MemberExpression && top.parent.object === top && top.parent.parent?.type === AST_NODE_TYPES.CallExpression) {
      top = top.parent.parent;
    }
    const value = outermostWrapper(top);
    if (value.type === AST_NODE_TYPES.AwaitExpression) return true;
    const parent = value.parent;
    return parent?.type === AST_NODE_TYPES.ReturnStatement || (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === value);
  }

  private inFinally(call: TSESTree.Node): boolean {
    for (let current: TSESTree.Node | undefined = call; current && current !== this.scope.container; current = current.parent) {
      const parent: TSESTree.Node | undefined = current.parent;
      if (parent?.type === AST_NODE_TYPES.TryStatement && parent.finalizer === current) return true;
    }
    return false;
  }

  /** A `try` whose block holds the commit (or the opener) and whose `catch` or `finally` rolls back. */
  private rollsBackOnFailure(): boolean {
    for (const rollback of this.rollbacks) {
      for (let current: TSESTree.Node | undefined = rollback; current && current !== this.scope.container; current = current.parent) {
        const parent: TSESTree.Node | undefined = current.parent;
        if (parent?.type !== AST_NODE_TYPES.TryStatement || current === parent.block) continue;
        // The commit in the try, or the try holding the work between the opening and a commit after it.
        if (this.commits.some((commit) => this.within(parent.block, commit))) return true;
        if (parent.range[0] > this.scope.opener.range[1] && this.commits.some((commit) => commit.range[0] > parent.range[1])) return true;
      }
    }
    return false;
  }

  /** A path that leaves the function (a `return`, or its end) with the transaction open. */
  private openAtExit(): EndProblem | undefined {
    const container = this.scope.container;
    // Opened only on some paths (`if (!runner.isTransactionActive) { start; startedByUs = true }`): its ends are
    // guarded by the same condition, which a structural reading cannot pair. Not guessed.
    for (let current = this.scope.opener.parent; current && current !== container; current = current.parent) {
      if (current.type === AST_NODE_TYPES.IfStatement || current.type === AST_NODE_TYPES.ConditionalExpression || current.type === AST_NODE_TYPES.LogicalExpression) {
        return undefined;
      }
    }
    const body = container.type === AST_NODE_TYPES.Program ? container : container.body;
    if (body.type !== AST_NODE_TYPES.BlockStatement && body.type !== AST_NODE_TYPES.Program) return undefined;
    const leaks: (TSESTree.Node | undefined)[] = [];
    const after = this.run(body.body, 'before', leaks);
    if (leaks.length > 0) return { kind: 'openAtExit', at: leaks[0] };
    if (after === 'open') return { kind: 'openAtExit', at: undefined };
    return undefined;
  }

  private opens(node: TSESTree.Node): boolean {
    return this.within(node, this.scope.opener);
  }

  private run(statements: readonly TSESTree.Node[], state: State, leaks: (TSESTree.Node | undefined)[]): State {
    let current = state;
    for (const statement of statements) {
      if (current === 'gone') return 'gone';
      current = this.step(statement, current, leaks);
    }
    return current;
  }

  private step(statement: TSESTree.Node, state: State, leaks: (TSESTree.Node | undefined)[]): State {
    switch (statement.type) {
      case AST_NODE_TYPES.BlockStatement:
        return this.run(statement.body, state, leaks);
      case AST_NODE_TYPES.ReturnStatement:
        if (state === 'open' && !(statement.argument && this.holdsEnd(statement.argument))) leaks.push(statement);
        return 'gone';
      case AST_NODE_TYPES.ThrowStatement:
        return 'gone';
      case AST_NODE_TYPES.IfStatement: {
        const entry = this.opens(statement.test) ? 'open' : state;
        const yes = this.step(statement.consequent, entry, leaks);
        const no = statement.alternate ? this.step(statement.alternate, entry, leaks) : entry;
        return merge(yes, no);
      }
      case AST_NODE_TYPES.TryStatement: {
        const afterBlock = this.run(statement.block.body, state, leaks);
        // The catch runs when the block failed: with the transaction open if it was open, or opened, in the block.
        const entry: State = state === 'open' || this.opens(statement.block) ? 'open' : state;
        const afterCatch = statement.handler ? this.run(statement.handler.body.body, entry, leaks) : 'gone';
        let after = merge(afterBlock, afterCatch);
        if (statement.finalizer) {
          const finalLeaks: (TSESTree.Node | undefined)[] = [];
          const afterFinally = this.run(statement.finalizer.body, after === 'gone' ? (statement.handler ? merge(afterBlock, afterCatch) : entry) : after, finalLeaks);
          if (this.holdsEnd(statement.finalizer)) {
            // A finally that ends the transaction closes every path through the try, returns included.
            leaks.splice(0, leaks.length, ...leaks.filter((leak) => !leak || !this.within(statement, leak)));
            after = after === 'gone' ? 'gone' : 'closed';
          } else {
            leaks.push(...finalLeaks);
            if (afterFinally === 'gone') after = 'gone';
          }
        }
        return after;
      }
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement: {
        const entry = this.opens(statement) && !this.opens(statement.body) ? 'open' : state;
        const after = this.step(statement.body, entry, leaks);
        return statement.type === AST_NODE_TYPES.DoWhileStatement ? after : merge(entry, after === 'gone' ? entry : after);
      }
      case AST_NODE_TYPES.SwitchStatement: {
        let result: State = state;
        for (const branch of statement.cases) result = merge(result, this.run(branch.consequent, state, leaks));
        return result;
      }
      case AST_NODE_TYPES.LabeledStatement:
        return this.step(statement.body, state, leaks);
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.ClassDeclaration:
        return state;
      default:
        if (this.holdsEnd(statement)) return 'closed';
        if (this.opens(statement)) return 'open';
        return state;
    }
  }
}

type State = 'before' | 'open' | 'closed' | 'gone';

function merge(a: State, b: State): State {
  if (a === 'gone') return b;
  if (b === 'gone') return a;
  if (a === 'open' || b === 'open') return 'open';
  if (a === 'closed' || b === 'closed') return 'closed';
  return 'before';
}

/** The library of the region, when it is known by import or type: for SQL statements sent through a client, the client's library (pg, mysql2). */
function knownLibraryOf(context: AnyRuleContext, scope: RegionScope): LibraryKnowledge | undefined {
  const opener = scope.opener;
  let callee = opener.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(opener.callee) : undefined;
  // `db.startTransaction().execute()`: the receiver of the call that names the API.
  while (callee?.type === AST_NODE_TYPES.MemberExpression && unwrapExpression(callee.object).type === AST_NODE_TYPES.CallExpression) {
    callee = unwrapExpression((unwrapExpression(callee.object) as TSESTree.CallExpression).callee);
  }
  if (callee?.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const origin = getLibraryIndex(context).originOf(callee.object);
  if (origin) return regionKnowledge(origin.library, opener) ? origin.library : undefined;
  const declaration = declarationOf(context, callee);
  return declaration?.library && regionKnowledge(declaration.library, opener) ? declaration.library : undefined;
}

/** For a region recognised by shape only: the library is a guess, so the advice names no library's API. */
const unknownManaged = "the library's callback form (`transaction(async (trx) => …)`), which commits when the callback resolves and rolls back when it throws";

/** What is wrong with how a manual transaction ends, if anything. `scope` must be confirmed. */
export function transactionEndProblem(context: AnyRuleContext, scope: RegionScope): EndReading | undefined {
  const known = knownLibraryOf(context, scope);
  const knowledge = regionKnowledge(known ?? scope.library, scope.opener);
  if (!knowledge) return undefined;
  const check = new EndCheck(context, scope, knowledge);
  if (check.handleLeaves()) return undefined;
  const problem = check.problem();
  return problem && { problem, managed: known ? knowledge.spec.managed : unknownManaged };
}
