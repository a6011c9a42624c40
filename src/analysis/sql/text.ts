/**
 * Static SQL text: evaluates an expression to constant text and holes, and says of each hole
 * whether it can carry outside data (DESIGN.md, "Static strings").
 *
 * Verdicts, from harmless to harmful:
 * - `constant`: a compile-time constant (literal, `const` of one, enum member, `as const` member…);
 * - `safe`: not constant, but cannot inject (a number, an escaped value, a bound fragment, a
 *   placeholder list built from indexes);
 * - `unknown`: nothing says either way (an imported name, `this.table`, a call of something we
 *   cannot see): never reported, so the rule stays silent when it cannot tell;
 * - `dynamic`: carries data from outside the code (a parameter, a request field, anything
 *   computed from one).
 */
import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../../util/node-types';
import { staticKeyName, unwrapExpression } from '../../util/ast';
import type { AnyRuleContext } from '../per-file';
import { isFunctionNode } from '../functions';

export type Verdict = 'constant' | 'safe' | 'unknown' | 'dynamic';

const rank: Record<Verdict, number> = { constant: 0, safe: 1, unknown: 2, dynamic: 3 };

export function worst(...verdicts: Verdict[]): Verdict {
  let result: Verdict = 'constant';
  for (const verdict of verdicts) if (rank[verdict] > rank[result]) result = verdict;
  return result;
}

export interface Hole {
  readonly kind: 'hole';
  /** The expression spliced into the text. */
  readonly node: TSESTree.Node;
  readonly verdict: Verdict;
  /** The hole is a parameter of the enclosing function, passed on unchanged. */
  readonly parameter?: boolean;
}

export type Piece = string | Hole;

/** What the engine asks its host about library calls: the rule answers from the knowledge. */
export interface CallClassifier {
  /** Verdict for a call the knowledge knows (an escape, a safe fragment, a sink checked on its own), or undefined. */
  classifyCall(call: TSESTree.CallExpression): Verdict | undefined;
  /** Whether a tagged template binds its holes (`Prisma.sql`, drizzle `sql`). */
  isSafeTag(tag: TSESTree.Expression): boolean;
  /** Whether an awaited call reads from the database: what it returns is stored data, not code. */
  isDatabaseRead?(call: TSESTree.CallExpression): boolean;
}

const MAX_DEPTH = 12;

/** Globals whose results are numbers or booleans, so safe in a hole. */
const NUMERIC_CALLS = new Set(['Number', 'parseInt', 'parseFloat', 'Boolean', 'BigInt']);
const NUMERIC_METHODS = new Set(['toFixed', 'toPrecision', 'getTime', 'valueOf', 'indexOf', 'lastIndexOf', 'findIndex', 'now']);
/** String methods whose result carries their receiver's data unchanged (or less of it). */
const PASS_THROUGH_METHODS = new Set([
  'toString',
  'trim',
  'trimStart',
  'trimEnd',
  'toLowerCase',
  'toUpperCase',
  'toLocaleLowerCase',
  'toLocaleUpperCase',
  'slice',
  'substring',
  'substr',
  'padStart',
  'padEnd',
  'repeat',
  'normalize',
  'replace',
  'replaceAll',
  'concat',
  'at',
]);
const ARRAY_CALLBACK_METHODS = new Set(['map', 'flatMap', 'filter']);
const ACCESSOR_METHODS = new Set(['get', 'param', 'header', 'getHeader', 'at', 'find', 'pop', 'shift']);
/** Helpers named for escaping or quoting (`escapePath`, `quoteIdentifier`, `escapeId`) escape. */
const ESCAPE_NAME = /^(?:escape|quote)|(?:Escape|Quote)/;

export class SqlTextEvaluator {
  private readonly overrides = new Map<TSESLint.Scope.Variable, Verdict>();
  private readonly active = new Set<TSESTree.Node>();
  private readonly cache = new Map<TSESTree.Node, Piece[]>();

  constructor(
    private readonly context: AnyRuleContext,
    private readonly classifier: CallClassifier,
  ) {}

