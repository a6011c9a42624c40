/**
 * What runs inside a transaction scope, and which of it is I/O: the calls in the scope itself,
 * callbacks passed inline (`items.map(async (item) => …)`), and the functions of the same file it
 * calls (plain functions, methods of the same class through `this.notify()`, static methods,
 * methods of a constant object), followed transitively and safely against recursion. A finding
 * sits on the call inside the scope and carries the path to the I/O call.
 *
 * Functions of other modules of the project are followed too, through the module engine
 * (`modules/link.ts`): `this.mailService.sendWelcome()` in a service injected from another file,
 * `new InviteEmail(to).schedule()`, a helper imported through a barrel. Each module's summaries
 * are computed by that module's own reach engine, once per process while the file is unchanged;
 * the hops are bounded (`MAX_REMOTE_DEPTH`), and a path that reaches another file names it.
 *
 * Not followed: callbacks that run later (`t.afterCommit(() => …)`, `setTimeout`, event
 * listeners) and functions merely defined in the scope.
 */
import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../../util/node-types';
import { calleeName, staticKeyName, unwrapExpression } from '../../util/ast';
import { chainRoot, getIoClassifier, type IoCall, type IoClassifier, type IoHit, type IoOptions } from '../io/calls';
import { getLinks, type Links } from '../modules/link';
import { perFile, type AnyRuleContext } from '../per-file';
import { codeKeys } from '../walk';
import { libraries } from '../../knowledge';
import { afterCommitMethods, functionValue, isTransactionCallbackParameter, type FunctionNode, type TransactionScope } from './scopes';
import { isFunctionNode } from '../functions';


export interface Step {
  /** The call node (in the scope for the first step, in a helper for later ones). */
  readonly node: IoCall;
  /** How the call reads in a message: `sendReceipt()`, `this.notify()`, `fetch()`. */
  readonly text: string;
  /** The project file the call is written in (absolute), when it is not the file of the transaction. */
  readonly file?: string;
}

export interface Finding {
  /** Where the report sits: the call inside the transaction. */
  readonly node: IoCall;
  /** From the call in the transaction down to the I/O call; one step when the call is the I/O itself. */
  readonly path: readonly Step[];
  readonly hit: IoHit;
}

interface Summary {
  readonly path: readonly Step[];
  readonly hit: IoHit;
}

/** Properties true on a transaction handle only (Knex's `isTransaction`), from the knowledge. */
const transactionFlags: ReadonlySet<string> = new Set(libraries.flatMap((library) => library.transactionWork?.transactionFlags ?? []));

/** `knex.isTransaction`, `knex.isTransaction === true`, `!!knex.isTransaction`: a test that holds when handed a transaction. */
function readsTransactionFlag(test: TSESTree.Expression): boolean {
  let current = unwrapExpression(test);
  while (current.type === AST_NODE_TYPES.UnaryExpression && current.operator === '!' && current.argument.type === AST_NODE_TYPES.UnaryExpression && current.argument.operator === '!') {
    current = unwrapExpression(current.argument.argument);
  }
  if (current.type === AST_NODE_TYPES.BinaryExpression && (current.operator === '===' || current.operator === '==')) {
    const literal = current.right.type === AST_NODE_TYPES.Literal ? current.right : current.left.type === AST_NODE_TYPES.Literal ? current.left : undefined;
    if (literal?.value !== true) return false;
    current = unwrapExpression(literal === current.right ? current.left : (current.right as TSESTree.Expression));
  }
  return current.type === AST_NODE_TYPES.MemberExpression && transactionFlags.has(staticKeyName(current) ?? '');
}

function alwaysReturns(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ThrowStatement) return true;
  if (statement.type !== AST_NODE_TYPES.BlockStatement) return false;
  const last = statement.body[statement.body.length - 1];
  return last !== undefined && alwaysReturns(last);
}

/**
 * The parts of a function that run when it is called inside a transaction: all of it, unless it returns
 * early when handed a transaction (`if (knex.isTransaction) return fn();`): then what comes before the
 * guard, its test and its branch.
 */
