/**
 * Tier 2 of recognising library objects: by import. Answers "where does this expression come
 * from?" for every library in `src/knowledge`, once per file.
 *
 * The scan is ESLint's own `ReferenceTracker` (ESM imports of every shape, `require` plain and
 * destructured, namespace and member access), extended with what it lacks:
 * `import x = require()`, objects made by a library factory (`const ds = new DataSource()`),
 * values annotated with a library class (`constructor(private ds: DataSource)`), user
 * classes that extend a library class (`class User extends Model`), and, through the module
 * engine, what other modules of the project export or pass on (`export const db = knex()`,
 * `export * from 'knex'`) and what a NestJS provider injected by string token makes.
 */
import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../../util/node-types';
import { libraries } from '../../knowledge';
import { ioLibraries } from '../../knowledge/io';
import type { FactorySpec, LibraryKnowledge } from '../../knowledge/types';
import { getLinks, type Links } from '../modules/link';
import { perFile, type AnyRuleContext } from '../per-file';
import { libraryModuleSettings } from '../settings';
import { isStringLiteral, outermostWrapper, staticKeyName, unwrapExpression } from '../../util/ast';
import { hasName } from '../../util/names';
import injection from '../../knowledge/dependency-injection';

const { ReferenceTracker, findVariable } = ASTUtils;
const { READ, CALL, CONSTRUCT } = ReferenceTracker;

export type OriginKind =
  /** The export itself, or a call/new of it. */
  | 'export'
  /** An object a factory of the library made, or a value annotated with one of its classes. */
  | 'instance'
  /** A user class extending an exported class. */
  | 'subclass';

export interface Origin {
  readonly library: LibraryKnowledge;
  /** For `export`: the export path (`ManyToOne`, `Prisma.raw`); for `instance`: the object kind; for `subclass`: the base export. */
  readonly name: string;
  readonly kind: OriginKind;
}

interface TraceInfo {
  readonly library: LibraryKnowledge;
  readonly exportPath: string;
}

type Tracker = InstanceType<typeof ReferenceTracker> & {
  // Public in @eslint-community/eslint-utils, missing from typescript-eslint's declaration.
  iteratePropertyReferences(node: TSESTree.Node, traceMap: TraceMapElement): IterableIterator<FoundReference>;
};
// The tracker's own shapes, spelled out here: typescript-eslint does not export them by name.
interface TraceMapElement {
  [key: string]: TraceMapElement;
}
type TraceMap = Record<string, TraceMapElement>;
interface FoundReference {
  node: TSESTree.Node;
  path: readonly string[];
  type: symbol;
  info: TraceInfo;
}

/** Every export path a library's knowledge mentions: the only ones worth tracking. */
function tracedExports(library: LibraryKnowledge): Set<string> {
  const names = new Set<string>();
  const visit = (value: unknown, key?: string): void => {
    if (typeof value === 'string') {
      if (key === 'export' || key === 'subclassOf') names.add(value);
      return;
    }
    if (Array.isArray(value)) {
      // A list under `export` is several export names; a list of objects is visited item by item.
      for (const item of value) visit(item, key === 'roots' || key === 'export' || key === 'subclassOf' ? 'export' : undefined);
      return;
    }
    if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, k);
    }
  };
  visit(library);
  for (const name of Object.keys(library.instanceTypes ?? {})) names.add(name);
  for (const name of Object.keys(library.aliases ?? {})) names.add(name);
  return names;
}

function buildTraceMap(extraModules: ReadonlyMap<string, LibraryKnowledge>): TraceMap {
  const map: Record<string, TraceMapElement> = {};
  const addModule = (moduleName: string, library: LibraryKnowledge): void => {
    const root: Record<string | symbol, unknown> = {};
    for (const exportPath of tracedExports(library)) {
      // `default` is the module object itself: the tracker's legacy mode maps default imports there.
      const segments = exportPath === 'default' ? [] : exportPath.replace(/^default\./, '').split('.');
      let node = root;
      for (const segment of segments) {
        node[segment] ??= {};
        node = node[segment] as Record<string | symbol, unknown>;
      }
      const info: TraceInfo = { library, exportPath };
      node[READ] = info;
      node[CALL] = info;
      node[CONSTRUCT] = info;
    }
    map[moduleName] = root as TraceMapElement;
  };
  // I/O libraries (src/knowledge/io) are libraries too: their exports and objects are tracked in the same scan.
  for (const library of [...libraries, ...ioLibraries]) for (const moduleName of library.modules) addModule(moduleName, library);
  for (const [moduleName, library] of extraModules) addModule(moduleName, library);
  return map;
}