  /** The text of `node` as constant pieces and holes. */
  pieces(node: TSESTree.Node, depth = 0): Piece[] {
    // Top-level answers do not depend on any callback's parameters: ask once, reuse.
    if (depth === 0 && this.overrides.size === 0) {
      let cached = this.cache.get(node);
      if (!cached) this.cache.set(node, (cached = this.compute(node, depth)));
      return cached;
    }
    return this.compute(node, depth);
  }

  private compute(node: TSESTree.Node, depth: number): Piece[] {
    if (depth > MAX_DEPTH || this.active.has(node)) return [{ kind: 'hole', node, verdict: 'unknown' }];
    this.active.add(node);
    try {
      return this.evaluate(unwrapExpression(node), node, depth + 1);
    } finally {
      this.active.delete(node);
    }
  }

  /** The worst verdict among the holes of `node`'s text. */
  verdict(node: TSESTree.Node, depth = 0): Verdict {
    return worst(...this.pieces(node, depth).map((piece) => (typeof piece === 'string' ? 'constant' : piece.verdict)));
  }

  private hole(node: TSESTree.Node, verdict: Verdict, parameter = false): Piece[] {
    return [{ kind: 'hole', node, verdict, ...(parameter ? { parameter } : {}) }];
  }

  private evaluate(node: TSESTree.Node, original: TSESTree.Node, depth: number): Piece[] {
    switch (node.type) {
      case AST_NODE_TYPES.Literal:
        if (node.value === null || typeof node.value !== 'object') return [String(node.value)];
        return this.hole(original, 'constant');
      case AST_NODE_TYPES.TemplateLiteral: {
        const result: Piece[] = [];
        node.quasis.forEach((quasi, i) => {
          result.push(quasi.value.cooked ?? quasi.value.raw);
          const expression = node.expressions[i];
          if (expression) result.push(...this.pieces(expression, depth));
        });
        return merge(result);
      }
      case AST_NODE_TYPES.TaggedTemplateExpression:
        return this.hole(original, this.classifier.isSafeTag(node.tag) ? 'safe' : 'unknown');
      case AST_NODE_TYPES.BinaryExpression:
        // `depth + 1` is arithmetic: a number added to a name that is not text.
        if (node.operator === '+' && (isNumberLiteral(node.left) || isNumberLiteral(node.right)) && !isTextLiteral(node.left) && !isTextLiteral(node.right)) {
          return this.hole(original, 'safe');
        }
        if (node.operator === '+') return merge([...this.pieces(node.left, depth), ...this.pieces(node.right, depth)]);
        // Arithmetic and comparisons yield numbers and booleans.
        return this.hole(original, 'safe');
      case AST_NODE_TYPES.UnaryExpression:
        return this.hole(original, node.operator === 'typeof' ? 'constant' : 'safe');
      case AST_NODE_TYPES.UpdateExpression:
        return this.hole(original, 'safe');
      case AST_NODE_TYPES.ConditionalExpression:
        return this.alternatives(original, [node.consequent, node.alternate], depth);
      case AST_NODE_TYPES.LogicalExpression:
        return this.alternatives(original, [node.left, node.right], depth);
      case AST_NODE_TYPES.AwaitExpression: {
        // Rows read back from the database are data: a stored value can hold a quote.
        const awaited = unwrapExpression(node.argument);
        if (awaited.type === AST_NODE_TYPES.CallExpression && this.classifier.isDatabaseRead?.(awaited)) return this.hole(original, 'dynamic');
        return this.pieces(node.argument, depth);
      }
      case AST_NODE_TYPES.SequenceExpression:
        return this.pieces(node.expressions[node.expressions.length - 1] ?? node, depth);
      case AST_NODE_TYPES.Identifier:
        return this.identifier(node, original, depth);
      case AST_NODE_TYPES.MemberExpression:
        return this.member(node, original, depth);
      case AST_NODE_TYPES.CallExpression:
        return this.call(node, original, depth);
      case AST_NODE_TYPES.ArrayExpression:
        return this.hole(
          original,
          worst(...node.elements.map((element) => (element ? this.verdict(element, depth) : 'constant'))),
        );
      case AST_NODE_TYPES.ObjectExpression:
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.ClassExpression:
        return this.hole(original, 'unknown');
      default:
        return this.hole(original, 'unknown');
    }
  }

