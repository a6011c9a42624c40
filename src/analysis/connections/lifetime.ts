/**
 * How often does the code that makes a client run? Once (module scope, a memoised singleton, a
 * factory called at startup, a DI-managed class) or per call (a route handler, a method, a job
 * callback, a helper that builds a new client each time). The answer comes from this file alone:
 * where a function or class is used from another file is not known here, and the two places that
 * would ask a cross-file engine are `callersElsewhere` and `instantiationsElsewhere` below.
 */
import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { staticKeyName, unwrapExpression } from '../../util/ast';
import { AST_NODE_TYPES } from '../../util/node-types';
import type { AnyRuleContext } from '../per-file';
import type { ClientCreation } from './clients';
import injection from '../../knowledge/dependency-injection';
import { isFunctionNode } from '../functions';

type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

/** Why the creation runs per call, for the message. */
export interface PerCall {
  readonly where: string;
}

export interface LifetimeOptions {
  /** Functions that run once at startup (`main`, `bootstrap`): clients made there are made once. */
  readonly bootstrapFunctions: readonly string[];
}

const routeMethods = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'use', 'route', 'head', 'options']);
/** Calls whose callback runs once when the call itself runs once: a server's `listen`, a plugin's `register`, a promise chain. */
const onceCallbacks = new Set(['listen', 'once', 'register', 'ready', 'then', 'catch', 'finally', 'nextTick', 'setImmediate', 'setTimeout']);
/** Properties whose function the framework calls once to build a singleton. */
const onceProperties = new Set<string>([injection.provider.factory]);
/** Decorators of classes a DI container instantiates once. */
const singletonDecorators = new Set(['Injectable', 'Service', 'Singleton', 'Module', 'Controller', 'Resolver', 'injectable', 'singleton', 'scoped']);
const controllerDecorators = new Set(['Controller', 'Resolver', 'JsonController']);
/** Names of exported functions that frameworks call per request (Next.js route handlers, serverless handlers). */
const handlerNames = /^(?:handler|GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|loader|action)$/;
/** Names of accessors: a function by this name is called whenever the client is needed. */
const accessorNames = /^(?:get|use)(?:[A-Z_]|$)/;
const MAX_DEPTH = 4;

const where = {
  route: 'in a route handler, which runs on every request',
  controller: 'in a controller method, which runs on every request',
  method: 'in a method, which runs on every call',
  callback: 'in a callback, which runs every time it is called (per job, event or request)',
  handler: 'in a request handler, which runs on every request',
};

/** Why `creation` runs per call, or undefined when it runs once (or this file cannot tell). */
export function perCallContext(context: AnyRuleContext, creation: ClientCreation, options: LifetimeOptions): PerCall | undefined {
  return new Lifetime(context, options).ofCreation(creation);
}

class Lifetime {
  private readonly sourceCode: Readonly<TSESLint.SourceCode>;
  private readonly visiting = new Set<TSESTree.Node>();
  private readonly following = new Set<TSESLint.Scope.Variable>();

  constructor(
    context: AnyRuleContext,
    private readonly options: LifetimeOptions,
  ) {
    this.sourceCode = context.sourceCode;
  }

  ofCreation(creation: ClientCreation): PerCall | undefined {
    const { carrier, fate } = this.fateOf(creation.node);
    if (fate === 'stored') return undefined;
    const owner = enclosingFunctionOrField(carrier);
    if (!owner) return undefined;
    if (owner.type === AST_NODE_TYPES.PropertyDefinition) {
      // A field initialiser runs per instance: like a constructor.
      if (owner.static) return undefined;
      const body = owner.parent;
      return body.type === AST_NODE_TYPES.ClassBody ? this.ofConstructor(body.parent) : undefined;
    }
    if (creation.spec.opensWith && fate !== 'returned' && !this.isOpened(creation, carrier)) return undefined;
    if (this.usesPlatformBinding(creation, owner)) return undefined;
    if (fate === 'instance') {
      const method = owner.parent;
      if (method?.type === AST_NODE_TYPES.MethodDefinition && method.kind === 'constructor') {
        return method.parent.type === AST_NODE_TYPES.ClassBody ? this.ofConstructor(method.parent.parent) : undefined;
      }
      // `this.pool = new Pool()` in a method: kept on the instance, an init step.
      return undefined;
    }
    return this.ofFunction(owner, fate === 'returned', 0);
  }