function partsRunInTransaction(fn: FunctionNode): readonly TSESTree.Node[] {
  if (transactionFlags.size === 0 || fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn];
  const statements = fn.body.body;
  for (let i = 0; i < statements.length; i++) {
    const statement = statements[i]!;
    if (statement.type === AST_NODE_TYPES.IfStatement && readsTransactionFlag(statement.test) && alwaysReturns(statement.consequent)) {
      return [...fn.params, ...statements.slice(0, i), statement.test, statement.consequent];
    }
  }
  return [fn];
}

/** Callbacks that run later, not while the caller waits. */
const deferring = new Set(['setTimeout', 'setInterval', 'setImmediate', 'nextTick', 'queueMicrotask', 'on', 'once', 'addListener', 'addEventListener', 'prependListener', 'subscribe']);


/** How many modules deep a path may go from the file of the transaction. */
const MAX_REMOTE_DEPTH = 3;
let remoteDepth = 0;
/** Set when a walk stopped at the depth bound: its summary is partial, so it is not remembered. */
let boundHit = false;

function compact(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 50 ? `${oneLine.slice(0, 47)}…` : oneLine;
}


export class Reach {
  /** Summaries of same-file functions: the first path to I/O, or null. */
  private readonly summaries = new Map<FunctionNode, Summary | null>();
  private readonly inProgress = new Set<FunctionNode>();
  private readonly sourceCode: Readonly<TSESLint.SourceCode>;

  private readonly afterCommit = afterCommitMethods;
  private readonly links: Links | undefined;

  constructor(
    context: AnyRuleContext,
    private readonly classifier: IoClassifier,
    private readonly options: IoOptions,
  ) {
    this.sourceCode = context.sourceCode;
    this.links = getLinks(context);
  }

  /** Every I/O call that runs inside the scope, at most one finding per call node. */
  findingsIn(scope: TransactionScope): Finding[] {
    const findings: Finding[] = [];
    const root = scope.kind === 'function' ? scope.body : scope.container;
    const handleVariable =
      scope.kind === 'function' && scope.handle ? ASTUtils.findVariable(this.sourceCode.getScope(scope.handle), scope.handle) : null;
    const isHandle = (call: IoCall): boolean => {
      const rootNode = chainRoot(call.callee);
      if (scope.kind === 'function') {
        if (handleVariable?.references.some((ref) => ref.identifier === rootNode)) return true;
      } else if (
        this.sourceCode.getText(rootNode) === scope.handleText ||
        this.sourceCode.getText(unwrapExpression(call.callee)).startsWith(`${scope.handleText}.`)
      ) {
        return true;
      }
      // The handle of a nested transaction: `t1.transaction(async (t2) => t2.query(…))`.
      return rootNode.type === AST_NODE_TYPES.Identifier && isTransactionCallbackParameter(this.sourceCode, rootNode);
    };
    const handleName = scope.kind === 'function' ? scope.handle?.name : scope.handleText;
    /** `Order.update(changes, { transaction: t })`, `Person.query(trx)`: a call handed the transaction is database work. */
    const passesHandle = (call: IoCall): boolean =>
      handleName !== undefined &&
      call.arguments.some((argument) => {
        const value = unwrapExpression(argument);
        if (value.type === AST_NODE_TYPES.Identifier) return value.name === handleName;
        return (
          value.type === AST_NODE_TYPES.ObjectExpression &&
          value.properties.some(
            (property) =>
              property.type === AST_NODE_TYPES.Property &&
              property.value.type === AST_NODE_TYPES.Identifier &&
              property.value.name === handleName,
          )
        );
      });
    this.walk(root, (call, holdsIo) => {
      if (scope.kind === 'region' && !scope.inside(call)) return undefined;
      if (isHandle(call)) return undefined;
      const finding = this.examine(call, holdsIo, passesHandle(call));
      if (finding) findings.push(finding);
      return finding;
    });
    return findings;
  }

