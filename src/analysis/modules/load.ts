/**
 * Reads another module of the project once and hands it to the same engines that read the linted
 * file: a module is parsed (`.js` with espree, ESLint's own parser, `.ts` and what espree rejects
 * with typescript-eslint's parser core; without TypeScript installed, JavaScript through the
 * linted file's own parser), its scopes analysed, and
 * wrapped in a light SourceCode (text, tree, scopes), so `getLibraryIndex`, the I/O classifier and
 * the transaction engine answer questions about it exactly as they do about the linted file.
 *
 * The cache lives as long as the process (one per `--concurrency` worker), is keyed by path and
 * checked against the file's size and modification time once per linted file (an editor sees
 * other files as they are on disk), and holds at most `MAX_MODULES` parsed modules, the least
 * recently used going first. Modules are parsed without type information: summaries must be
 * cheap, and the type checker already sees across files on its own. A module that cannot be read
 * or parsed gives undefined, never an exception; nothing is executed.
 */
import fs from 'node:fs';
import { isAbsolute } from 'node:path';
import { createRequire } from 'node:module';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { AnyRuleContext } from '../per-file';
import { clearResolutionCache } from './resolve';

/** A module of the project, as the engines see it: a rule context without a rule. */
export type ModuleContext = AnyRuleContext;

interface Parser {
  parseForESLint?(text: string, options: unknown): {
    ast: TSESTree.Program;
    scopeManager?: unknown;
    visitorKeys?: unknown;
    services?: unknown;
  };
  parse?(text: string, options: unknown): TSESTree.Program;
}

interface Entry {
  readonly mtimeMs: number;
  readonly size: number;
  readonly context: ModuleContext | null;
}

/** Parsed modules kept (light: no tokens, no comments): a whole service, so a second pass or an editor session reads none again. */
const MAX_MODULES = 1000;
const cache = new Map<string, Entry>();
let reads = 0;

/** How many module files this process has read and parsed (the bench reports it). */
export function moduleReads(): number {
  return reads;
}

/** Forget every module, and what the disk said about where imports point (tests that rewrite fixture files; the bench's cold pass). */
export function clearModuleCache(): void {
  cache.clear();
  lintedRecently.clear();
  clearResolutionCache();
  for (const clear of otherDiskCaches) clear();
}

/** Caches of what other engines read from disk (a migration folder's indexes): emptied with the module cache. */
const otherDiskCaches = new Set<() => void>();

/** Registers a cache of what is on disk, so `clearModuleCache()` (tests, the bench's cold pass) empties it too. */
export function clearWithModuleCache(clear: () => void): void {
  otherDiskCaches.add(clear);
}

const TS_FILE = /\.[cm]?tsx?$/;
const JSX_FILE = /\.[jt]sx$/;
/** parserOptions that would make a module parse start a type-checked program. */
const TYPED_OPTIONS = ['project', 'projectService', 'programs', 'EXPERIMENTAL_useProjectService', 'EXPERIMENTAL_useSourceOfProjectReferenceRedirect'];

function parserOf(context: AnyRuleContext): { parser: Parser | undefined; options: Record<string, unknown> } {
  const flat = context as unknown as {
    languageOptions?: { parser?: Parser; parserOptions?: Record<string, unknown>; ecmaVersion?: unknown; sourceType?: unknown };
    parserPath?: string;
    parserOptions?: Record<string, unknown>;
  };
  let parser = flat.languageOptions?.parser;
  if (!parser?.parseForESLint && !parser?.parse && flat.parserPath) {
    try {
      parser = load(flat.parserPath) as Parser;
    } catch {
      parser = undefined;
    }
  }
  const options = { ...(flat.languageOptions?.parserOptions ?? flat.parserOptions ?? {}) };
  return { parser, options };
}

const fromEslint = new Map<string, unknown>();

/** A package ESLint itself depends on (espree, eslint-scope), as ESLint loads it; null when it cannot be found. */
function eslintDependency<T>(name: string): T | null {
  if (!fromEslint.has(name)) {
    let loaded: unknown;
    try {
      loaded = createRequire(require.resolve('eslint'))(name);
    } catch {
      loaded = null;
    }
    fromEslint.set(name, loaded);
  }
  return fromEslint.get(name) as T | null;
}

/** ESLint's own scope analyser, for parsers (espree) that leave it to ESLint. */
const scopeAnalyser = () => eslintDependency<{ analyze(ast: unknown, options: unknown): unknown }>('eslint-scope');