const defaultTraceMap = buildTraceMap(new Map());
const traceMapsBySettings = new WeakMap<object, TraceMap>();

function traceMapFor(context: AnyRuleContext): TraceMap {
  const extra = libraryModuleSettings(context);
  if (!extra) return defaultTraceMap;
  let map = traceMapsBySettings.get(extra);
  if (!map) {
    map = buildTraceMap(extra);
    traceMapsBySettings.set(extra, map);
  }
  return map;
}

export interface LibraryIndex {
  /** Where the callee of a call or `new` comes from, when it is a library export. */
  calleeOrigin(call: TSESTree.CallExpression | TSESTree.NewExpression): Origin | undefined;
  /** Where an expression comes from: an export, an object a library made, or a subclass of a library class. */
  originOf(expression: TSESTree.Node): Origin | undefined;
  /** The same, from this file alone: no other module of the project is read (for questions asked very often). */
  originInFile(expression: TSESTree.Node): Origin | undefined;
}

function normalise(library: LibraryKnowledge, exportPath: string): string {
  return library.aliases?.[exportPath] ?? exportPath;
}

class Index implements LibraryIndex {
  private readonly calls = new Map<TSESTree.Node, Origin>();
  private readonly values = new Map<TSESTree.Node, Origin>();
  /** `this.x` inside a class: instances held in fields and parameter properties. */
  private readonly members = new Map<TSESTree.ClassBody, Map<string, Origin>>();
  /** Answers of the lazy resolution, including "unknown". */
  private readonly resolved = new Map<TSESTree.Node, Origin | undefined>();

  constructor(
    private readonly globalScope: TSESLint.Scope.Scope,
    private readonly scopeManager: TSESLint.Scope.ScopeManager,
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly links: Links | undefined,
  ) {}

  calleeOrigin(call: TSESTree.CallExpression | TSESTree.NewExpression): Origin | undefined {
    return this.calls.get(call);
  }

  originOf(expression: TSESTree.Node): Origin | undefined {
    const node = unwrapExpression(expression);
    const direct = this.values.get(node);
    if (direct) return direct;
    if (this.resolved.has(node)) return this.resolved.get(node);
    // Mark before resolving: a cycle (`let a = b; b = a`) ends in "unknown", not a stack overflow.
    this.resolved.set(node, undefined);
    const outerSkipped = this.skippedModules;
    this.skippedModules = false;
    const origin = this.resolve(node);
    // An answer given without reading other modules is not the final one: ask again next time.
    if (this.skippedModules && !origin) this.resolved.delete(node);
    else this.resolved.set(node, origin);
    this.skippedModules ||= outerSkipped;
    return origin;
  }

  /** Where an expression comes from, as far as this file alone says (no other module is read). */
  originInFile(expression: TSESTree.Node): Origin | undefined {
    const outer = this.inFileOnly;
    this.inFileOnly = true;
    try {
      return this.originOf(expression);
    } finally {
      this.inFileOnly = outer;
    }
  }

  private inFileOnly = false;
  private skippedModules = false;