  /** Is this call I/O, directly or through a function of this file? */
  private examine(call: IoCall, holdsIo: boolean, databaseWork = false): Finding | undefined {
    if (call.type === AST_NODE_TYPES.CallExpression) {
      const local = this.localFunction(call.callee);
      if (local) {
        const summary = this.summary(local);
        return summary ? { node: call, path: [{ node: call, text: this.callText(call) }, ...summary.path], hit: summary.hit } : undefined;
      }
      // A function of another module of the project: its own reach engine summarises it.
      // (The module engine also finds functions of this file the shapes above miss: `new Job().run()`.)
      const remote = this.links?.calledFunction(call);
      if (remote) {
        const summary = remote.crossFile ? this.remoteSummary(remote.context, remote.fn) : this.summary(remote.fn);
        return summary ? { node: call, path: [{ node: call, text: this.callText(call) }, ...summary.path], hit: summary.hit } : undefined;
      }
      // A function of this file passed by reference: `orders.forEach(notifyCustomer)`.
      for (const argument of call.arguments) {
        const value = unwrapExpression(argument);
        if (value.type !== AST_NODE_TYPES.Identifier && value.type !== AST_NODE_TYPES.MemberExpression) continue;
        const fn = this.localFunction(value);
        const summary = fn && this.summary(fn);
        if (summary) {
          return { node: call, path: [{ node: call, text: `${compact(this.sourceCode.getText(value))}()` }, ...summary.path], hit: summary.hit };
        }
      }
    }
    if (databaseWork) return undefined;
    const hit = this.classifier.classify(call);
    if (!hit || (holdsIo && hit.tier === 'result')) return undefined;
    return { node: call, path: [{ node: call, text: this.callText(call) }], hit };
  }

  /** The first path from a function of this file to an I/O call. */
  summary(fn: FunctionNode): Summary | null {
    const known = this.summaries.get(fn);
    if (known !== undefined) return known;
    // Recursion: a function already being summarised adds nothing new to the path.
    if (this.inProgress.has(fn)) return null;
    this.inProgress.add(fn);
    const outerBoundHit = boundHit;
    boundHit = false;
    let result: Summary | null = null;
    for (const part of partsRunInTransaction(fn)) {
      this.walk(part, (call, holdsIo) => {
        if (result) return undefined;
        const finding = this.examine(call, holdsIo);
        if (finding) result = { path: finding.path, hit: finding.hit };
        return finding;
      });
    }
    this.inProgress.delete(fn);
    // A walk cut short by the depth bound may have missed a path: ask again next time.
    if (!boundHit || result) this.summaries.set(fn, result);
    boundHit ||= outerBoundHit;
    return result;
  }

  /** The path to I/O of a function in another module, with that module's file name on its steps. */
  private remoteSummary(context: AnyRuleContext, fn: FunctionNode): Summary | null {
    if (remoteDepth >= MAX_REMOTE_DEPTH) {
      boundHit = true;
      return null;
    }
    remoteDepth++;
    try {
      const summary = getReach(context, this.options).summary(fn);
      if (!summary) return null;
      const file = getLinks(context)?.file;
      return { hit: summary.hit, path: summary.path.map((step) => (step.file !== undefined ? step : { ...step, file })) };
    } finally {
      remoteDepth--;
    }
  }