interface Estree {
  parse(text: string, options: object): TSESTree.Program;
}
interface ScopeManagerModule {
  analyze(ast: TSESTree.Program, options: object): TSLintScopeManager;
}
type TSLintScopeManager = TSESLint.Scope.ScopeManager;

const load = createRequire(__filename);
let estree: { parser: Estree; scopes: ScopeManagerModule; keys: Record<string, readonly string[]> } | null | undefined;

/**
 * typescript-eslint's own parser core and scope analyser, without what ESLint's parser adds for a
 * linted file (tokens, comments, the TypeScript lib's global types): about half the work, and all
 * a summary needs. Unavailable when TypeScript is not installed (a JavaScript-only project).
 */
function fastReader(): typeof estree {
  if (estree === undefined) {
    try {
      estree = {
        parser: load('@typescript-eslint/typescript-estree') as Estree,
        scopes: load('@typescript-eslint/scope-manager') as ScopeManagerModule,
        keys: (load('@typescript-eslint/visitor-keys') as { visitorKeys: Record<string, readonly string[]> }).visitorKeys,
      };
    } catch {
      estree = null;
    }
  }
  return estree;
}

/** ESLint's own JavaScript parser, as ESLint itself would have it. */
const javascriptParser = () => eslintDependency<Estree>('espree');

/**
 * A JavaScript module through espree, ESLint's own parser: several times as fast as TypeScript's
 * parser and its conversion, and what ESLint reads a `.js` file with unless told otherwise. Null
 * when espree is not there or rejects the file (a CommonJS file with a top-level `return`,
 * decorators in a Babel-built file): the caller tries the TypeScript reader.
 */
function parseJavaScript(context: AnyRuleContext, file: string, text: string, reader: NonNullable<typeof estree>): ModuleContext | null {
  const parser = javascriptParser();
  if (!parser) return null;
  const sourceType = /\.cjs$/.test(file) ? 'script' : 'module';
  let ast: TSESTree.Program;
  try {
    ast = parser.parse(text, { ecmaVersion: 'latest', sourceType, range: true, loc: true, ecmaFeatures: { jsx: JSX_FILE.test(file), globalReturn: sourceType === 'script' } });
  } catch {
    return null;
  }
  // typescript-eslint's scope analyser takes a tenth of eslint-scope's time on these trees; it reads
  // the fields typescript-estree always writes, which espree leaves out.
  setParents(ast, reader.keys, withTypeScriptFields);
  let scopeManager: TSLintScopeManager;
  try {
    scopeManager = reader.scopes.analyze(ast, { sourceType, lib: [], globalReturn: sourceType === 'script' });
  } catch {
    return null;
  }
  return moduleContext(context, file, text, ast, scopeManager, reader.keys);
}

const CLASSES = new Set(['ClassDeclaration', 'ClassExpression']);
const CLASS_MEMBERS = new Set(['MethodDefinition', 'PropertyDefinition', 'AccessorProperty']);
const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

/** The empty `decorators` and `implements` typescript-estree gives every class, member and parameter. */
function withTypeScriptFields(node: TSESTree.Node): void {
  const fields = node as unknown as { decorators?: unknown[]; implements?: unknown[]; params?: { decorators?: unknown[] }[] };
  if (CLASSES.has(node.type)) {
    fields.decorators ??= [];
    fields.implements ??= [];
  } else if (CLASS_MEMBERS.has(node.type)) {
    fields.decorators ??= [];
  } else if (FUNCTIONS.has(node.type)) {
    for (const parameter of fields.params ?? []) parameter.decorators ??= [];
  }
}