  /**
   * Where the new client goes: `stored` for an outer variable, a cache, `globalThis` or a
   * `??`/`||` fallback (a memoised singleton), `instance` for `this.x`, `returned` for a
   * factory, `local` otherwise. The carrier is the outermost expression that holds it
   * (`drizzle(new Pool())`, `new Kysely({ dialect: new PostgresDialect({ pool: new Pool() }) })`).
   */
  private fateOf(node: TSESTree.Node): { carrier: TSESTree.Node; fate: 'stored' | 'instance' | 'returned' | 'local' } {
    let current: TSESTree.Node = node;
    for (;;) {
      const parent: TSESTree.Node | undefined = current.parent;
      if (!parent) return { carrier: current, fate: 'local' };
      switch (parent.type) {
        case AST_NODE_TYPES.AwaitExpression:
        case AST_NODE_TYPES.TSAsExpression:
        case AST_NODE_TYPES.TSNonNullExpression:
        case AST_NODE_TYPES.TSSatisfiesExpression:
        case AST_NODE_TYPES.TSTypeAssertion:
        case AST_NODE_TYPES.ChainExpression:
        case AST_NODE_TYPES.ArrayExpression:
        case AST_NODE_TYPES.ObjectExpression:
        case AST_NODE_TYPES.ConditionalExpression:
          current = parent;
          continue;
        case AST_NODE_TYPES.Property:
          if (parent.value !== current) return { carrier: current, fate: 'local' };
          current = parent;
          continue;
        case AST_NODE_TYPES.NewExpression:
          current = parent;
          continue;
        case AST_NODE_TYPES.CallExpression:
          if (parent.callee === current) return { carrier: current, fate: 'local' };
          // `cache.set(key, new Pool())`: a cache outside the function.
          if (isCacheSet(parent)) return { carrier: parent, fate: 'stored' };
          current = parent;
          continue;
        case AST_NODE_TYPES.MemberExpression: {
          // `await new DataSource(options).initialize()`: the opened source is the same object.
          const call = parent.parent;
          if (current === node && node.type !== AST_NODE_TYPES.Identifier && parent.object === current && call?.type === AST_NODE_TYPES.CallExpression && call.callee === parent) {
            current = call;
            continue;
          }
          return { carrier: current, fate: 'local' };
        }
        case AST_NODE_TYPES.LogicalExpression:
          // `globalForPrisma.prisma ?? new PrismaClient()`: made only when there is none yet.
          if (parent.right === current && (parent.operator === '??' || parent.operator === '||')) return { carrier: parent, fate: 'stored' };
          return { carrier: current, fate: 'local' };
        case AST_NODE_TYPES.AssignmentExpression:
          if (parent.right !== current) return { carrier: current, fate: 'local' };
          return { carrier: parent, fate: this.assignmentFate(parent) };
        case AST_NODE_TYPES.VariableDeclarator:
          return { carrier: parent, fate: parent.init === current ? this.variableFate(parent) : 'local' };
        case AST_NODE_TYPES.ReturnStatement:
          return { carrier: parent, fate: 'returned' };
        case AST_NODE_TYPES.ArrowFunctionExpression:
          return { carrier: current, fate: parent.body === current ? 'returned' : 'local' };
        default:
          return { carrier: current, fate: 'local' };
      }
    }
  }

