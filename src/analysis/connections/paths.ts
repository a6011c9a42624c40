/**
 * Does every path out of a function give a checked-out connection back? A small walk over the
 * function's statements that tracks one fact, "the connection is out", through sequences,
 * branches, loops and `try`/`catch`/`finally`, and notes every way out while it is still out:
 * a `return`, the end of the function, or a throw (any call or `await` may throw) that no
 * enclosing `finally` gives it back from.
 *
 * Deliberately simple: a loop body runs once or not at all, `break`/`continue` fall through, and
 * inside `if (client)` (or after `if (err)` in the callback form) the connection is taken to be
 * out only where the test says it exists.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../../util/node-types';
import { codeKeys } from '../walk';
import type { Acquisition, Body } from './acquisitions';

export interface Leak {
  /** How the path leaves with the connection still out. */
  readonly kind: 'return' | 'throw' | 'end';
  /** The `return`, the statement that may throw, or the function whose end is reached. */
  readonly node: TSESTree.Node;
}

interface TryFrame {
  readonly hasHandler: boolean;
  readonly finalizerReleases: boolean;
  inHandler: boolean;
  /** A throw in the `try` block reached the handler with the connection out. */
  throwHeld: boolean;
}

type Held = boolean | null; // null: this point is not reached normally (after a return or throw)

function merge(a: Held, b: Held): Held {
  if (a === null) return b;
  if (b === null) return a;
  return a || b;
}

/** The ways out of `acquisition.body` that leave the connection checked out, in source order of discovery. */
export function leaksOf(acquisition: Acquisition, visitorKeys: Readonly<TSESLint.SourceCode>['visitorKeys']): Leak[] {
  const walker = new PathWalker(acquisition, visitorKeys);
  return walker.run();
}

class PathWalker {
  private readonly leaks: Leak[] = [];
  private readonly frames: TryFrame[] = [];
  private readonly releaseNodes: readonly TSESTree.Node[];
  private readonly holderIdentifiers: ReadonlySet<TSESTree.Node>;
  private readonly errorIdentifiers: ReadonlySet<TSESTree.Node>;

  constructor(
    private readonly acquisition: Acquisition,
    private readonly visitorKeys: Readonly<TSESLint.SourceCode>['visitorKeys'],
  ) {
    this.releaseNodes = acquisition.releases.filter((site) => site.kind !== 'then').map((site) => site.node);
    this.holderIdentifiers = new Set(acquisition.holder?.references.map((reference) => reference.identifier) ?? []);
    this.errorIdentifiers = new Set(acquisition.errorParameter?.references.map((reference) => reference.identifier) ?? []);
  }

  run(): Leak[] {
    const body: Body = this.acquisition.body;
    const start = this.acquisition.heldFromStart;
    if (body.type === AST_NODE_TYPES.Program) {
      const end = this.sequence(body.body, start);
      this.exit('end', end, body);
    } else if (body.body.type === AST_NODE_TYPES.BlockStatement) {
      const end = this.sequence(body.body.body, start);
      this.exit('end', end, body);
    } else {
      // `(err, client, done) => client.query(…)`: an expression body is one `return`.
      this.simple(body.body, start, true);
    }
    return this.leaks;
  }