function parse(context: AnyRuleContext, file: string, text: string): ModuleContext | null {
  const sourceType = /\.c[jt]s$/.test(file) ? 'script' : 'module';
  const reader = fastReader();
  if (reader && !TS_FILE.test(file)) {
    const javascript = parseJavaScript(context, file, text, reader);
    if (javascript) return javascript;
  }
  if (reader) {
    const ast = reader.parser.parse(text, { range: true, loc: true, tokens: false, comment: false, jsx: JSX_FILE.test(file), filePath: file });
    const scopeManager = reader.scopes.analyze(ast, { sourceType, lib: [], globalReturn: false });
    setParents(ast, reader.keys);
    return moduleContext(context, file, text, ast, scopeManager, reader.keys);
  }
  // No TypeScript here: JavaScript modules through the linted file's own parser (espree) and ESLint's scope analyser.
  if (TS_FILE.test(file)) return null;
  const { parser, options } = parserOf(context);
  if (!parser) return null;
  for (const key of TYPED_OPTIONS) delete options[key];
  const parserOptions = { ...options, ecmaVersion: 'latest', sourceType, range: true, loc: true, tokens: true, comment: true, ecmaFeatures: { jsx: JSX_FILE.test(file) } };
  const result = parser.parseForESLint?.(text, parserOptions);
  const ast = result?.ast ?? parser.parse!(text, parserOptions);
  const visitorKeys = (result?.visitorKeys ?? context.sourceCode.visitorKeys) as Record<string, readonly string[]>;
  let scopeManager = result?.scopeManager as TSLintScopeManager | undefined;
  if (!scopeManager) {
    const analyser = scopeAnalyser();
    if (!analyser) return null;
    scopeManager = analyser.analyze(ast, { ecmaVersion: 2022, sourceType, nodejsScope: sourceType === 'script', childVisitorKeys: visitorKeys, fallback: 'iteration' }) as TSLintScopeManager;
  }
  setParents(ast, visitorKeys);
  return moduleContext(context, file, text, ast, scopeManager, visitorKeys);
}

/**
 * What the engines use of a SourceCode, for a module: its text, tree, scopes and visitor keys.
 * Lighter than ESLint's SourceCode (no token store, no line index), and never typed.
 */
class ModuleSource {
  readonly parserServices = {};
  constructor(
    readonly text: string,
    readonly ast: TSESTree.Program,
    readonly scopeManager: TSLintScopeManager,
    readonly visitorKeys: Record<string, readonly string[]>,
  ) {}

  getText(node?: TSESTree.Node): string {
    return node ? this.text.slice(node.range[0], node.range[1]) : this.text;
  }

  /** ESLint's own rule: the innermost scope that holds the node (a named function expression's name scope skipped). */
  getScope(node: TSESTree.Node): TSESLint.Scope.Scope {
    const inner = node.type !== 'Program';
    for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
      const scope = this.scopeManager.acquire(current, inner);
      if (scope) return scope.type === 'function-expression-name' ? scope.childScopes[0]! : scope;
    }
    return this.scopeManager.scopes[0]!;
  }
}

function moduleContext(
  context: AnyRuleContext,
  file: string,
  text: string,
  ast: TSESTree.Program,
  scopeManager: TSLintScopeManager,
  visitorKeys: Record<string, readonly string[]>,
): ModuleContext {
  const sourceCode = new ModuleSource(text, ast, scopeManager, visitorKeys);
  const moduleContext = {
    sourceCode,
    settings: context.settings,
    filename: file,
    physicalFilename: file,
    cwd: context.cwd,
    options: [],
    languageOptions: (context as unknown as { languageOptions?: unknown }).languageOptions,
    parserPath: (context as unknown as { parserPath?: unknown }).parserPath,
    parserOptions: (context as unknown as { parserOptions?: unknown }).parserOptions,
  };
  return moduleContext as unknown as ModuleContext;
}

/** ESLint sets `parent` while it traverses the linted file; a module read here needs it done (and `visit`, when given, sees every node). */
function setParents(root: TSESTree.Node, visitorKeys: Readonly<Record<string, readonly string[]>>, visit?: (node: TSESTree.Node) => void): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit?.(node);
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof item === 'object' && 'type' in item) {
          (item as { parent?: TSESTree.Node }).parent = node;
          stack.push(item as TSESTree.Node);
        }
      }
    }
  }
}

/**
 * The files this process linted last, as ESLint parsed them. A project's files import their
 * neighbours, and ESLint lints a folder's files one after another: on the bench corpus nine in ten
 * of the modules asked for that were already linted had been linted within the last 20 files. Such
 * a module is taken from here instead of parsed again, when its text on disk is still the text
 * ESLint linted (an editor's unsaved buffer is not what is on disk). Untyped files only: a module
 * is never typed, and a typed file's engines would answer with its type checker.
 */