  /**
   * The lazy part: only the expressions a rule asks about are followed, through variables,
   * awaits, method and property factories (`pool.connect()`, `ds.manager`), callable objects
   * (`knex('users')`), fluent builders and callback handles (`knex.transaction((trx) => …)`).
   */
  private resolve(node: TSESTree.Node): Origin | undefined {
    switch (node.type) {
      case AST_NODE_TYPES.AwaitExpression:
        return this.originOf(node.argument);
      case AST_NODE_TYPES.Identifier:
        return this.resolveIdentifier(node) ?? this.acrossModules(node);
      case AST_NODE_TYPES.MemberExpression: {
        if (node.object.type === AST_NODE_TYPES.ThisExpression) {
          const name = staticKeyName(node);
          const body = enclosingClassBody(node);
          if (name === undefined || !body) return undefined;
          return this.members.get(body)?.get(name) ?? this.injected(body, name);
        }
        const receiver = this.originOf(node.object);
        const property = staticKeyName(node);
        if (!receiver) return this.acrossModules(node);
        if (receiver.kind === 'export' || property === undefined) return undefined;
        const factory = receiver.library.factories?.find(
          (f) =>
            'property' in f &&
            f.property === property &&
            (receiver.kind === 'instance' ? 'instanceOf' in f && hasName(f.instanceOf, receiver.name) : 'subclassOf' in f && f.subclassOf === receiver.name),
        );
        return factory ? { library: receiver.library, name: factory.creates, kind: 'instance' } : undefined;
      }
      case AST_NODE_TYPES.CallExpression:
        return this.resolveCall(node);
      case AST_NODE_TYPES.NewExpression:
        return this.exportFactory(node);
      case AST_NODE_TYPES.LogicalExpression:
        // `globalThis.prisma ?? new PrismaClient()`: the memoised singleton is the library's object.
        return node.operator === '&&' ? undefined : (this.originOf(node.right) ?? this.originOf(node.left));
      default:
        return undefined;
    }
  }

  /**
   * A value another module of the project exports: `import { db } from './db'` where `db.ts`
   * says `export const db = knex(config)`. That module's own index says what the value is.
   */
  private acrossModules(node: TSESTree.Node): Origin | undefined {
    if (!this.links) return undefined;
    if (this.inFileOnly) {
      this.skippedModules = true;
      return undefined;
    }
    const value = this.links.valueOf(node, 0);
    // A package's name another module passes on: `export { ManyToOne } from 'typeorm'`, `export * from 'knex'`.
    // (This file's own imports of packages are the tracker's: what it did not record is no library's.)
    if (value?.kind === 'library') {
      return value.context.sourceCode.ast === this.sourceCode.ast ? undefined : libraryExport(traceMapFor(value.context), value.modules, value.name);
    }
    // A class of another module that extends a library's class (`class AuditEntry extends Model` in
    // `./models`, or a project base class that does): a subclass, as one declared in this file is.
    if (value?.kind === 'class') {
      if (!value.node.superClass || value.context.sourceCode.ast === this.sourceCode.ast) return undefined;
      const base = getLibraryIndex(value.context).originOf(value.node.superClass);
      if (base?.kind === 'export') return { library: base.library, name: base.name, kind: 'subclass' };
      return base?.kind === 'subclass' ? base : undefined;
    }
    // Another node's answer (in another module, or a class field of this file: `Job.queue`).
    if (value?.kind !== 'expression' || value.node === node) return undefined;
    return getLibraryIndex(value.context).originOf(value.node);
  }

  /**
   * `knex(config)`, `new DataSource(…)` of an export the tracker did not see (it came through a
   * project barrel): the object the library's factory makes. The tracker's own calls are answered in `record`.
   */
  private exportFactory(call: TSESTree.CallExpression | TSESTree.NewExpression): Origin | undefined {
    if (!this.links || this.calls.has(call)) return undefined;
    const called = this.originOf(call.callee);
    if (called?.kind !== 'export') return undefined;
    const via = call.type === AST_NODE_TYPES.NewExpression ? 'new' : 'call';
    const factory = called.library.factories?.find(
      (f: FactorySpec) => 'export' in f && f.via === via && normalise(called.library, f.export) === called.name,
    );
    return factory ? { library: called.library, name: factory.creates, kind: 'instance' } : undefined;
  }

  /**
   * NestJS: a field injected by a string token (`@Inject('DB') private readonly db`, no library type
   * written) is what the one provider of that token makes, when the module engine finds it
   * (`{ provide: 'DB', useFactory: () => knex(config) }`). Only objects a library made count.
   */
  private injected(body: TSESTree.ClassBody, name: string): Origin | undefined {
    const token = injectionToken(body, name);
    if (token === undefined || !this.links) return undefined;
    if (this.inFileOnly) {
      this.skippedModules = true;
      return undefined;
    }
    let text: string | undefined;
    if (isStringLiteral(token)) text = token.value;
    else if (token.type === AST_NODE_TYPES.Identifier) {
      // `@Inject(DB)` with `export const DB = 'DB'` here or in another module.
      const value = this.links.valueOf(token, 0);
      if (value?.kind === 'expression' && isStringLiteral(value.node)) text = value.node.value;
    }
    const provided = text === undefined ? undefined : this.links.providedValue(text);
    if (provided?.kind !== 'expression') return undefined;
    const origin = getLibraryIndex(provided.context).originOf(provided.node);
    return origin?.kind === 'instance' ? origin : undefined;
  }