  /**
   * Visits the calls that run when `root` runs, innermost first (so a chain's first I/O call is
   * seen before the calls chained on it). `visit` answers whether the call was I/O.
   */
  private walk(root: TSESTree.Node, visit: (call: IoCall, holdsIo: boolean) => Finding | undefined): void {
    const ioCalls = new Set<TSESTree.Node>();
    const visitorKeys = this.sourceCode.visitorKeys;
    /** Visits a subtree; answers whether it holds an I/O call. */
    const visitNode = (node: TSESTree.Node): boolean => {
      if (node !== root && isFunctionNode(node) && !this.runsNow(node)) return false;
      if (node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression) return false;
      const deferred = (node.type === AST_NODE_TYPES.CallExpression && this.defers(node)) || false;
      let inner = false;
      for (const key of codeKeys(visitorKeys, node.type)) {
        const child = (node as unknown as Record<string, unknown>)[key];
        for (const item of Array.isArray(child) ? child : [child]) {
          if (!item || typeof item !== 'object' || !('type' in item)) continue;
          const childNode = item as TSESTree.Node;
          if (deferred && key === 'arguments' && isFunctionNode(unwrapExpression(childNode))) continue;
          if (visitNode(childNode)) inner = true;
        }
      }
      if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) return inner;
      // One finding per chain: `superagent.post(url).send(body)` is one request, reported on its first call.
      if (node.type === AST_NODE_TYPES.CallExpression && this.chainHasIo(node, ioCalls)) {
        ioCalls.add(node);
        return true;
      }
      // A wrapper around I/O already found inside it (`firstValueFrom(http.get())`, `Promise.all([fetch(a)])`)
      // is the same I/O: only its result type said so.
      const finding = visit(node, inner);
      if (finding) ioCalls.add(node);
      return inner || finding !== undefined;
    };
    visitNode(root);
  }

  private chainHasIo(call: TSESTree.CallExpression, ioCalls: ReadonlySet<TSESTree.Node>): boolean {
    let current = unwrapExpression(call.callee);
    for (;;) {
      if (current.type === AST_NODE_TYPES.MemberExpression) current = unwrapExpression(current.object);
      else if (current.type === AST_NODE_TYPES.CallExpression) {
        if (ioCalls.has(current)) return true;
        current = unwrapExpression(current.callee);
      } else if (current.type === AST_NODE_TYPES.AwaitExpression) current = unwrapExpression(current.argument);
      else return false;
    }
  }

  /** A function found inside a scope runs now when it is a callback argument or invoked in place. */
  private runsNow(fn: FunctionNode): boolean {
    let node: TSESTree.Node = fn;
    while (
      node.parent?.type === AST_NODE_TYPES.TSAsExpression ||
      node.parent?.type === AST_NODE_TYPES.TSNonNullExpression ||
      node.parent?.type === AST_NODE_TYPES.TSSatisfiesExpression
    ) {
      node = node.parent;
    }
    const parent = node.parent;
    if (parent?.type !== AST_NODE_TYPES.CallExpression && parent?.type !== AST_NODE_TYPES.NewExpression) return false;
    return parent.callee === node || parent.arguments.includes(node as TSESTree.CallExpressionArgument);
  }

  /** Calls whose function arguments run later: `t.afterCommit(cb)`, `setTimeout(cb)`, `emitter.on(event, cb)`. */
  private defers(call: TSESTree.CallExpression): boolean {
    const name = calleeName(call);
    return name !== undefined && (this.afterCommit.has(name) || deferring.has(name));
  }

  /** How a call reads in a message: `fetch()`, `this.http.get()`, `storage.bucket(…).file(…).save()`. */
  private callText(call: IoCall): string {
    if (call.type === AST_NODE_TYPES.NewExpression) {
      return this.sourceCode.getText(call.callee) === 'Promise' ? 'new Promise(… setTimeout …)' : `new ${this.calleeText(call.callee)}()`;
    }
    return `${this.calleeText(call.callee)}()`;
  }

  private calleeText(node: TSESTree.Node): string {
    const callee = unwrapExpression(node);
    switch (callee.type) {
      case AST_NODE_TYPES.MemberExpression: {
        const name = staticKeyName(callee);
        return `${this.calleeText(callee.object)}${name === undefined ? '[…]' : `.${name}`}`;
      }
      case AST_NODE_TYPES.CallExpression:
        return `${this.calleeText(callee.callee)}(…)`;
      case AST_NODE_TYPES.NewExpression:
        return `new ${this.calleeText(callee.callee)}(…)`;
      case AST_NODE_TYPES.AwaitExpression:
        return `(await ${this.calleeText(callee.argument)})`;
      default:
        return compact(this.sourceCode.getText(callee));
    }
  }

  // ----------------------------------------------------------------------------- same-file functions

  /** The function of this file a callee refers to, if any. */
  private localFunction(node: TSESTree.Node): FunctionNode | undefined {
    const callee = unwrapExpression(node);
    if (callee.type === AST_NODE_TYPES.Identifier) return functionValue(this.sourceCode, callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const name = staticKeyName(callee);
    if (name === undefined) return undefined;
    const object = unwrapExpression(callee.object);
    if (object.type === AST_NODE_TYPES.ThisExpression || object.type === AST_NODE_TYPES.Super) {
      const body = enclosingClassBody(callee);
      if (!body) return undefined;
      const own = object.type === AST_NODE_TYPES.ThisExpression ? this.memberFunction(body, name, false) : undefined;
      return own ?? this.inherited(body, name, false);
    }
    if (object.type === AST_NODE_TYPES.Identifier) {
      const variable = ASTUtils.findVariable(this.sourceCode.getScope(object), object);
      const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (!definition) return undefined;
      // `OrderService.notify()`: a static method of a class of this file.
      if (definition.type === 'ClassName' && definition.node.type === AST_NODE_TYPES.ClassDeclaration) {
        return this.memberFunction(definition.node.body, name, true) ?? this.inherited(definition.node.body, name, true);
      }
      // `const mailer = { async send() { … } }` … `mailer.send()`.
      if (definition.type === 'Variable' && definition.parent.kind === 'const' && definition.node.init) {
        const init = unwrapExpression(definition.node.init);
        if (init.type === AST_NODE_TYPES.ObjectExpression) {
          for (const property of init.properties) {
            if (property.type !== AST_NODE_TYPES.Property || staticKeyName(property) !== name) continue;
            const value = unwrapExpression(property.value);
            return isFunctionNode(value) ? value : functionValue(this.sourceCode, value);
          }
        }
      }
    }
    return undefined;
  }

  private memberFunction(body: TSESTree.ClassBody, name: string, isStatic: boolean): FunctionNode | undefined {
    for (const member of body.body) {
      if ((member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'method') || member.type === AST_NODE_TYPES.PropertyDefinition) {
        if (member.static !== isStatic || staticKeyName(member) !== name) continue;
        const value = member.value && unwrapExpression(member.value);
        if (value && isFunctionNode(value)) return value;
      }
    }
    return undefined;
  }

  /** A method of a base class declared in this file (`class OrderService extends BaseService`). */
  private inherited(body: TSESTree.ClassBody, name: string, isStatic: boolean, depth = 0): FunctionNode | undefined {
    const declaration = body.parent;
    const superClass = declaration && 'superClass' in declaration ? declaration.superClass : null;
    if (!superClass || superClass.type !== AST_NODE_TYPES.Identifier || depth > 5) return undefined;
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(superClass), superClass);
    const definition = variable?.defs[0];
    if (definition?.type !== 'ClassName' || definition.node.type !== AST_NODE_TYPES.ClassDeclaration) return undefined;
    const base = definition.node.body;
    return this.memberFunction(base, name, isStatic) ?? this.inherited(base, name, isStatic, depth + 1);
  }
}

function enclosingClassBody(node: TSESTree.Node): TSESTree.ClassBody | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassBody) return current;
  }
  return undefined;
}

const reaches = perFile(() => new Map<IoClassifier, Reach>());

/** The file's reach engine for these I/O options: function summaries are computed once per file. */
export function getReach(context: AnyRuleContext, options: IoOptions): Reach {
  const classifier = getIoClassifier(context, options);
  const byClassifier = reaches(context);
  let reach = byClassifier.get(classifier);
  if (!reach) byClassifier.set(classifier, (reach = new Reach(context, classifier, options)));
  return reach;
}