const LINTED_KEPT = 32;
interface LintedFile {
  readonly text: string;
  readonly ast: TSESTree.Program;
  readonly scopeManager: TSLintScopeManager;
  readonly visitorKeys: Record<string, readonly string[]>;
  /** The disk's size and time when the text on disk was last found to be this text. */
  onDisk?: { readonly mtimeMs: number; readonly size: number };
}
const lintedRecently = new Map<string, LintedFile>();
const remembered = new WeakSet<TSESTree.Program>();
let lastRemembered: TSESTree.Program | undefined;
let reused = 0;

/** How many modules were taken from the files linted last rather than read and parsed. */
export function modulesReused(): number {
  return reused;
}

/** Called as every rule starts on a file: keeps the file's tree for the modules that import it. */
export function rememberLintedFile(context: AnyRuleContext): void {
  const sourceCode = context.sourceCode as Readonly<TSESLint.SourceCode> | undefined;
  const program = sourceCode?.ast;
  // Every rule starts on the same file in turn: one identity check answers all but the first.
  if (!program || program === lastRemembered) return;
  lastRemembered = program;
  if (remembered.has(program)) return;
  remembered.add(program);
  const file = context.filename;
  const scopeManager = sourceCode.scopeManager;
  const visitorKeys = sourceCode.visitorKeys as Record<string, readonly string[]> | undefined;
  if (!file || !isAbsolute(file) || !scopeManager || !visitorKeys) return;
  if ((sourceCode.parserServices as { program?: unknown } | undefined)?.program) return;
  lintedRecently.delete(file);
  lintedRecently.set(file, { text: sourceCode.text, ast: program, scopeManager, visitorKeys });
  if (lintedRecently.size > LINTED_KEPT) lintedRecently.delete(lintedRecently.keys().next().value!);
}

/** What ESLint made of `file` while linting it, if the file on disk still holds the text it linted. */
function lintedOnDisk(file: string, stat: fs.Stats): LintedFile | undefined {
  const linted = lintedRecently.get(file);
  if (!linted) return undefined;
  if (linted.onDisk?.mtimeMs !== stat.mtimeMs || linted.onDisk.size !== stat.size) {
    const text = fs.readFileSync(file, 'utf8');
    // ESLint drops a byte-order mark before parsing.
    if (linted.text !== (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)) return undefined;
    linted.onDisk = { mtimeMs: stat.mtimeMs, size: stat.size };
  }
  return linted;
}

/**
 * The module at `file` (an absolute path the resolver vouched for), parsed; undefined when it
 * cannot be read or parsed. `checked` remembers which files were already compared with the disk
 * for the current linted file, so a file is stat'ed once per linted file, not once per question.
 */
export function loadModule(
  context: AnyRuleContext,
  file: string,
  checked: Map<string, ModuleContext | null>,
  mentions?: string,
): ModuleContext | undefined {
  const seen = checked.get(file);
  if (seen !== undefined) return seen ?? undefined;
  let result: ModuleContext | null = null;
  try {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat?.isFile()) {
      const cached = cache.get(file);
      if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) {
        // Most recently used goes last.
        cache.delete(file);
        cache.set(file, cached);
        result = cached.context;
      } else {
        const linted = lintedOnDisk(file, stat);
        const text = linted ? linted.text : fs.readFileSync(file, 'utf8');
        // Not parsed, and not remembered as unreadable: another question may still need the module.
        if (mentions !== undefined && !mayExport(text, mentions)) return undefined;
        if (linted) {
          // Not cached: ESLint's tree is three times the weight of one parsed here, and the files
          // that import a module are mostly linted right after it. Once it leaves the files linted
          // last, the module is parsed like any other.
          reused++;
          result = moduleContext(context, file, linted.text, linted.ast, linted.scopeManager, linted.visitorKeys);
        } else {
          reads++;
          try {
            result = parse(context, file, text);
          } catch {
            // A file that does not parse (or a parser that rejects it) has no summary.
            result = null;
          }
          cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, context: result });
          if (cache.size > MAX_MODULES) cache.delete(cache.keys().next().value!);
        }
      }
    }
  } catch {
    result = null;
  }
  checked.set(file, result);
  return result ?? undefined;
}

/**
 * Whether a module's text could export `name`, directly or through its own `export *`: a barrel
 * with fifty `export * from` lines is looked through for one name, and most of its targets never
 * write that name at all, so they need no parse.
 */
function mayExport(text: string, name: string): boolean {
  return text.includes(name) || STAR_EXPORT.test(text);
}
const STAR_EXPORT = /export\s*\*/;