  private assignmentFate(assignment: TSESTree.AssignmentExpression): 'stored' | 'instance' | 'local' {
    if (assignment.operator !== '=') return 'stored';
    const left = assignment.left;
    if (left.type === AST_NODE_TYPES.MemberExpression) return unwrapExpression(left.object).type === AST_NODE_TYPES.ThisExpression ? 'instance' : 'stored';
    if (left.type !== AST_NODE_TYPES.Identifier) return 'local';
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(assignment), left);
    const owner = enclosingFunction(assignment);
    // A variable of the module or of an enclosing function: a cache that outlives this call.
    if (!variable || variable.scope.variableScope.block !== owner) return 'stored';
    // `let pool = cache.get(key); if (!pool) { pool = new Pool(); cache.set(key, pool); }`
    const fate = this.referencesFate(variable);
    return fate === 'returned' ? 'local' : fate;
  }

  /** `const pool = new Pool()` … `return pool` / `cache.set(key, pool)` / `shared = pool`. */
  private variableFate(declarator: TSESTree.VariableDeclarator): 'stored' | 'returned' | 'local' {
    if (declarator.id.type !== AST_NODE_TYPES.Identifier) return 'local';
    const [variable] = this.sourceCode.scopeManager?.getDeclaredVariables(declarator) ?? [];
    return variable ? this.referencesFate(variable) : 'local';
  }

  /** Where the value a local variable holds goes: stored away, returned, or kept local. */
  private referencesFate(variable: TSESLint.Scope.Variable): 'stored' | 'returned' | 'local' {
    // `a = b; b = a`: a cycle of local aliases ends as local.
    if (this.following.has(variable)) return 'local';
    this.following.add(variable);
    try {
      return this.followReferences(variable);
    } finally {
      this.following.delete(variable);
    }
  }

  private followReferences(variable: TSESLint.Scope.Variable): 'stored' | 'returned' | 'local' {
    let fate: 'stored' | 'returned' | 'local' = 'local';
    for (const reference of variable.references) {
      if (!reference.isRead()) continue;
      // Used by a closure: the client may outlive the call (a wrapper object the function returns).
      if (reference.from.variableScope !== variable.scope.variableScope) fate = 'returned';
      const referenceFate = this.fateOf(reference.identifier).fate;
      if (referenceFate === 'stored' || referenceFate === 'instance') return 'stored';
      if (referenceFate === 'returned') fate = 'returned';
    }
    return fate;
  }

  /** `new Client()` counts once it is connected here: `client.connect()`, `await new DataSource(o).initialize()`. */
  private isOpened(creation: ClientCreation, carrier: TSESTree.Node): boolean {
    const opens = (call: TSESTree.Node | undefined): boolean =>
      call?.type === AST_NODE_TYPES.CallExpression &&
      call.callee.type === AST_NODE_TYPES.MemberExpression &&
      nameIn(creation.spec.opensWith, staticKeyName(call.callee));
    const member = creation.node.parent;
    if (member?.type === AST_NODE_TYPES.MemberExpression && member.object === creation.node && opens(member.parent)) return true;
    if (carrier.type !== AST_NODE_TYPES.VariableDeclarator) return false;
    const [variable] = this.sourceCode.scopeManager?.getDeclaredVariables(carrier) ?? [];
    return (variable?.references ?? []).some((reference) => {
      const parent = reference.identifier.parent;
      return parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === reference.identifier && opens(parent.parent);
    });
  }

  /** Cloudflare Workers and the like: a client over the request's `env` binding is made per request by design. */
  private usesPlatformBinding(creation: ClientCreation, owner: FunctionNode): boolean {
    const parameterNames = new Set(owner.params.flatMap((param) => (param.type === AST_NODE_TYPES.Identifier ? [param.name] : [])));
    if (!parameterNames.has('env')) return false;
    return creation.node.arguments.some((argument) => {
      let root: TSESTree.Node = unwrapExpression(argument);
      while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrapExpression(root.object);
      return root.type === AST_NODE_TYPES.Identifier && root.name === 'env';
    });
  }

  /** Why `fn` runs per call, or undefined. */
  private ofFunction(fn: FunctionNode, isFactory: boolean, depth: number): PerCall | undefined {
    if (this.visiting.has(fn) || depth > MAX_DEPTH) return undefined;
    this.visiting.add(fn);
    try {
      return this.classify(fn, isFactory, depth);
    } finally {
      this.visiting.delete(fn);
    }
  }

  private classify(fn: FunctionNode, isFactory: boolean, depth: number): PerCall | undefined {
    const parent = fn.parent;
    const name = functionName(fn);
    if (name !== undefined && this.options.bootstrapFunctions.includes(name)) return undefined;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === fn) {
      // An IIFE runs when the code around it runs.
      const outer = enclosingFunction(parent);
      return outer ? this.ofFunction(outer, false, depth + 1) : undefined;
    }
    if (parent?.type === AST_NODE_TYPES.MethodDefinition) {
      if (parent.kind === 'constructor') return parent.parent.type === AST_NODE_TYPES.ClassBody ? this.ofConstructor(parent.parent.parent) : undefined;
      const owner = parent.parent.parent;
      if (hasDecorator(owner, controllerDecorators)) return { where: where.controller };
      return { where: where.method };
    }
    if (parent?.type === AST_NODE_TYPES.Property && parent.value === fn) {
      const key = staticKeyName(parent);
      if (key !== undefined && onceProperties.has(key)) return undefined;
      if (key === 'handler') return { where: where.route };
      return { where: where.method };
    }
    if (parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) return this.ofCallback(parent, depth);
    const variable = this.functionVariable(fn);
    if (variable) return this.ofNamed(fn, variable, name ?? variable.name, isFactory, depth);
    const exportedName = exportName(fn);
    if (exportedName !== undefined) return this.ofExported(fn, exportedName, isFactory);
    return undefined;
  }

  /** A function handed to a call: a route handler, a job, an event listener, an array callback. */
  private ofCallback(call: TSESTree.CallExpression | TSESTree.NewExpression, depth: number): PerCall | undefined {
    const callee = unwrapExpression(call.callee);
    const method = callee.type === AST_NODE_TYPES.MemberExpression ? staticKeyName(callee) : callee.type === AST_NODE_TYPES.Identifier ? callee.name : undefined;
    if (method !== undefined && onceCallbacks.has(method)) {
      const outer = enclosingFunction(call);
      return outer ? this.ofFunction(outer, false, depth + 1) : undefined;
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression && method !== undefined && routeMethods.has(method)) return { where: where.route };
    return { where: where.callback };
  }

  /** A named function: how it is called in this file, or, when exported and not called here, what its name says. */
  private ofNamed(fn: FunctionNode, variable: TSESLint.Scope.Variable, name: string, isFactory: boolean, depth: number): PerCall | undefined {
    const perCall: PerCall = { where: isFactory ? `in \`${name}()\`, which builds a new one on each call` : `in \`${name}()\`, which runs on every call` };
    let used = false;
    for (const reference of variable.references) {
      if (!reference.isRead()) continue;
      const identifier = reference.identifier;
      const parent = identifier.parent;
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === identifier) {
        used = true;
        const caller = enclosingFunction(parent);
        if (caller && this.ofFunction(caller, false, depth + 1)) return perCall;
        continue;
      }
      if ((parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) && parent.arguments.includes(identifier as TSESTree.CallExpressionArgument)) {
        // `app.get('/users', listUsers)`: registered as a callback.
        used = true;
        const asCallback = this.ofCallback(parent, depth + 1);
        if (asCallback) return asCallback.where === where.route ? asCallback : perCall;
        continue;
      }
      if (isExportReference(identifier)) continue;
      // Stored or passed somewhere this file cannot follow.
      used = true;
    }
    if (used) return undefined;
    const exported = exportName(fn) ?? (variable.references.some((reference) => isExportReference(reference.identifier)) ? name : undefined);
    return exported !== undefined ? (this.callersElsewhere(fn) ?? this.ofExported(fn, name, isFactory)) : undefined;
  }

  /** An exported function not called in this file: per request by its name, or a factory whose name says "get". */
  private ofExported(fn: FunctionNode, name: string, isFactory: boolean): PerCall | undefined {
    if (handlerNames.test(name) || (name === 'default' && looksLikeHandler(fn))) return { where: where.handler };
    if (isFactory) return accessorNames.test(name) ? { where: `in \`${name}()\`, which builds a new one on each call` } : undefined;
    return name === 'default' ? undefined : { where: `in \`${name}()\`, which runs on every call` };
  }

  /** A constructor runs per instance: per call when this file instantiates the class per call. */
  private ofConstructor(klass: TSESTree.Node): PerCall | undefined {
    if (klass.type !== AST_NODE_TYPES.ClassDeclaration && klass.type !== AST_NODE_TYPES.ClassExpression) return undefined;
    if (hasDecorator(klass, singletonDecorators)) return undefined;
    const holder = klass.type === AST_NODE_TYPES.ClassExpression && klass.parent?.type === AST_NODE_TYPES.VariableDeclarator ? klass.parent : klass;
    const name = klass.id?.name ?? (holder.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier ? holder.id.name : 'class');
    for (const variable of this.sourceCode.scopeManager?.getDeclaredVariables(holder) ?? []) {
      for (const reference of variable.references) {
        const parent = reference.identifier.parent;
        if (parent?.type !== AST_NODE_TYPES.NewExpression || parent.callee !== reference.identifier) continue;
        const caller = enclosingFunction(parent);
        if (caller && this.ofFunction(caller, false, 1)) {
          return { where: `in the constructor of \`${name}\`, which this file instantiates per call (line ${parent.loc.start.line})` };
        }
      }
    }
    return this.instantiationsElsewhere(klass);
  }

  /** Cross-file: where the exported function is called from other modules. Not known yet (the module-summary engine will answer). */
  private callersElsewhere(_fn: FunctionNode): PerCall | undefined {
    return undefined;
  }

  /** Cross-file: where the class is instantiated from other modules. Not known yet: a class not instantiated here is left alone. */
  private instantiationsElsewhere(_klass: TSESTree.Node): PerCall | undefined {
    return undefined;
  }

  /** The variable a function is bound to: `function f() {}`, `const f = () => {}`. */
  private functionVariable(fn: FunctionNode): TSESLint.Scope.Variable | undefined {
    const holder = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn ? fn.parent : undefined;
    if (!holder) return undefined;
    if (holder.type === AST_NODE_TYPES.FunctionDeclaration && !holder.id) return undefined;
    return this.sourceCode.scopeManager?.getDeclaredVariables(holder).find((variable) => variable.defs[0]?.node === holder);
  }
}