  /** `a ? 'x' : 'y'`, `a ?? 'x'`: constant text only when every branch is the same constant. */
  private alternatives(original: TSESTree.Node, branches: TSESTree.Node[], depth: number): Piece[] {
    const evaluated = branches.map((branch) => this.pieces(branch, depth));
    const verdict = worst(...evaluated.flat().map((piece) => (typeof piece === 'string' ? 'constant' : piece.verdict)));
    const first = evaluated[0];
    if (verdict === 'constant' && first && evaluated.every((pieces) => sameText(pieces, first))) return first;
    // Report the branch that carries the data, so the message points at it.
    const dynamicHole = evaluated.flat().find((piece): piece is Hole => typeof piece !== 'string' && piece.verdict === 'dynamic');
    if (dynamicHole) return [dynamicHole];
    return this.hole(original, verdict);
  }

  /** Scope lookups walk up the tree: the same names are asked about again and again while texts are followed. */
  private readonly variables = new Map<TSESTree.Identifier, TSESLint.Scope.Variable | null>();

  private variableOf(identifier: TSESTree.Identifier): TSESLint.Scope.Variable | null {
    let variable = this.variables.get(identifier);
    if (variable === undefined) {
      variable = ASTUtils.findVariable(this.context.sourceCode.getScope(identifier), identifier);
      this.variables.set(identifier, variable);
    }
    return variable;
  }

  private identifier(node: TSESTree.Identifier, original: TSESTree.Node, depth: number): Piece[] {
    if (node.name === 'undefined') return [''];
    const variable = this.variableOf(node);
    if (!variable) return this.hole(original, 'unknown');
    const override = this.overrides.get(variable);
    if (override) return this.hole(original, override);
    const definition = variable.defs[0];
    if (!definition) return this.hole(original, 'unknown');
    switch (definition.type) {
      case 'Parameter':
        return this.hole(original, this.parameterVerdict(definition.node, definition.name, depth), true);
      case 'Variable':
        return this.variable(variable, definition, original, depth);
      case 'TSEnumName':
        return this.hole(original, 'constant');
      default:
        // Imports, functions, classes, catch clauses: nothing in this file says what they hold.
        return this.hole(original, 'unknown');
    }
  }

  /**
   * The index parameter of an array callback is a number; a parameter declared `number`, `boolean`,
   * `bigint` or a union of literals carries no text that can inject (the annotation says so even
   * without type information); anything else a function receives is data.
   */
  private parameterVerdict(fn: TSESTree.Node, name: TSESTree.Node, depth: number): Verdict {
    if (name.type === AST_NODE_TYPES.Identifier && isInertAnnotation(name.typeAnnotation?.typeAnnotation)) return 'safe';
    const fromCalls = this.verdictFromCalls(fn, name, depth);
    if (fromCalls !== undefined) return fromCalls;
    if (
      (fn.type === AST_NODE_TYPES.ArrowFunctionExpression || fn.type === AST_NODE_TYPES.FunctionExpression) &&
      fn.params[1] === name &&
      fn.parent?.type === AST_NODE_TYPES.CallExpression &&
      fn.parent.callee.type === AST_NODE_TYPES.MemberExpression
    ) {
      const method = staticKeyName(fn.parent.callee);
      if (method && (ARRAY_CALLBACK_METHODS.has(method) || method === 'forEach' || method === 'reduce')) return 'safe';
    }
    return 'dynamic';
  }

  /** Parameters whose calls are being read: a recursive call hands the parameter on, and adds nothing. */
  private readonly parametersInProgress = new Set<TSESTree.Node>();
  private readonly callsOfFunction = new Map<TSESTree.Node, readonly TSESTree.CallExpression[] | null>();

