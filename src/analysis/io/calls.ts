/**
 * Is this call external I/O? Answers from the I/O registry (`src/knowledge/io/`) in the tiers of
 * DESIGN.md:
 *
 *  - by import: an I/O export called (`readFile()`, `axios.post()`, `got(url)`), or a method of an
 *    object an I/O library made or typed with one of its classes (`s3.send()`, `this.http.get()`,
 *    `stripe.paymentIntents.create()` through `deep` specs);
 *  - globals: `fetch()` the file does not declare itself, `new Promise((r) => setTimeout(r, ms))`;
 *  - by type, when type information is available: the called function is declared in an I/O
 *    package (or Node's `declare module 'fs'`), the receiver's type is one of its classes, or the
 *    call resolves to one of its result types (`Promise<AxiosResponse>`), across files.
 *
 * Database libraries are never I/O here: the transaction exists to talk to the database.
 */
import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../../util/node-types';
import { libraries } from '../../knowledge';
import { ioLibraries } from '../../knowledge/io';
import type { IoLibraryKnowledge, IoMethodsSpec } from '../../knowledge/types-io';
import type { LibraryKnowledge } from '../../knowledge/types';
import { staticKeyName, unwrapExpression } from '../../util/ast';
import { hasName } from '../../util/names';
import { comesFromDatabaseLibrary, getLibraryIndex, type LibraryIndex } from '../objects/imports';
import { perFile, type AnyRuleContext } from '../per-file';
import { calleeMatchesSpecifier, importedFrom, type Specifier } from '../objects/specifiers';
import { codeKeys } from '../walk';
import { asyncResultSites, calleeDeclarationSite, typeDeclarationSite, type DeclarationSite } from '../objects/type-checker';


export type IoCall = TSESTree.CallExpression | TSESTree.NewExpression;

export interface IoHit {
  /** The library the call belongs to; undefined for a function the user listed in the options. */
  readonly library: IoLibraryKnowledge | undefined;
  readonly what: string;
  readonly waitsOn: string;
  /** `result`: typed, only because the call resolves to an I/O library's result type (a wrapper such as `firstValueFrom()` may). */
  readonly tier: 'import' | 'global' | 'type' | 'result' | 'option';
}

export interface IoOptions {
  /** Extra I/O functions: a name called on any receiver, or a module's export. */
  readonly ioFunctions: readonly Specifier[];
  /** Modules whose every export is I/O when called (`@acme/http-client`). */
  readonly ioModules: readonly string[];
  /** Calls never reported, even when they are I/O. */
  readonly allow: readonly Specifier[];
  /** I/O library ids never reported (`ioredis`, say, for a team that accepts cache writes in transactions). */
  readonly allowLibraries: readonly string[];
}

// ------------------------------------------------------------------------------- knowledge, read once

/** Modules of the database libraries: a function imported from one (Drizzle's `eq`) is never I/O. */
const databaseModules = new Set(libraries.flatMap((library) => library.modules));

/**
 * Built-in method names (arrays, strings, numbers, dates, promises, event emitters) worth no question
 * to the type checker. None of them is an I/O method in the knowledge (checked when this module loads), and
 * none is a Redis command, the widest `'*'` spec.
 */
const builtInMethods = new Set([
  'map', 'filter', 'reduce', 'forEach', 'join', 'slice', 'split', 'trim', 'trimStart', 'trimEnd', 'toFixed', 'toString',
  'toISOString', 'toLowerCase', 'toUpperCase', 'padStart', 'padEnd', 'includes', 'indexOf', 'find', 'findIndex', 'some',
  'every', 'flatMap', 'flat', 'at', 'startsWith', 'endsWith', 'replaceAll', 'localeCompare', 'charAt', 'then', 'catch',
  'finally', 'valueOf', 'getTime', 'toJSON', 'push', 'pop', 'shift', 'unshift', 'splice', 'reverse', 'entries', 'values',
  'fill', 'concat',
  // Event emitters: registering a listener is not I/O.
  'on', 'once', 'off', 'emit', 'addListener', 'removeListener', 'removeAllListeners', 'prependListener',
]);

