/**
 * Reads another module of the project once and hands it to the same engines that read the linted
 * file: a module is parsed with the parser ESLint uses for the linted file (typescript-eslint's
 * reads `.ts` and `.js` alike; espree reads JavaScript), its scopes analysed, and wrapped in a
 * `SourceCode` of the running ESLint, so `getLibraryIndex`, the I/O classifier and the transaction
 * engine answer questions about it exactly as they do about the linted file.
 *
 * The cache lives as long as the process (one per `--concurrency` worker), is keyed by path and
 * checked against the file's size and modification time once per linted file (an editor sees
 * other files as they are on disk), and holds at most `MAX_MODULES` parsed modules, the least
 * recently used going first. Modules are parsed without type information: summaries must be
 * cheap, and the type checker already sees across files on its own. A module that cannot be read
 * or parsed gives undefined, never an exception; nothing is executed.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { AnyRuleContext } from '../per-file';

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

const MAX_MODULES = 400;
const cache = new Map<string, Entry>();
let reads = 0;

/** How many module files this process has read and parsed (the bench reports it). */
export function moduleReads(): number {
  return reads;
}

/** Forget every module (tests that rewrite fixture files). */
export function clearModuleCache(): void {
  cache.clear();
}

const TS_FILE = /\.[cm]?tsx?$/;
const JSX_FILE = /\.[jt]sx$/;
/** parserOptions that would make a module parse start a type-checked program. */
const TYPED_OPTIONS = ['project', 'projectService', 'programs', 'EXPERIMENTAL_useProjectService', 'EXPERIMENTAL_useSourceOfProjectReferenceRedirect'];

let typescriptParser: Parser | null | undefined;

/** typescript-eslint's parser as the linted file would find it, for TypeScript modules of a project linted with espree. */
function fallbackTypeScriptParser(from: string): Parser | null {
  if (typescriptParser === undefined) {
    try {
      typescriptParser = createRequire(from)('@typescript-eslint/parser') as Parser;
    } catch {
      typescriptParser = null;
    }
  }
  return typescriptParser;
}

function parserOf(context: AnyRuleContext): { parser: Parser | undefined; options: Record<string, unknown> } {
  const flat = context as unknown as {
    languageOptions?: { parser?: Parser; parserOptions?: Record<string, unknown>; ecmaVersion?: unknown; sourceType?: unknown };
    parserPath?: string;
    parserOptions?: Record<string, unknown>;
  };
  let parser = flat.languageOptions?.parser;
  if (!parser?.parseForESLint && !parser?.parse && flat.parserPath) {
    try {
      parser = createRequire(__filename)(flat.parserPath) as Parser;
    } catch {
      parser = undefined;
    }
  }
  const options = { ...(flat.languageOptions?.parserOptions ?? flat.parserOptions ?? {}) };
  return { parser, options };
}

let eslintScope: { analyze(ast: unknown, options: unknown): unknown } | null | undefined;

/** ESLint's own scope analyser, for parsers (espree) that leave it to ESLint. */
function scopeAnalyser(): typeof eslintScope {
  if (eslintScope === undefined) {
    try {
      eslintScope = createRequire(require.resolve('eslint'))('eslint-scope') as typeof eslintScope;
    } catch {
      eslintScope = null;
    }
  }
  return eslintScope;
}

function parse(context: AnyRuleContext, file: string, text: string): ModuleContext | null {
  const found = parserOf(context);
  let parser = found.parser;
  const options = found.options;
  const typescriptFile = TS_FILE.test(file);
  if (typescriptFile && !parser?.parseForESLint) parser = fallbackTypeScriptParser(path.resolve(context.cwd, context.filename)) ?? undefined;
  if (!parser) return null;
  for (const key of TYPED_OPTIONS) delete options[key];
  const sourceType = /\.c[jt]s$/.test(file) ? 'script' : 'module';
  const parserOptions = {
    ...options,
    ecmaVersion: 'latest',
    sourceType,
    filePath: file,
    range: true,
    loc: true,
    tokens: true,
    comment: true,
    ecmaFeatures: { ...(options.ecmaFeatures as object | undefined), jsx: JSX_FILE.test(file) },
  };
  let ast: TSESTree.Program;
  let scopeManager: unknown;
  let visitorKeys: unknown;
  let services: unknown;
  if (parser.parseForESLint) {
    const result = parser.parseForESLint(text, parserOptions);
    ({ ast, scopeManager, visitorKeys, services } = result);
  } else {
    ast = parser.parse!(text, parserOptions);
  }
  visitorKeys ??= context.sourceCode.visitorKeys;
  setParents(ast, visitorKeys as Record<string, readonly string[]>);
  if (!scopeManager) {
    const analyser = scopeAnalyser();
    if (!analyser) return null;
    scopeManager = analyser.analyze(ast, {
      ecmaVersion: 2022,
      sourceType,
      nodejsScope: sourceType === 'script',
      childVisitorKeys: visitorKeys,
      fallback: 'iteration',
    });
  }
  // The running ESLint's own SourceCode class: the engines get the API they get for the linted file.
  const SourceCode = context.sourceCode.constructor as new (config: object) => Readonly<TSESLint.SourceCode>;
  const sourceCode = new SourceCode({ text, ast, scopeManager, visitorKeys, parserServices: services ?? {} });
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

/** ESLint sets `parent` while it traverses the linted file; a module read here needs it done. */
function setParents(root: TSESTree.Node, visitorKeys: Record<string, readonly string[]>): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
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
 * The module at `file` (an absolute path the resolver vouched for), parsed; undefined when it
 * cannot be read or parsed. `checked` remembers which files were already compared with the disk
 * for the current linted file, so a file is stat'ed once per linted file, not once per question.
 */
export function loadModule(context: AnyRuleContext, file: string, checked: Map<string, ModuleContext | null>): ModuleContext | undefined {
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
        reads++;
        try {
          result = parse(context, file, fs.readFileSync(file, 'utf8'));
        } catch {
          // A file that does not parse (or a parser that rejects it) has no summary.
          result = null;
        }
        cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, context: result });
        if (cache.size > MAX_MODULES) cache.delete(cache.keys().next().value!);
      }
    }
  } catch {
    result = null;
  }
  checked.set(file, result);
  return result ?? undefined;
}