  /**
   * A function nothing outside this file can call, and that is never passed around, gets at each parameter
   * what its calls give it: `batchDeleteOrphans(knex, 'final_entities')` in a migration splices a constant.
   * Undefined when the calls cannot all be seen.
   */
  private verdictFromCalls(fn: TSESTree.Node, name: TSESTree.Node, depth: number): Verdict | undefined {
    if (name.type !== AST_NODE_TYPES.Identifier || !isFunctionNode(fn)) return undefined;
    // `batch = 500`: a call that leaves the argument out gives the default.
    const index = fn.params.findIndex((param) => param === name || (param.type === AST_NODE_TYPES.AssignmentPattern && param.left === name));
    if (index === -1) return undefined;
    const param = fn.params[index]!;
    const fallback = param.type === AST_NODE_TYPES.AssignmentPattern ? param.right : undefined;
    const calls = this.localCallsOf(fn);
    if (!calls || calls.length === 0) return undefined;
    if (this.parametersInProgress.has(name)) return 'constant';
    this.parametersInProgress.add(name);
    try {
      const verdicts: Verdict[] = [];
      for (const call of calls) {
        if (call.arguments.slice(0, index + 1).some((candidate) => candidate.type === AST_NODE_TYPES.SpreadElement)) return undefined;
        const argument = call.arguments[index] ?? fallback;
        if (!argument) return undefined;
        const verdict = this.verdict(argument, depth);
        if (verdict === 'dynamic') return undefined;
        verdicts.push(verdict);
      }
      return worst(...verdicts);
    } finally {
      this.parametersInProgress.delete(name);
    }
  }