  private resolveCall(call: TSESTree.CallExpression): Origin | undefined {
    const callee = unwrapExpression(call.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = staticKeyName(callee);
      const receiver = this.originOf(callee.object);
      if (!receiver || method === undefined || receiver.kind === 'export') return undefined;
      const { library } = receiver;
      const factory = library.factories?.find((f) =>
        receiver.kind === 'instance'
          ? 'instanceOf' in f &&
            'method' in f &&
            !('callbackParameter' in f && f.callbackParameter !== undefined) &&
            hasName(f.instanceOf, receiver.name) &&
            hasName(f.method, method)
          : 'subclassOf' in f && 'method' in f && f.subclassOf === receiver.name && hasName(f.method, method),
      );
      if (factory) return { library, name: factory.creates, kind: 'instance' };
      if (receiver.kind === 'instance' && library.fluent?.includes(receiver.name)) return receiver;
      return undefined;
    }
    const called = this.originOf(callee);
    if (called?.kind === 'export') return this.exportFactory(call);
    if (called?.kind !== 'instance') return undefined;
    const factory = called.library.factories?.find(
      (f) => 'instanceOf' in f && 'via' in f && hasName(f.instanceOf, called.name),
    );
    return factory ? { library: called.library, name: factory.creates, kind: 'instance' } : undefined;
  }

  private resolveIdentifier(identifier: TSESTree.Identifier): Origin | undefined {
    const variable = findVariable(this.sourceCode.getScope(identifier), identifier);
    const definition = variable?.defs[0];
    if (!variable || !definition || variable.defs.length > 1) return undefined;
    if (definition.type === 'Variable') {
      const declarator = definition.node;
      if (declarator.id !== definition.name || !declarator.init) return undefined;
      // Only a binding that is never reassigned says what it holds everywhere.
      if (variable.references.some((ref) => ref.isWrite() && ref.identifier !== declarator.id)) return undefined;
      return this.originOf(declarator.init);
    }
    if (definition.type === 'Parameter') return this.callbackHandle(definition.node, definition.name);
    return undefined;
  }