function nameIn(names: string | readonly string[] | undefined, name: string | undefined): boolean {
  if (names === undefined || name === undefined) return false;
  return typeof names === 'string' ? names === name : names.includes(name);
}


function enclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) if (isFunctionNode(current)) return current;
  return undefined;
}

/** The nearest function, or the class field whose initialiser holds the node. */
function enclosingFunctionOrField(node: TSESTree.Node): FunctionNode | TSESTree.PropertyDefinition | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current;
    if (current.type === AST_NODE_TYPES.PropertyDefinition) return current;
  }
  return undefined;
}

function functionName(fn: FunctionNode): string | undefined {
  if (fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if (parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.Property) return staticKeyName(parent);
  return undefined;
}

/** `export function f`, `export default …`, `exports.f = …`, `module.exports.f = …`: the name it is exported by. */
function exportName(fn: FunctionNode): string | undefined {
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return 'default';
  if (parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return fn.id?.name;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) {
    return parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : undefined;
  }
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === fn && parent.left.type === AST_NODE_TYPES.MemberExpression) {
    const target = parent.left;
    const object = target.object;
    const isExports =
      (object.type === AST_NODE_TYPES.Identifier && object.name === 'exports') ||
      (object.type === AST_NODE_TYPES.MemberExpression && object.object.type === AST_NODE_TYPES.Identifier && object.object.name === 'module' && staticKeyName(object) === 'exports');
    if (isExports) return staticKeyName(target);
    if (object.type === AST_NODE_TYPES.Identifier && object.name === 'module' && staticKeyName(target) === 'exports') return 'default';
  }
  return undefined;
}