  private exit(kind: Leak['kind'], held: Held, node: TSESTree.Node): void {
    if (!held) return;
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const frame = this.frames[i]!;
      if (kind === 'throw' && frame.hasHandler && !frame.inHandler) {
        frame.throwHeld = true;
        return;
      }
      if (frame.finalizerReleases) return;
    }
    this.leaks.push({ kind, node });
  }

  private sequence(statements: readonly TSESTree.Node[], held: Held): Held {
    let current = held;
    for (let i = 0; i < statements.length; i++) {
      if (current === null) return null;
      const statement = statements[i]!;
      if (current && this.isSetupBeforeTry(statements, i)) continue;
      current = this.statement(statement, current);
    }
    return current;
  }

  /**
   * `await queryRunner.connect(); await queryRunner.startTransaction(); try { … } finally { release }`:
   * calls on the connection itself right before the `try` that gives it back are its setup, the
   * way the libraries' own docs write them, and not reported as throws that skip the release.
   */
  private isSetupBeforeTry(statements: readonly TSESTree.Node[], index: number): boolean {
    for (let i = index; i < statements.length; i++) {
      const statement = statements[i]!;
      if (statement.type === AST_NODE_TYPES.TryStatement) return i > index && !!statement.finalizer && this.alwaysReleases(statement.finalizer);
      if (!this.isCallOnHolder(statement)) return false;
    }
    return false;
  }

  /** `await client.method(literal…)` as a statement of its own. */
  private isCallOnHolder(statement: TSESTree.Node): boolean {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
    let expression: TSESTree.Node = statement.expression;
    if (expression.type === AST_NODE_TYPES.AwaitExpression) expression = expression.argument;
    if (expression.type !== AST_NODE_TYPES.CallExpression || expression.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    if (!this.holderIdentifiers.has(expression.callee.object)) return false;
    return expression.arguments.every((argument) => argument.type === AST_NODE_TYPES.Literal || argument.type === AST_NODE_TYPES.Identifier);
  }

  private statement(node: TSESTree.Node, held: boolean): Held {
    switch (node.type) {
      case AST_NODE_TYPES.BlockStatement:
      case AST_NODE_TYPES.StaticBlock:
        return this.sequence(node.body, held);
      case AST_NODE_TYPES.IfStatement: {
        this.mayThrow(node.test, held);
        const presence = this.presenceIn(node.test);
        const consequent = this.statement(node.consequent, held && presence !== 'absent');
        const alternate = node.alternate ? this.statement(node.alternate, held && presence !== 'present') : held && presence !== 'present';
        return merge(consequent, alternate);
      }
      case AST_NODE_TYPES.TryStatement:
        return this.tryStatement(node, held);
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
        this.mayThrow(node.test, held);
        return merge(held, this.statement(node.body, held) ?? held);
      case AST_NODE_TYPES.ForStatement:
        if (node.init) this.mayThrow(node.init, held);
        if (node.test) this.mayThrow(node.test, held);
        return merge(held, this.statement(node.body, held) ?? held);
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
        this.mayThrow(node.right, held);
        return merge(held, this.statement(node.body, held) ?? held);
      case AST_NODE_TYPES.SwitchStatement: {
        this.mayThrow(node.discriminant, held);
        let result: Held = node.cases.some((c) => c.test === null) ? null : held;
        let fallthrough: Held = null;
        for (const switchCase of node.cases) {
          fallthrough = this.sequence(switchCase.consequent, merge(fallthrough, held) ?? held);
          result = merge(result, fallthrough);
        }
        return result;
      }
      case AST_NODE_TYPES.LabeledStatement:
        return this.statement(node.body, held);
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.ClassDeclaration:
      case AST_NODE_TYPES.EmptyStatement:
      case AST_NODE_TYPES.BreakStatement:
      case AST_NODE_TYPES.ContinueStatement:
      case AST_NODE_TYPES.TSInterfaceDeclaration:
      case AST_NODE_TYPES.TSTypeAliasDeclaration:
        return held;
      case AST_NODE_TYPES.ReturnStatement:
        return this.simple(node.argument ?? node, held, true, node);
      case AST_NODE_TYPES.ThrowStatement: {
        const after = this.simple(node.argument, held, false);
        this.exit('throw', after, node);
        return null;
      }
      default:
        return this.simple(node, held, false);
    }
  }

  /** A statement without statements inside: it may check the connection out, give it back, throw, or return. */
  private simple(node: TSESTree.Node, held: boolean, returns: boolean, statement: TSESTree.Node = node): Held {
    let current = held;
    if (this.contains(node, this.releaseNodes)) current = false;
    else this.mayThrow(node, current);
    if (this.containsNode(node, this.acquisition.call)) current = true;
    if (returns) {
      this.exit('return', current, statement);
      return null;
    }
    return current;
  }

  private tryStatement(node: TSESTree.TryStatement, held: boolean): Held {
    const finalizer = node.finalizer;
    const frame: TryFrame = {
      hasHandler: node.handler !== null && node.handler !== undefined,
      finalizerReleases: finalizer ? this.alwaysReleases(finalizer) : false,
      inHandler: false,
      throwHeld: false,
    };
    this.frames.push(frame);
    const block = this.statement(node.block, held);
    let handler: Held = null;
    if (node.handler) {
      frame.inHandler = true;
      handler = this.statement(node.handler.body, frame.throwHeld);
    }
    this.frames.pop();
    const normal = merge(block, handler);
    if (!finalizer) return normal;
    if (frame.finalizerReleases) return normal === null ? null : false;
    const after = this.statement(finalizer, normal ?? false);
    return normal === null ? null : after;
  }

  /**
   * Whether a `finally` gives the connection back. A release there under a condition counts too
   * (`if (created) await runner.release()`): the condition usually says whether this function
   * owns the connection, which the walk cannot follow.
   */
  private alwaysReleases(block: TSESTree.BlockStatement): boolean {
    return this.contains(block, this.releaseNodes);
  }

  /** Whether `test` says the connection exists (`if (client)`) or does not (`if (err)`, `if (!client)`). */
  private presenceIn(test: TSESTree.Expression): 'present' | 'absent' | undefined {
    if (test.type === AST_NODE_TYPES.LogicalExpression && (test.operator === '&&' || test.operator === '||')) {
      // `if (runner && !runner.isReleased)`: taken to say the connection is there (and `||` that it is not).
      const wanted = test.operator === '&&' ? 'present' : 'absent';
      return this.presenceIn(test.left) === wanted || this.presenceIn(test.right) === wanted ? wanted : undefined;
    }
    let node: TSESTree.Node = test;
    let negated = false;
    while (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') {
      negated = !negated;
      node = node.argument;
    }
    if (node.type === AST_NODE_TYPES.BinaryExpression && (isNullish(node.right) || isNullish(node.left))) {
      if (node.operator === '==' || node.operator === '===') negated = !negated;
      else if (node.operator !== '!=' && node.operator !== '!==') return undefined;
      node = isNullish(node.right) ? node.left : node.right;
    }
    let root: TSESTree.Node = node;
    while (root.type === AST_NODE_TYPES.MemberExpression) root = root.object;
    if (root.type === AST_NODE_TYPES.ChainExpression) return this.presenceIn(root.expression as TSESTree.Expression);
    const exists = this.holderIdentifiers.has(root) ? true : this.errorIdentifiers.has(root) ? false : undefined;
    if (exists === undefined) return undefined;
    return exists !== negated ? 'present' : 'absent';
  }

  /**
   * An `await` (or `yield`) outside nested functions is a throw point while the connection is out:
   * a query, a request, any awaited work that fails arrives as a rejection there. Synchronous calls
   * are not counted: what they throw is a programming error, and counting them would report every
   * event handler registered before the release.
   */
  private mayThrow(node: TSESTree.Node, held: Held): void {
    if (!held) return;
    if (this.findNode(node, (child) =>
      (child.type === AST_NODE_TYPES.AwaitExpression || child.type === AST_NODE_TYPES.YieldExpression || (child.type === AST_NODE_TYPES.ForOfStatement && child.await)) &&
      !this.containsNode(child, this.acquisition.call),
    )) {
      this.exit('throw', held, node);
    }
  }

  private contains(node: TSESTree.Node, targets: readonly TSESTree.Node[]): boolean {
    return targets.some((target) => this.containsNode(node, target));
  }

  private containsNode(node: TSESTree.Node, target: TSESTree.Node): boolean {
    return target.range[0] >= node.range[0] && target.range[1] <= node.range[1];
  }

  /** Finds a node below `node` (outside nested functions and classes) that satisfies `test`. */
  private findNode(node: TSESTree.Node, test: (node: TSESTree.Node) => boolean): boolean {
    if (test(node)) return true;
    for (const key of codeKeys(this.visitorKeys, node.type)) {
      const value = (node as unknown as Record<string, unknown>)[key];
      const children = Array.isArray(value) ? value : [value];
      for (const child of children) {
        if (!child || typeof child !== 'object' || !('type' in child)) continue;
        const childNode = child as TSESTree.Node;
        if (
          childNode.type === AST_NODE_TYPES.ArrowFunctionExpression ||
          childNode.type === AST_NODE_TYPES.FunctionExpression ||
          childNode.type === AST_NODE_TYPES.FunctionDeclaration ||
          childNode.type === AST_NODE_TYPES.ClassExpression ||
          childNode.type === AST_NODE_TYPES.ClassDeclaration
        ) {
          continue;
        }
        if (this.findNode(childNode, test)) return true;
      }
    }
    return false;
  }
}

function isNullish(node: TSESTree.Node): boolean {
  return (node.type === AST_NODE_TYPES.Literal && node.value === null) || (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined');
}