  /** `knex.transaction(async (trx) => …)`: the parameter is the handle the library passes in. */
  private callbackHandle(fn: TSESTree.Node, name: TSESTree.Node): Origin | undefined {
    if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.type !== AST_NODE_TYPES.FunctionExpression) return undefined;
    const call = fn.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(fn)) return undefined;
    const index = fn.params.indexOf(name as TSESTree.Parameter);
    if (index === -1) return undefined;
    const callee = unwrapExpression(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = staticKeyName(callee);
    const receiver = this.originOf(callee.object);
    if (!receiver || receiver.kind === 'subclass' || method === undefined) return undefined;
    const factory = receiver.library.factories?.find(
      (f) =>
        'callbackParameter' in f &&
        f.callbackParameter === index &&
        hasName(f.method, method) &&
        hasName(f.instanceOf, receiver.name),
    );
    return factory ? { library: receiver.library, name: factory.creates, kind: 'instance' } : undefined;
  }

  record(reference: FoundReference): void {
    const { library, exportPath } = reference.info;
    const name = normalise(library, exportPath);
    const node = reference.node as TSESTree.Node;
    if (reference.type === CALL || reference.type === CONSTRUCT) {
      const call = node as TSESTree.CallExpression | TSESTree.NewExpression;
      this.calls.set(call, { library, name, kind: 'export' });
      const via = reference.type === CONSTRUCT ? 'new' : 'call';
      const factory = library.factories?.find((f: FactorySpec) => 'export' in f && f.export === exportPath && f.via === via);
      if (factory) this.bindResult(call, { library, name: factory.creates, kind: 'instance' });
      return;
    }
    this.values.set(node, { library, name, kind: 'export' });
    const variable = this.variableBoundTo(node);
    if (variable) this.recordVariable(variable, { library, name, kind: 'export' });
    else this.recordClassUse(node, library, name);
  }

  /** `import x = require('m')`: not an import shape the tracker knows. */
  recordImportEquals(declaration: TSESTree.TSImportEqualsDeclaration, tracker: Tracker, traceMap: TraceMap): void {
    const reference = declaration.moduleReference;
    if (reference.type !== AST_NODE_TYPES.TSExternalModuleReference) return;
    const source = reference.expression;
    if (source.type !== AST_NODE_TYPES.Literal || typeof source.value !== 'string') return;
    const moduleMap = traceMap[source.value];
    if (!moduleMap) return;
    const variable = findVariable(this.globalScope, declaration.id);
    if (!variable) return;
    for (const ref of variable.references) {
      if (!ref.isRead()) continue;
      for (const tracked of tracker.iteratePropertyReferences(ref.identifier, moduleMap)) {
        this.record(tracked);
      }
      const info = (moduleMap as Record<symbol, TraceInfo | undefined>)[READ];
      if (info) this.recordClassUse(ref.identifier, info.library, normalise(info.library, info.exportPath));
    }
    const rootInfo = (moduleMap as Record<symbol, TraceInfo | undefined>)[READ];
    if (rootInfo) this.recordVariable(variable, { library: rootInfo.library, name: normalise(rootInfo.library, rootInfo.exportPath), kind: 'export' });
  }

  /** `require('m')` when `require` is not a declared global. */
  recordRequire(call: TSESTree.CallExpression, moduleMap: TraceMapElement | undefined, tracker: Tracker): void {
    if (!moduleMap) return;
    const rootInfo = (moduleMap as Record<symbol, TraceInfo | undefined>)[READ];
    if (rootInfo) this.record({ node: call, path: [], type: READ, info: rootInfo });
    for (const tracked of tracker.iteratePropertyReferences(call, moduleMap)) this.record(tracked);
  }

  /** The local variable an import specifier, destructured property or declarator binds a tracked value to. */
  private variableBoundTo(node: TSESTree.Node): TSESLint.Scope.Variable | undefined {
    let identifier: TSESTree.Node | undefined;
    switch (node.type) {
      case AST_NODE_TYPES.ImportSpecifier:
      case AST_NODE_TYPES.ImportDefaultSpecifier:
      case AST_NODE_TYPES.ImportNamespaceSpecifier:
        identifier = node.local;
        break;
      case AST_NODE_TYPES.Property:
        identifier = node.value.type === AST_NODE_TYPES.AssignmentPattern ? node.value.left : node.value;
        break;
      default: {
        const parent = node.parent;
        if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node) identifier = parent.id;
      }
    }
    if (identifier?.type !== AST_NODE_TYPES.Identifier) return undefined;
    return findVariable(this.globalScope, identifier) ?? undefined;
  }

  private recordVariable(variable: TSESLint.Scope.Variable, origin: Origin): void {
    for (const ref of variable.references) {
      if (!ref.isRead()) continue;
      this.values.set(ref.identifier, origin);
      if (origin.kind === 'export') this.recordClassUse(ref.identifier, origin.library, origin.name);
    }
  }

  /** A reference to an exported class used as a base class or a type annotation. */
  private recordClassUse(node: TSESTree.Node, library: LibraryKnowledge, name: string): void {
    const parent = node.parent;
    if (!parent) return;
    if ((parent.type === AST_NODE_TYPES.ClassDeclaration || parent.type === AST_NODE_TYPES.ClassExpression) && parent.superClass === node) {
      this.bindClass(parent, { library, name, kind: 'subclass' });
      return;
    }
    // `Knex.QueryBuilder`: the qualified name says which of the namespace's classes it is.
    let typeName: TSESTree.Node = node;
    let qualified = name;
    while (typeName.parent?.type === AST_NODE_TYPES.TSQualifiedName) {
      typeName = typeName.parent;
      qualified = `${qualified}.${(typeName as TSESTree.TSQualifiedName).right.name}`;
    }
    const kind = library.instanceTypes?.[qualified] ?? library.instanceTypes?.[name];
    if (!kind) return;
    const typeReference = typeName.parent;
    if (typeReference?.type !== AST_NODE_TYPES.TSTypeReference) return;
    const annotation = typeReference.parent;
    if (annotation?.type !== AST_NODE_TYPES.TSTypeAnnotation) return;
    this.bindAnnotated(annotation.parent, { library, name: kind, kind: 'instance' });
  }

  private bindClass(declaration: TSESTree.ClassDeclaration | TSESTree.ClassExpression, origin: Origin): void {
    // The declared variables, not a name lookup: a class's own scope holds a second binding of
    // its name that only sees references inside the class body.
    const holder =
      declaration.type === AST_NODE_TYPES.ClassExpression && declaration.parent?.type === AST_NODE_TYPES.VariableDeclarator
        ? declaration.parent
        : declaration;
    for (const variable of this.scopeManager.getDeclaredVariables(holder)) {
      for (const ref of variable.references) if (ref.isRead()) this.values.set(ref.identifier, origin);
    }
  }

  /** `(ds: DataSource)`, `private ds: DataSource`, `constructor(private readonly ds: DataSource)`. */
  private bindAnnotated(holder: TSESTree.Node | undefined, origin: Origin): void {
    if (!holder) return;
    if (holder.type === AST_NODE_TYPES.Identifier) {
      const owner = holder.parent;
      if (owner?.type === AST_NODE_TYPES.TSParameterProperty) this.bindMember(owner, holder.name, origin);
      const variable = findVariable(this.globalScope, holder);
      if (variable) for (const ref of variable.references) if (ref.isRead()) this.values.set(ref.identifier, origin);
      return;
    }
    if (
      (holder.type === AST_NODE_TYPES.PropertyDefinition || holder.type === AST_NODE_TYPES.TSAbstractPropertyDefinition) &&
      holder.key.type === AST_NODE_TYPES.Identifier &&
      !holder.computed
    ) {
      this.bindMember(holder, holder.key.name, origin);
    }
  }

  private bindMember(member: TSESTree.Node, name: string, origin: Origin): void {
    const body = enclosingClassBody(member);
    if (!body) return;
    let names = this.members.get(body);
    if (!names) this.members.set(body, (names = new Map()));
    names.set(name, origin);
  }

  /** Where the object a factory returned ends up: a variable, a class field, `this.x = …`. */
  private bindResult(call: TSESTree.Node, origin: Origin): void {
    const node = outermostWrapper(call);
    this.values.set(node, origin);
    const parent = node.parent;
    if (!parent) return;
    if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier) {
      const variable = findVariable(this.globalScope, parent.id);
      if (variable) for (const ref of variable.references) if (ref.isRead()) this.values.set(ref.identifier, origin);
    } else if (parent.type === AST_NODE_TYPES.PropertyDefinition && parent.value === node && parent.key.type === AST_NODE_TYPES.Identifier) {
      this.bindMember(parent, parent.key.name, origin);
    } else if (
      parent.type === AST_NODE_TYPES.AssignmentExpression &&
      parent.right === node &&
      parent.left.type === AST_NODE_TYPES.MemberExpression &&
      parent.left.object.type === AST_NODE_TYPES.ThisExpression &&
      parent.left.property.type === AST_NODE_TYPES.Identifier
    ) {
      this.bindMember(parent, parent.left.property.name, origin);
    }
  }
}