/** A reference that exports the binding: `export { f }`, `export default f`, `module.exports = { f }`. */
function isExportReference(identifier: TSESTree.Node): boolean {
  const parent = identifier.parent;
  if (parent?.type === AST_NODE_TYPES.ExportSpecifier || parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return true;
  // `exports.handler = handler`, `module.exports = { handler }`.
  let node: TSESTree.Node | undefined = identifier;
  if (parent?.type === AST_NODE_TYPES.Property) node = parent.parent;
  const assignment = node?.parent;
  if (assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.right !== node) return false;
  if (assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.left.type === AST_NODE_TYPES.MemberExpression) {
    const left = assignment.left;
    return (
      (left.object.type === AST_NODE_TYPES.Identifier && (left.object.name === 'module' || left.object.name === 'exports')) ||
      (left.object.type === AST_NODE_TYPES.MemberExpression && left.object.object.type === AST_NODE_TYPES.Identifier && left.object.object.name === 'module')
    );
  }
  return false;
}

/** `export default async function (req, res)`: a Next.js API route or a serverless handler. */
function looksLikeHandler(fn: FunctionNode): boolean {
  const first = fn.params[0];
  return first?.type === AST_NODE_TYPES.Identifier && /^(?:req|request|event|ctx|context)$/.test(first.name);
}

function hasDecorator(node: TSESTree.Node, names: ReadonlySet<string>): boolean {
  const decorators = (node as { decorators?: TSESTree.Decorator[] }).decorators;
  if (!decorators?.length) return false;
  return decorators.some((decorator) => {
    let expression: TSESTree.Node = decorator.expression;
    if (expression.type === AST_NODE_TYPES.CallExpression) expression = expression.callee;
    const name = expression.type === AST_NODE_TYPES.Identifier ? expression.name : expression.type === AST_NODE_TYPES.MemberExpression ? staticKeyName(expression) : undefined;
    return name !== undefined && names.has(name);
  });
}

/** `cache.set(key, value)` on anything: a memo table. */
function isCacheSet(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  return callee.type === AST_NODE_TYPES.MemberExpression && staticKeyName(callee) === 'set' && call.arguments.length === 2;
}