const ioLibrarySet = new Set<LibraryKnowledge>(ioLibraries);

interface LibraryFacts {
  readonly exports: ReadonlySet<string>;
  /** Last segments of the export paths, and globals: the names an I/O function is declared with. */
  readonly functions: ReadonlySet<string>;
  readonly methodSpecs: readonly IoMethodsSpec[];
}

/** `default.get` and `get` are the same export of a CommonJS module. */
function withoutDefault(exportPath: string): string {
  return exportPath.replace(/^default\./, '');
}

const facts = new Map<IoLibraryKnowledge, LibraryFacts>();
for (const library of ioLibraries) {
  const exports = new Set<string>();
  const functions = new Set<string>(library.io.globals ?? []);
  const methodSpecs: IoMethodsSpec[] = [];
  for (const spec of library.io.calls) {
    if ('export' in spec) {
      exports.add(withoutDefault(spec.export));
      functions.add(spec.export.slice(spec.export.lastIndexOf('.') + 1));
    } else {
      methodSpecs.push(spec);
    }
  }
  functions.delete('default');
  facts.set(library, { exports, functions, methodSpecs });
}

for (const library of ioLibraries) {
  for (const spec of library.io.calls) {
    if (!('export' in spec) && spec.methods !== '*') for (const method of spec.methods) builtInMethods.delete(method);
  }
}

const globalIo = new Map<string, IoLibraryKnowledge>();
const promiseTimers = new Map<string, IoLibraryKnowledge>();
for (const library of ioLibraries) {
  for (const name of library.io.globals ?? []) globalIo.set(name, library);
  for (const name of library.io.promiseTimers ?? []) promiseTimers.set(name, library);
}

/** Objects that hold the global scope: `globalThis.fetch()`. */
const globalObjects = new Set(['globalThis', 'window', 'global', 'self']);

/**
 * Globals that never do I/O: calls on them are not worth a question to the type checker.
 * (Logging is not I/O for this rule: `console`, and loggers, which are not in the registry.)
 */
const pureGlobals = new Set([
  'console', 'Math', 'JSON', 'Object', 'Array', 'Number', 'String', 'Boolean', 'Symbol', 'BigInt', 'Date', 'RegExp',
  'Map', 'Set', 'WeakMap', 'WeakSet', 'Reflect', 'Intl', 'Error', 'TypeError', 'RangeError', 'Promise', 'Buffer',
  'parseInt', 'parseFloat', 'isNaN', 'isFinite', 'encodeURIComponent', 'decodeURIComponent', 'encodeURI', 'decodeURI',
  'structuredClone', 'URL', 'URLSearchParams', 'crypto', 'require',
]);

function methodAllowed(spec: IoMethodsSpec, method: string): boolean {
  if (spec.except?.includes(method)) return false;
  // `'*'` means the client's commands, not `toString()` on something reached from it.
  if (spec.methods === '*') return !builtInMethods.has(method);
  return spec.methods.includes(method);
}

function hitFor(library: IoLibraryKnowledge, tier: IoHit['tier']): IoHit {
  return { library, what: library.io.what, waitsOn: library.io.waitsOn, tier };
}

// -------------------------------------------------------------------------------------------- helpers

function isUnshadowedGlobal(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier): boolean {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  // Not declared anywhere (an implicit global), or declared only by the environment (`globals`).
  return !variable || variable.defs.length === 0;
}

/** The root of a member/call chain: `this.x` counts as a root (class members are tracked by name). */
export function chainRoot(node: TSESTree.Node): TSESTree.Node {
  let current = unwrapExpression(node);
  for (;;) {
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      if (current.object.type === AST_NODE_TYPES.ThisExpression) return current;
      current = unwrapExpression(current.object);
    } else if (current.type === AST_NODE_TYPES.CallExpression) {
      current = unwrapExpression(current.callee);
    } else if (current.type === AST_NODE_TYPES.AwaitExpression) {
      current = unwrapExpression(current.argument);
    } else {
      return current;
    }
  }
}