/** The token of `@Inject(token)` (Nest's) on a constructor parameter property or a field of that name. */
function injectionToken(body: TSESTree.ClassBody, name: string): TSESTree.Node | undefined {
  let decorators: TSESTree.Decorator[] | undefined;
  for (const member of body.body) {
    if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.static && staticKeyName(member) === name) decorators = member.decorators;
    else if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
      for (const parameter of member.value.params) {
        if (parameter.type !== AST_NODE_TYPES.TSParameterProperty) continue;
        const inner = parameter.parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.parameter.left : parameter.parameter;
        if (inner.type === AST_NODE_TYPES.Identifier && inner.name === name) decorators = parameter.decorators;
      }
    }
  }
  for (const decorator of decorators ?? []) {
    const call = decorator.expression;
    if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.Identifier || call.arguments.length !== 1) continue;
    if (!isImportedAs(call.callee, injection.inject.module, injection.inject.decorator)) continue;
    return call.arguments[0];
  }
  return undefined;
}

/** Whether an identifier names `exported` of `moduleName`, imported by name at the top of its file. */
function isImportedAs(identifier: TSESTree.Identifier, moduleName: string, exported: string): boolean {
  const program = programOf(identifier);
  for (const statement of program?.body ?? []) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || statement.source.value !== moduleName) continue;
    for (const specifier of statement.specifiers) {
      if (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.local.name === identifier.name) {
        return (specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value) === exported;
      }
    }
  }
  return false;
}