  /** Every call of a function declared in this file and not exported, or null when it is used any other way. */
  private localCallsOf(fn: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression): readonly TSESTree.CallExpression[] | null {
    let calls = this.callsOfFunction.get(fn);
    if (calls !== undefined) return calls;
    calls = null;
    const holder = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn ? fn.parent : undefined;
    const id = holder?.id;
    const exported = holder && (holder.type === AST_NODE_TYPES.FunctionDeclaration ? holder.parent : holder.parent?.parent)?.type.startsWith('Export');
    if (holder && id?.type === AST_NODE_TYPES.Identifier && !exported) {
      const variable = this.context.sourceCode.getDeclaredVariables(holder).find((candidate) => candidate.name === id.name);
      const found: TSESTree.CallExpression[] = [];
      let escapes = !variable;
      for (const reference of variable?.references ?? []) {
        if (reference.identifier === id) continue;
        const parent = reference.identifier.parent;
        if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === reference.identifier) found.push(parent);
        else escapes = true;
      }
      if (!escapes) calls = found;
    }
    this.callsOfFunction.set(fn, calls);
    return calls;
  }

  private variable(
    variable: TSESLint.Scope.Variable,
    definition: TSESLint.Scope.Definition,
    original: TSESTree.Node,
    depth: number,
  ): Piece[] {
    const declarator = definition.node as TSESTree.VariableDeclarator;
    const declaration = declarator.parent as TSESTree.VariableDeclaration | undefined;
    const loop = declaration?.parent;
    if (loop && (loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement) && loop.left === declaration) {
      // `for (const column of columns)`: as trustworthy as what is iterated.
      return this.hole(original, loop.type === AST_NODE_TYPES.ForInStatement ? this.keyVerdict(loop.right, depth) : this.verdict(loop.right, depth));
    }
    if (declarator.id.type === AST_NODE_TYPES.Identifier && isInertAnnotation(declarator.id.typeAnnotation?.typeAnnotation)) return this.hole(original, 'safe');
    if (declarator.id.type !== AST_NODE_TYPES.Identifier) {
      // `const { email } = req.body`: as trustworthy as the object destructured.
      return this.hole(original, declarator.init ? this.verdict(declarator.init, depth) : 'unknown');
    }
    const writes = variable.references.filter((reference) => reference.isWrite() && reference.identifier !== declarator.id);
    const init = declarator.init;
    if (writes.length === 0) return init ? this.pieces(init, depth) : this.hole(original, 'unknown');
    // `let sql = '…'; sql += ' AND …'`: appends build the text in source order.
    const appends: TSESTree.Node[] = [];
    const assigned: TSESTree.Node[] = [];
    for (const write of writes) {
      const assignment = write.identifier.parent;
      if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression) return this.hole(original, 'unknown');
      if (assignment.operator === '+=') appends.push(assignment.right);
      else if (assignment.operator === '=') assigned.push(assignment.right);
      else return this.hole(original, 'unknown');
    }
    if (assigned.length === 0) {
      const pieces: Piece[] = init ? this.pieces(init, depth) : [];
      for (const append of appends) pieces.push(...this.pieces(append, depth));
      return merge(pieces);
    }
    return this.alternatives(original, [...(init ? [init] : []), ...assigned, ...appends], depth);
  }

  /** Keys of an object: constant when the object is a literal with static keys. */
  private keyVerdict(node: TSESTree.Node, depth: number): Verdict {
    const object = this.objectLiteralOf(node);
    if (object && object.properties.every((property) => property.type === AST_NODE_TYPES.Property && staticKeyName(property) !== undefined)) {
      return 'constant';
    }
    const verdict = this.verdict(node, depth);
    return verdict === 'constant' ? 'constant' : verdict;
  }

  private member(node: TSESTree.MemberExpression, original: TSESTree.Node, depth: number): Piece[] {
    const key = staticKeyName(node);
    if (key === 'length' && !node.computed) return this.hole(original, 'safe');
    const object = unwrapExpression(node.object);
    if (object.type === AST_NODE_TYPES.ThisExpression) return this.hole(original, 'unknown');
    if (object.type === AST_NODE_TYPES.Identifier) {
      const variable = this.variableOf(object);
      const definition = variable?.defs[0];
      if (definition?.type === 'TSEnumName') return this.hole(original, 'constant');
      const literal = variable && this.constantObjectOf(variable);
      if (literal && key !== undefined) {
        const property = literal.properties.find(
          (candidate): candidate is TSESTree.Property => candidate.type === AST_NODE_TYPES.Property && staticKeyName(candidate) === key,
        );
        if (property) return this.pieces(property.value, depth);
      }
    }
    if (node.computed && !isConstantKey(node.property)) {
      // `COLUMNS[req.query.sort]`: a lookup in a constant table with a data key yields a constant
      // value or undefined, never the data itself.
      const table = object.type === AST_NODE_TYPES.Identifier ? this.variableOf(object) : null;
      if (table && this.constantObjectOf(table)) return this.hole(original, 'safe');
      return this.hole(original, worst(this.verdict(node.object, depth), this.verdict(node.property, depth)));
    }
    return this.hole(original, this.verdict(node.object, depth));
  }

  /**
   * A `const` object literal whose members are constants: `as const`, `Object.freeze({…})`, or
   * one the file never writes to.
   */
  private constantObjectOf(variable: TSESLint.Scope.Variable): TSESTree.ObjectExpression | undefined {
    const definition = variable.defs[0];
    if (definition?.type !== 'Variable' || definition.parent?.kind !== 'const') return undefined;
    const declarator = definition.node as TSESTree.VariableDeclarator;
    if (!declarator.init) return undefined;
    const object = this.objectLiteralOf(declarator.init);
    if (!object) return undefined;
    const written = variable.references.some((reference) => {
      const member = reference.identifier.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) return false;
      const outer = member.parent;
      return (
        (outer?.type === AST_NODE_TYPES.AssignmentExpression && outer.left === member) ||
        (outer?.type === AST_NODE_TYPES.UpdateExpression && outer.argument === member) ||
        (outer?.type === AST_NODE_TYPES.UnaryExpression && outer.operator === 'delete')
      );
    });
    return written ? undefined : object;
  }

  private objectLiteralOf(node: TSESTree.Node): TSESTree.ObjectExpression | undefined {
    let current = unwrapExpression(node);
    if (
      current.type === AST_NODE_TYPES.CallExpression &&
      current.callee.type === AST_NODE_TYPES.MemberExpression &&
      current.callee.object.type === AST_NODE_TYPES.Identifier &&
      current.callee.object.name === 'Object' &&
      staticKeyName(current.callee) === 'freeze' &&
      current.arguments[0]
    ) {
      current = unwrapExpression(current.arguments[0]);
    }
    if (current.type === AST_NODE_TYPES.Identifier) {
      const variable = this.variableOf(current);
      return variable ? this.constantObjectOf(variable) : undefined;
    }
    return current.type === AST_NODE_TYPES.ObjectExpression ? current : undefined;
  }

  private call(node: TSESTree.CallExpression, original: TSESTree.Node, depth: number): Piece[] {
    const known = this.classifier.classifyCall(node);
    if (known) return this.hole(original, known);
    const callee = unwrapExpression(node.callee);
    const calleeName =
      callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? staticKeyName(callee) : undefined;
    if (calleeName && ESCAPE_NAME.test(calleeName)) return this.hole(original, 'safe');
    if (callee.type === AST_NODE_TYPES.Identifier) {
      if (NUMERIC_CALLS.has(callee.name) && !this.variableOf(callee)?.defs.length) return this.hole(original, 'safe');
      if (callee.name === 'String' && node.arguments[0]) return this.pieces(node.arguments[0], depth);
      const local = this.localFunction(callee);
      if (local) return this.localCall(local, node, original, depth);
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = staticKeyName(callee);
      const receiver = unwrapExpression(callee.object);
      if (receiver.type === AST_NODE_TYPES.Identifier && (receiver.name === 'Math' || receiver.name === 'Date')) {
        return this.hole(original, 'safe');
      }
      if (method && NUMERIC_METHODS.has(method)) return this.hole(original, 'safe');
      if (method === 'join') return this.join(node, callee, original, depth);
      if (method && ARRAY_CALLBACK_METHODS.has(method)) return this.hole(original, this.mapped(node, callee, depth));
      if (method && PASS_THROUGH_METHODS.has(method)) {
        return this.hole(original, worst(this.verdict(callee.object, depth), ...node.arguments.map((argument) => this.verdict(argument, depth))));
      }
      if (method === 'stringify' && receiver.type === AST_NODE_TYPES.Identifier && receiver.name === 'JSON') {
        return this.hole(original, worst('unknown', ...node.arguments.map((argument) => this.verdict(argument, depth))));
      }
    }
    // Reading a request (`req.get('x')`, `params.at(0)`) yields the request's data.
    if (callee.type === AST_NODE_TYPES.MemberExpression && ACCESSOR_METHODS.has(staticKeyName(callee) ?? '')) {
      return this.hole(original, this.verdict(callee.object, depth) === 'dynamic' ? 'dynamic' : 'unknown');
    }
    // Any other call we cannot see into may transform, escape or validate what it gets:
    // never a guess.
    return this.hole(original, 'unknown');
  }

  /** `[a, b].join(' AND ')`, `ids.map((_, i) => `$${i + 1}`).join(', ')`. */
  private join(node: TSESTree.CallExpression, callee: TSESTree.MemberExpression, original: TSESTree.Node, depth: number): Piece[] {
    const separator = node.arguments[0] ? this.verdict(node.arguments[0], depth) : 'constant';
    const array = unwrapExpression(callee.object);
    if (array.type === AST_NODE_TYPES.ArrayExpression && node.arguments.length <= 1) {
      const separatorText = node.arguments[0] ? this.pieces(node.arguments[0], depth) : [','];
      const result: Piece[] = [];
      array.elements.forEach((element, i) => {
        if (i > 0) result.push(...separatorText);
        if (element && element.type !== AST_NODE_TYPES.SpreadElement) result.push(...this.pieces(element, depth));
        else if (element) result.push(...this.hole(element, this.verdict(element.argument, depth)));
      });
      return merge(result);
    }
    return this.hole(original, worst(separator, this.verdict(callee.object, depth)));
  }

  /** `list.map((item, i) => …)`: the callback's result, with `item` as trustworthy as `list` and `i` a number. */
  private mapped(node: TSESTree.CallExpression, callee: TSESTree.MemberExpression, depth: number): Verdict {
    const list = this.verdict(callee.object, depth);
    const callback = node.arguments[0];
    if (
      !callback ||
      (callback.type !== AST_NODE_TYPES.ArrowFunctionExpression && callback.type !== AST_NODE_TYPES.FunctionExpression)
    ) {
      return worst(list, callback ? this.verdict(callback, depth) : 'constant');
    }
    const scopeManager = this.context.sourceCode.scopeManager;
    const [item] = callback.params;
    const added: TSESLint.Scope.Variable[] = [];
    if (item && scopeManager) {
      for (const variable of scopeManager.getDeclaredVariables(item)) {
        this.overrides.set(variable, list === 'constant' ? 'constant' : list);
        added.push(variable);
      }
    }
    try {
      if (staticKeyName(callee) === 'filter') return list;
      return this.returnedVerdict(callback, depth);
    } finally {
      for (const variable of added) this.overrides.delete(variable);
    }
  }

  private returnedVerdict(fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration, depth: number): Verdict {
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return this.verdict(fn.body, depth);
    const returned = returnedExpressions(fn.body);
    return returned.length === 0 ? 'constant' : worst(...returned.map((expression) => this.verdict(expression, depth)));
  }

  private localFunction(
    callee: TSESTree.Identifier,
  ): TSESTree.FunctionDeclaration | TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | undefined {
    const variable = this.variableOf(callee);
    const definition = variable?.defs[0];
    if (!definition || variable.defs.length > 1) return undefined;
    if (definition.type === 'FunctionName' && definition.node.type === AST_NODE_TYPES.FunctionDeclaration) return definition.node;
    if (definition.type === 'Variable' && definition.parent?.kind === 'const') {
      const init = (definition.node as TSESTree.VariableDeclarator).init;
      if (init?.type === AST_NODE_TYPES.ArrowFunctionExpression || init?.type === AST_NODE_TYPES.FunctionExpression) return init;
    }
    return undefined;
  }

  /** A same-file helper that returns SQL: its text, with its parameters as trustworthy as the arguments. */
  private localCall(
    fn: TSESTree.FunctionDeclaration | TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression,
    call: TSESTree.CallExpression,
    original: TSESTree.Node,
    depth: number,
  ): Piece[] {
    const scopeManager = this.context.sourceCode.scopeManager;
    if (!scopeManager) return this.hole(original, 'unknown');
    const added: TSESLint.Scope.Variable[] = [];
    fn.params.forEach((param, i) => {
      const argument = call.arguments[i];
      const verdict: Verdict = argument ? this.verdict(argument, depth) : 'constant';
      for (const variable of scopeManager.getDeclaredVariables(param)) {
        this.overrides.set(variable, verdict);
        added.push(variable);
      }
    });
    try {
      if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return this.withOrigin(this.pieces(fn.body, depth), call);
      const returned = returnedExpressions(fn.body);
      if (returned.length === 1 && returned[0]) return this.withOrigin(this.pieces(returned[0], depth), call);
      return this.hole(original, this.returnedVerdict(fn, depth));
    } finally {
      for (const variable of added) this.overrides.delete(variable);
    }
  }

  /** Holes found inside a helper are reported where the helper is called with the data. */
  private withOrigin(pieces: Piece[], call: TSESTree.CallExpression): Piece[] {
    return pieces.map((piece) => (typeof piece === 'string' || piece.verdict !== 'dynamic' ? piece : { ...piece, node: call, parameter: false }));
  }
}