function constInit(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier): TSESTree.Node | undefined {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== 'Variable' || definition.node.id !== definition.name || !definition.node.init) return undefined;
  if (variable!.references.some((ref) => ref.isWrite() && ref.identifier !== definition.node.id)) return undefined;
  return definition.node.init;
}

// ------------------------------------------------------------------------------------------- the engine

export class IoClassifier {
  private readonly index: LibraryIndex;
  private readonly sourceCode: Readonly<TSESLint.SourceCode>;
  private readonly typed: boolean;
  private readonly allowedLibraries: ReadonlySet<string>;
  private readonly cache = new Map<IoCall, IoHit | null>();

  constructor(
    private readonly context: AnyRuleContext,
    private readonly options: IoOptions,
  ) {
    this.index = getLibraryIndex(context);
    this.sourceCode = context.sourceCode;
    // Whether a program is there, without creating its type checker: that waits for the first typed question.
    this.typed = Boolean((context.sourceCode.parserServices as { program?: unknown } | undefined)?.program);
    this.allowedLibraries = new Set(options.allowLibraries);
  }

  /** Whether an expression comes from a database library (the transaction handle, a client, a model). */
  isDatabaseObject(node: TSESTree.Node): boolean {
    return comesFromDatabaseLibrary(this.index, node);
  }

  /** The I/O a call does, if it is I/O. */
  classify(call: IoCall): IoHit | undefined {
    let hit = this.cache.get(call);
    if (hit === undefined) {
      hit = this.compute(call) ?? null;
      if (hit?.library && this.allowedLibraries.has(hit.library.id)) hit = null;
      this.cache.set(call, hit);
    }
    return hit ?? undefined;
  }

  private compute(call: IoCall): IoHit | undefined {
    if (call.type === AST_NODE_TYPES.NewExpression) return this.sleep(call);
    for (const specifier of this.options.allow) if (calleeMatchesSpecifier(this.context, call, specifier)) return undefined;
    for (const specifier of this.options.ioFunctions) {
      if (calleeMatchesSpecifier(this.context, call, specifier)) {
        return { library: undefined, what: 'I/O (listed in the rule options)', waitsOn: 'the I/O', tier: 'option' };
      }
    }
    return this.byImport(call) ?? this.byGlobal(call) ?? this.byOptionModule(call) ?? this.byType(call);
  }