function programOf(node: TSESTree.Node): TSESTree.Program | undefined {
  let current: TSESTree.Node | undefined = node;
  while (current && current.type !== AST_NODE_TYPES.Program) current = current.parent;
  return current;
}

function enclosingClassBody(node: TSESTree.Node): TSESTree.ClassBody | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassBody) return current;
  }
  return undefined;
}

function scan(context: AnyRuleContext): LibraryIndex {
  const sourceCode = context.sourceCode;
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return { calleeOrigin: () => undefined, originOf: () => undefined, originInFile: () => undefined };
  const traceMap = traceMapFor(context);
  const index = new Index(
    globalScope as TSESLint.Scope.Scope,
    sourceCode.scopeManager as TSESLint.Scope.ScopeManager,
    sourceCode as Readonly<TSESLint.SourceCode>,
    getLinks(context),
  );
  const tracker = new ReferenceTracker(globalScope as TSESLint.Scope.Scope, { mode: 'legacy' }) as Tracker;
  for (const reference of tracker.iterateEsmReferences(traceMap)) index.record(reference as FoundReference);
  if (globalScope.set.get('require')) {
    for (const reference of tracker.iterateCjsReferences(traceMap)) index.record(reference as FoundReference);
  } else {
    // `require` is not a declared global (a TS file, or JS linted without Node globals): the
    // tracker ignores such calls, so follow them from the unresolved references ourselves.
    for (const reference of globalScope.through) {
      const call = reference.identifier.parent;
      if (reference.identifier.name !== 'require' || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference.identifier) continue;
      const source = call.arguments[0];
      if (!isStringLiteral(source)) continue;
      index.recordRequire(call, traceMap[source.value], tracker);
    }
  }
  for (const statement of sourceCode.ast.body) {
    const declaration =
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type === AST_NODE_TYPES.TSImportEqualsDeclaration) index.recordImportEquals(declaration, tracker, traceMap);
  }
  return index;
}

/**
 * What a package's name is, by the trace map: `name` is an export path (`ManyToOne`, `Prisma.raw`;
 * `default` for the default export or `module.exports`, as the tracker's legacy mode maps it to the
 * module itself). The first of `modules` that knows it answers.
 */
function libraryExport(traceMap: TraceMap, modules: readonly string[], name: string): Origin | undefined {
  if (name === '*') return undefined;
  const segments = name === 'default' ? [] : name.replace(/^default\./, '').split('.');
  for (const moduleName of modules) {
    let element: TraceMapElement | undefined = traceMap[moduleName];
    for (const segment of segments) element = element && Object.hasOwn(element, segment) ? element[segment] : undefined;
    const info = element && (element as Record<symbol, TraceInfo | undefined>)[READ];
    if (info) return { library: info.library, name: normalise(info.library, info.exportPath), kind: 'export' };
  }
  return undefined;
}

const databaseLibraries = new Set<LibraryKnowledge>(libraries);

/**
 * Whether a member or call chain starts from a database library's object: the client, a model, a
 * query builder (`trx('orders').where(…)`, `pool.query(…)`). The first step whose origin is known decides.
 */
export function comesFromDatabaseLibrary(index: LibraryIndex, node: TSESTree.Node, inFileOnly = false): boolean {
  let current: TSESTree.Node | undefined = unwrapExpression(node);
  for (let steps = 0; current && steps < 12; steps++) {
    const origin = inFileOnly ? index.originInFile(current) : index.originOf(current);
    if (origin) return databaseLibraries.has(origin.library);
    if (current.type === AST_NODE_TYPES.MemberExpression) current = unwrapExpression(current.object);
    else if (current.type === AST_NODE_TYPES.CallExpression) current = unwrapExpression(current.callee);
    else if (current.type === AST_NODE_TYPES.AwaitExpression) current = unwrapExpression(current.argument);
    else current = undefined;
  }
  return false;
}

/** The import index of the file being linted, built on first use and shared by every rule. */
export const getLibraryIndex = perFile(scan);