/** `number`, `boolean`, `bigint`, a literal type, or a union of them: no text that could carry a quote. */
function isInertAnnotation(type: TSESTree.TypeNode | undefined): boolean {
  if (!type) return false;
  switch (type.type) {
    case AST_NODE_TYPES.TSNumberKeyword:
    case AST_NODE_TYPES.TSBooleanKeyword:
    case AST_NODE_TYPES.TSBigIntKeyword:
    case AST_NODE_TYPES.TSUndefinedKeyword:
    case AST_NODE_TYPES.TSNullKeyword:
      return true;
    case AST_NODE_TYPES.TSLiteralType:
      return type.literal.type !== AST_NODE_TYPES.TemplateLiteral || type.literal.expressions.length === 0;
    case AST_NODE_TYPES.TSUnionType:
      return type.types.every(isInertAnnotation);
    default:
      return false;
  }
}

function isNumberLiteral(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Literal && typeof node.value === 'number';
}

function isTextLiteral(node: TSESTree.Node): boolean {
  return (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') || node.type === AST_NODE_TYPES.TemplateLiteral;
}

function isConstantKey(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Literal;
}

function returnedExpressions(body: TSESTree.BlockStatement): TSESTree.Expression[] {
  const found: TSESTree.Expression[] = [];
  const visit = (node: TSESTree.Node): void => {
    switch (node.type) {
      case AST_NODE_TYPES.ReturnStatement:
        if (node.argument) found.push(node.argument);
        return;
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.ClassDeclaration:
        return;
      case AST_NODE_TYPES.BlockStatement:
        node.body.forEach(visit);
        return;
      case AST_NODE_TYPES.IfStatement:
        visit(node.consequent);
        if (node.alternate) visit(node.alternate);
        return;
      case AST_NODE_TYPES.TryStatement:
        visit(node.block);
        if (node.handler) visit(node.handler.body);
        if (node.finalizer) visit(node.finalizer);
        return;
      case AST_NODE_TYPES.SwitchStatement:
        for (const switchCase of node.cases) switchCase.consequent.forEach(visit);
        return;
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
      case AST_NODE_TYPES.LabeledStatement:
        visit(node.body);
        return;
      default:
    }
  };
  visit(body);
  return found;
}

/** Joins adjacent constant text. */
export function merge(pieces: Piece[]): Piece[] {
  const result: Piece[] = [];
  for (const piece of pieces) {
    const last = result[result.length - 1];
    if (typeof piece === 'string' && typeof last === 'string') result[result.length - 1] = last + piece;
    else result.push(piece);
  }
  return result;
}

function sameText(a: Piece[], b: Piece[]): boolean {
  return a.length === b.length && a.every((piece, i) => typeof piece === 'string' && piece === b[i]);
}

const SQL_START =
  /^(?:select|insert|update|delete|with|merge|call|create|alter|drop|truncate|replace|upsert|explain|show|describe|desc|grant|revoke|begin|commit|rollback|savepoint|release|set|values|copy|do|exec|execute|pragma|vacuum|analyze|lock|refresh|listen|notify|declare|fetch|prepare|deallocate|comment|reindex|cluster)\b/i;

/** Whether constant text starts like a SQL statement, after whitespace, comments and parentheses. */
export function looksLikeSql(pieces: readonly Piece[]): boolean {
  const first = pieces[0];
  if (typeof first !== 'string') return false;
  const text = first.replace(/^(?:\s+|--[^\n]*\n?|\/\*[\s\S]*?\*\/|\()*/, '');
  return SQL_START.test(text);
}

/** Where a hole sits in the statement, judged from the text around it. */
export function holePosition(before: string, after: string): 'value' | 'identifier' | 'unclear' {
  const quoteCount = (before.match(/'/g) ?? []).length;
  if (quoteCount % 2 === 1) return 'value';
  const doubleQuotes = (before.match(/["`]/g) ?? []).length;
  if (doubleQuotes % 2 === 1) return 'identifier';
  const tail = before.replace(/\s+$/, '').toLowerCase();
  if (/\.$/.test(tail) || /^\./.test(after)) return 'identifier';
  if (/(?:\bfrom|\bjoin|\binto|\bupdate|\btable|\bby|\bas|\bexists|\bon\s+(?:table|conflict)|\bindex|\bcolumn|\bschema|\bdatabase|\bview|\btruncate|\bdrop|\bselect|\bdistinct|\breturning)$/.test(tail)) {
    return 'identifier';
  }
  if (
    /^\s*(?:=|<>|!=|<=|>=|<|>|\blike\b|\bilike\b|\bin\b|\bis\b|\bbetween\b|(?:asc|desc)\b)/i.test(after) &&
    (tail === '' || /(?:\bwhere|\bhaving|\band|\bor|\bon|\(|,)$/.test(tail))
  ) {
    return 'identifier';
  }
  if (/[,(]$/.test(tail)) {
    // In a list: the clause that opened it decides (a column list or a list of values).
    const clause = /.*\b(select|values|in|by|from|into|where|set|and|or|on|having|returning|distinct|using|call|exec)\b/s.exec(tail)?.[1];
    return clause && ['select', 'by', 'from', 'into', 'returning', 'distinct', 'using'].includes(clause) ? 'identifier' : 'value';
  }
  if (/(?:[=<>+\-*/%|]|\blike|\bilike|\bin|\bvalues|\blimit|\boffset|\bbetween|\band|\bor|\bnot|\bwhen|\bthen|\belse|\bis|\bany|\ball|\bsimilar\s+to)$/.test(tail)) {
    return 'value';
  }
  return 'unclear';
}