  /** Tier 2: an I/O export, or a method of an object an I/O library made. */
  private byImport(call: TSESTree.CallExpression): IoHit | undefined {
    const origin = this.index.calleeOrigin(call) ?? this.index.originOf(call.callee);
    if (origin?.kind === 'export' && ioLibrarySet.has(origin.library)) {
      const library = origin.library as IoLibraryKnowledge;
      if (facts.get(library)!.exports.has(withoutDefault(origin.name))) return hitFor(library, 'import');
    }
    const callee = unwrapExpression(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = staticKeyName(callee);
    if (method === undefined) return undefined;
    let direct = true;
    for (let node: TSESTree.Node | undefined = unwrapExpression(callee.object), steps = 0; node && steps < 12; steps++) {
      const found = this.index.originOf(node);
      if (found) {
        if (found.kind !== 'instance' || !ioLibrarySet.has(found.library)) return undefined;
        const library = found.library as IoLibraryKnowledge;
        const spec = facts
          .get(library)!
          .methodSpecs.find((candidate) => hasName(candidate.instanceOf, found.name) && (direct || candidate.deep) && methodAllowed(candidate, method));
        return spec ? hitFor(library, 'import') : undefined;
      }
      // Not known yet: step into the chain (`stripe.customers`, `storage.bucket(b).file(f)`), or
      // through a constant (`const bucket = storage.bucket(name)`).
      direct = false;
      if (node.type === AST_NODE_TYPES.MemberExpression) node = unwrapExpression(node.object);
      else if (node.type === AST_NODE_TYPES.CallExpression) {
        const inner = unwrapExpression(node.callee);
        node = inner.type === AST_NODE_TYPES.MemberExpression ? unwrapExpression(inner.object) : undefined;
      } else if (node.type === AST_NODE_TYPES.AwaitExpression) node = unwrapExpression(node.argument);
      else if (node.type === AST_NODE_TYPES.Identifier) node = constInit(this.sourceCode, node);
      else node = undefined;
    }
    return undefined;
  }

  /** `fetch()` the file does not declare, `globalThis.fetch()`. */
  private byGlobal(call: TSESTree.CallExpression): IoHit | undefined {
    const callee = unwrapExpression(call.callee);
    let identifier: TSESTree.Identifier | undefined;
    if (callee.type === AST_NODE_TYPES.Identifier) identifier = callee;
    else if (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      callee.object.type === AST_NODE_TYPES.Identifier &&
      globalObjects.has(callee.object.name) &&
      isUnshadowedGlobal(this.sourceCode, callee.object)
    ) {
      const name = staticKeyName(callee);
      const library = name === undefined ? undefined : globalIo.get(name);
      return library ? hitFor(library, 'global') : undefined;
    }
    if (!identifier) return undefined;
    const library = globalIo.get(identifier.name);
    return library && isUnshadowedGlobal(this.sourceCode, identifier) ? hitFor(library, 'global') : undefined;
  }

  /** `new Promise((resolve) => setTimeout(resolve, ms))`: a sleep. */
  private sleep(call: TSESTree.NewExpression): IoHit | undefined {
    const callee = unwrapExpression(call.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'Promise' || !isUnshadowedGlobal(this.sourceCode, callee)) return undefined;
    const executor = call.arguments[0] && unwrapExpression(call.arguments[0]);
    if (executor?.type !== AST_NODE_TYPES.ArrowFunctionExpression && executor?.type !== AST_NODE_TYPES.FunctionExpression) return undefined;
    // A sleep resolves when the timer fires. A timer that rejects (`timeout(promise, ms)`: a guard
    // racing another promise) waits on that other promise, not on the clock.
    const resolve = executor.params[0]?.type === AST_NODE_TYPES.Identifier ? executor.params[0].name : undefined;
    if (resolve === undefined) return undefined;
    const resolvesOnTimer = (callback: TSESTree.Node | undefined): boolean => {
      const value = callback && unwrapExpression(callback);
      if (!value) return false;
      if (value.type === AST_NODE_TYPES.Identifier) return value.name === resolve;
      if (value.type !== AST_NODE_TYPES.ArrowFunctionExpression && value.type !== AST_NODE_TYPES.FunctionExpression) return false;
      return this.sourceCode.getText(value.body).includes(`${resolve}(`);
    };
    let found: IoLibraryKnowledge | undefined;
    const visit = (node: TSESTree.Node): void => {
      if (found) return;
      if (node.type === AST_NODE_TYPES.CallExpression) {
        const timer = unwrapExpression(node.callee);
        if (timer.type === AST_NODE_TYPES.Identifier && promiseTimers.has(timer.name) && isUnshadowedGlobal(this.sourceCode, timer)) {
          if (resolvesOnTimer(node.arguments[0])) found = promiseTimers.get(timer.name);
          return;
        }
      }
      for (const key of codeKeys(this.sourceCode.visitorKeys, node.type)) {
        const child = (node as unknown as Record<string, unknown>)[key];
        for (const item of Array.isArray(child) ? child : [child]) {
          if (item && typeof item === 'object' && 'type' in item) visit(item as TSESTree.Node);
        }
      }
    };
    visit(executor.body);
    return found ? hitFor(found, 'global') : undefined;
  }

  /** A module the options name as I/O: any of its exports called. */
  private byOptionModule(call: TSESTree.CallExpression): IoHit | undefined {
    if (this.options.ioModules.length === 0) return undefined;
    const origin = importedFrom(this.context, unwrapExpression(call.callee));
    if (!origin || !this.options.ioModules.includes(origin.module)) return undefined;
    return { library: undefined, what: `a call into \`${origin.module}\` (listed in the rule options as I/O)`, waitsOn: 'the I/O', tier: 'option' };
  }

  /** Tier 1: the declaration, the receiver's type, or the result type lives in an I/O package. */
  private byType(call: TSESTree.CallExpression): IoHit | undefined {
    if (!this.typed) return undefined;
    const callee = unwrapExpression(call.callee);
    // Cheap filters first: pure globals, and objects of database libraries.
    const root = chainRoot(callee);
    if (root.type === AST_NODE_TYPES.Identifier && pureGlobals.has(root.name) && isUnshadowedGlobal(this.sourceCode, root)) return undefined;
    if (root.type === AST_NODE_TYPES.Super) return undefined;
    const method = callee.type === AST_NODE_TYPES.MemberExpression ? staticKeyName(callee) : undefined;
    if (method !== undefined && builtInMethods.has(method)) return undefined;
    if (this.isDatabaseObject(callee)) return undefined;
    if (root.type === AST_NODE_TYPES.Identifier) {
      const origin = importedFrom(this.context, root);
      if (origin && databaseModules.has(origin.module)) return undefined;
    }
    const declared = calleeDeclarationSite(this.context, callee);
    // The checker cannot say what is called (`any`, an unresolved import): nothing to add to the untyped tiers.
    if (!declared) return undefined;
    // A function: where it is declared (`readFile` in `declare module 'fs'`, `fetch` in lib.dom.d.ts).
    if (callee.type === AST_NODE_TYPES.Identifier) {
      for (const library of librariesAt(declared)) {
        if (facts.get(library)!.functions.has(declared.name)) return hitFor(library, 'type');
      }
    }
    // A method: what the receiver is (`S3Client`, `Redis`, a Stripe resource, the module `fs`).
    if (callee.type === AST_NODE_TYPES.MemberExpression && method !== undefined) {
      const receiver = typeDeclarationSite(this.context, callee.object);
      if (receiver) {
        for (const library of librariesAt(receiver)) {
          const known = facts.get(library)!;
          // The module object itself: `fs.readFile()` through `import * as fs`.
          if (receiver.name.startsWith('"') && known.functions.has(method)) return hitFor(library, 'type');
          const kind = library.instanceTypes?.[receiver.name];
          const spec = known.methodSpecs.find(
            (candidate) => (kind !== undefined ? hasName(candidate.instanceOf, kind) || candidate.deep : candidate.deep) && methodAllowed(candidate, method),
          );
          if (spec) return hitFor(library, 'type');
        }
      }
    }
    // A function or method of the user's own code (another file, a wrapper) whose promise resolves to an
    // I/O library's result type. Calls into packages are decided above: asking for a call's type makes the
    // checker infer its signature, the most expensive question there is, so it is asked only here.
    if (declared.packageName !== undefined || declared.ambientModule !== undefined) return undefined;
    for (const site of asyncResultSites(this.context, call)) {
      for (const library of librariesAt(site)) {
        if (library.io.resultTypes?.some((pattern) => (pattern.startsWith('*') ? site.name.endsWith(pattern.slice(1)) : site.name === pattern))) {
          return hitFor(library, 'result');
        }
      }
    }
    return undefined;
  }
}

/** The I/O libraries a declaration belongs to: by Node's ambient module name, or by package. */
function librariesAt(site: DeclarationSite): IoLibraryKnowledge[] {
  if (site.ambientModule !== undefined) return ioLibraries.filter((library) => library.modules.includes(site.ambientModule!));
  if (site.packageName === undefined) return [];
  return ioLibraries.filter((library) => library.packages.includes(site.packageName!));
}

const classifiers = perFile(() => new Map<string, IoClassifier>());

/** The file's classifier for these options: one per file and options, shared by every rule that asks. */
export function getIoClassifier(context: AnyRuleContext, options: IoOptions): IoClassifier {
  const byOptions = classifiers(context);
  const key = JSON.stringify(options);
  let classifier = byOptions.get(key);
  if (!classifier) byOptions.set(key, (classifier = new IoClassifier(context, options)));
  return classifier;
}
