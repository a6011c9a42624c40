/**
 * Tier 1 of recognising library objects: by type, when the user lints with type information.
 * Asks the checker where a called symbol is declared; a declaration inside a library's package
 * identifies the library, also through the user's own re-exports and across files.
 *
 * Always called last, after every cheap syntactic filter has passed, and never required:
 * without parser services every function here answers `undefined`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { libraries } from '../../knowledge';
import type { LibraryKnowledge } from '../../knowledge/types';
import { perFile, type AnyRuleContext } from '../per-file';

export interface Declaration {
  /** The package the declaration lives in (`typeorm`, `@mikro-orm/core`); undefined for the user's own files. */
  readonly packageName: string | undefined;
  readonly library: LibraryKnowledge | undefined;
  /** The declared name (`ManyToOne`, `define`). */
  readonly name: string;
  /** The class, interface or namespace it is declared in (`Sequelize`, `Model`). */
  readonly container: string | undefined;
}

interface TypeServices {
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  readonly nodeMap: ReadonlyMap<TSESTree.Node, ts.Node>;
  readonly ts: typeof ts;
}

const getTypeServices = perFile((context): TypeServices | null => {
  const services = context.sourceCode.parserServices as
    | { program?: ts.Program | null; esTreeNodeToTSNodeMap?: ReadonlyMap<TSESTree.Node, ts.Node> }
    | undefined;
  if (!services?.program || !services.esTreeNodeToTSNodeMap) return null;
  // Loaded only here: typed mode means the parser already loaded TypeScript, and JS-only users
  // never reach this line.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const typescript = require('typescript') as typeof ts;
  return { program: services.program, checker: services.program.getTypeChecker(), nodeMap: services.esTreeNodeToTSNodeMap, ts: typescript };
});

export function hasTypeInformation(context: AnyRuleContext): boolean {
  return getTypeServices(context) !== null;
}

/** The text of a file of the type checker's program, as the checker has it (no disk read); undefined untyped or outside the program. */
export function programSourceText(context: AnyRuleContext, fileName: string): string | undefined {
  return getTypeServices(context)?.program.getSourceFile(fileName)?.text;
}

const packagePattern = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/g;

function packageOf(fileName: string): string | undefined {
  let last: string | undefined;
  for (const match of fileName.matchAll(packagePattern)) last = match[1]?.replace(/\\/g, '/');
  return last;
}

const libraryByPackage = new Map<string, LibraryKnowledge>();
for (const library of libraries) for (const name of library.packages) libraryByPackage.set(name, library);

const declarationCache = new WeakMap<TSESTree.Node, Declaration | null>();

/**
 * Where the symbol an identifier (or a member's property) refers to is declared.
 * `null` when there is no type information or the checker cannot resolve it (`any`).
 */
export function declarationOf(context: AnyRuleContext, node: TSESTree.Node): Declaration | null {
  const cached = declarationCache.get(node);
  if (cached !== undefined) return cached;
  const result = resolveDeclaration(context, node);
  declarationCache.set(node, result);
  return result;
}

/** The symbol an identifier (or a member's property) refers to, through import aliases. */
function symbolAt(context: AnyRuleContext, node: TSESTree.Node): { services: TypeServices; symbol: ts.Symbol | undefined } | null {
  const services = getTypeServices(context);
  if (!services) return null;
  const target = node.type === 'MemberExpression' ? node.property : node;
  const tsNode = services.nodeMap.get(target);
  if (!tsNode) return null;
  let symbol = services.checker.getSymbolAtLocation(tsNode);
  if (symbol && symbol.flags & services.ts.SymbolFlags.Alias) symbol = services.checker.getAliasedSymbol(symbol);
  return { services, symbol };
}

function resolveDeclaration(context: AnyRuleContext, node: TSESTree.Node): Declaration | null {
  const found = symbolAt(context, node);
  if (!found) return null;
  const { services: { ts: typescript }, symbol } = found;
  const declaration = symbol?.declarations?.[0];
  if (!symbol || !declaration) return null;
  const packageName = packageOf(declaration.getSourceFile().fileName);
  return {
    packageName,
    library: packageName ? libraryByPackage.get(packageName) : undefined,
    name: symbol.name,
    container: containerName(declaration, typescript),
  };
}

function containerName(declaration: ts.Node, typescript: typeof ts): string | undefined {
  for (let current = declaration.parent; current; current = current.parent) {
    if (
      (typescript.isClassDeclaration(current) ||
        typescript.isInterfaceDeclaration(current) ||
        typescript.isModuleDeclaration(current)) &&
      current.name &&
      typescript.isIdentifier(current.name)
    ) {
      return current.name.text;
    }
    if (typescript.isSourceFile(current)) return undefined;
  }
  return undefined;
}

/** Where a symbol or a type is declared, in terms knowledge can name without type information. */
export interface DeclarationSite {
  /** The package the declaration lives in; undefined for the user's own files. */
  readonly packageName: string | undefined;
  /** The ambient module it is declared in (`declare module 'fs' { … }` in @types/node), if any. */
  readonly ambientModule: string | undefined;
  /** The declared name (`readFile`, `AxiosResponse`, `S3Client`). */
  readonly name: string;
}

function siteOf(symbol: ts.Symbol | undefined, typescript: typeof ts): DeclarationSite | null {
  const declaration = symbol?.declarations?.[0];
  if (!symbol || !declaration) return null;
  let ambientModule: string | undefined;
  for (let current: ts.Node | undefined = declaration; current; current = current.parent) {
    if (typescript.isModuleDeclaration(current) && typescript.isStringLiteral(current.name)) {
      ambientModule = current.name.text;
      break;
    }
  }
  return { packageName: packageOf(declaration.getSourceFile().fileName), ambientModule, name: symbol.name };
}

/**
 * Where the symbol a callee refers to is declared: `readFile` in `declare module 'fs'`, `fetch`
 * in lib.dom.d.ts. `null` without type information or when the checker cannot resolve it.
 */
export function calleeDeclarationSite(context: AnyRuleContext, node: TSESTree.Node): DeclarationSite | null {
  const services = getTypeServices(context);
  if (!services) return null;
  const target = node.type === 'MemberExpression' ? node.property : node;
  const tsNode = services.nodeMap.get(target);
  if (!tsNode) return null;
  let symbol = services.checker.getSymbolAtLocation(tsNode);
  if (symbol && symbol.flags & services.ts.SymbolFlags.Alias) symbol = services.checker.getAliasedSymbol(symbol);
  return siteOf(symbol, services.ts);
}

/** Where the type of an expression is declared (the receiver of a method call: `S3Client`, the module `fs`). */
export function typeDeclarationSite(context: AnyRuleContext, node: TSESTree.Node): DeclarationSite | null {
  const services = getTypeServices(context);
  if (!services) return null;
  const tsNode = services.nodeMap.get(node);
  if (!tsNode) return null;
  const type = services.checker.getNonNullableType(services.checker.getTypeAtLocation(tsNode));
  return siteOf(type.aliasSymbol ?? type.getSymbol(), services.ts);
}

/**
 * What an asynchronous call resolves to: for a call whose type is a promise, a thenable or an
 * RxJS observable, the declarations of that type and of the value inside it (array elements
 * unwrapped): `Promise<AxiosResponse<User>>` → `Promise`, `AxiosResponse`. Synchronous calls
 * answer nothing: a helper that merely returns such a value is not waiting on anything.
 */
export function asyncResultSites(context: AnyRuleContext, call: TSESTree.Node): DeclarationSite[] {
  const services = getTypeServices(context);
  if (!services) return [];
  const tsNode = services.nodeMap.get(call);
  if (!tsNode) return [];
  const { checker, ts: typescript } = services;
  const sites: DeclarationSite[] = [];
  const add = (type: ts.Type): void => {
    for (const part of type.isUnion() ? type.types : [type]) {
      for (const symbol of [part.aliasSymbol, part.getSymbol()]) {
        const site = siteOf(symbol, typescript);
        if (site) sites.push(site);
      }
      if (checker.isArrayType(part)) {
        const [element] = checker.getTypeArguments(part as ts.TypeReference);
        if (element) add(element);
      }
    }
  };
  const type = checker.getTypeAtLocation(tsNode);
  const symbolName = type.getSymbol()?.name;
  if (symbolName === 'Observable') {
    add(type);
    const [value] = checker.getTypeArguments(type as ts.TypeReference);
    if (value) add(value);
    return sites;
  }
  if (!type.getProperty('then')) return sites;
  add(type);
  const awaited = checker.getAwaitedType(type);
  if (awaited && awaited !== type) add(awaited);
  return sites;
}

/**
 * Whether the checker proves a value cannot carry text from outside: numbers, booleans, bigints,
 * enum members, literal types and unions of them (`'asc' | 'desc'`).
 */
export function isNumericOrLiteralType(context: AnyRuleContext, node: TSESTree.Node): boolean {
  const services = getTypeServices(context);
  if (!services) return false;
  const tsNode = services.nodeMap.get(node);
  if (!tsNode) return false;
  const { checker, ts: typescript } = services;
  const safeFlags =
    typescript.TypeFlags.NumberLike |
    typescript.TypeFlags.BigIntLike |
    typescript.TypeFlags.BooleanLike |
    typescript.TypeFlags.StringLiteral |
    typescript.TypeFlags.EnumLike |
    typescript.TypeFlags.Undefined |
    typescript.TypeFlags.Null;
  const isSafe = (type: ts.Type): boolean => (type.isUnion() ? type.types.every(isSafe) : (type.flags & safeFlags) !== 0);
  return isSafe(checker.getTypeAtLocation(tsNode));
}

/**
 * Where the function a callee refers to is declared, when that is a file of the user's own (not a
 * package, not a declaration file): the file and the position of the declaration's name. Lets the
 * module engine find the function a call runs through aliases, re-exports and inferred types.
 */
export function projectDeclarationRange(context: AnyRuleContext, node: TSESTree.Node): { fileName: string; start: number } | null {
  const symbol = symbolAt(context, node)?.symbol;
  const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
  if (!declaration) return null;
  const fileName = declaration.getSourceFile().fileName;
  if (packageOf(fileName) !== undefined || /\.d\.[cm]?ts$/.test(fileName)) return null;
  const name = (declaration as { name?: ts.Node }).name;
  if (!name) return null;
  return { fileName, start: name.getStart() };
}

/** Where a class of the user's own is declared: its file and the position of its name. */
export interface ClassSite {
  readonly fileName: string;
  readonly start: number;
}

function projectClassSite(symbol: ts.Symbol | undefined, typescript: typeof ts): ClassSite | null {
  const declaration = symbol?.declarations?.find((candidate) => typescript.isClassDeclaration(candidate) || typescript.isClassExpression(candidate)) as
    | ts.ClassDeclaration
    | ts.ClassExpression
    | undefined;
  if (!declaration?.name) return null;
  const fileName = declaration.getSourceFile().fileName;
  if (packageOf(fileName) !== undefined || /\.d\.[cm]?ts$/.test(fileName)) return null;
  return { fileName, start: declaration.name.getStart() };
}

/** The project class a value is an instance of (an array: of its elements), from its type: `user` of `const user: User`. */
export function instanceClassSite(context: AnyRuleContext, node: TSESTree.Node): ClassSite | null {
  const services = getTypeServices(context);
  const tsNode = services?.nodeMap.get(node);
  if (!services || !tsNode) return null;
  const { checker, ts: typescript } = services;
  let type = checker.getNonNullableType(checker.getTypeAtLocation(tsNode));
  if (checker.isArrayType(type)) type = checker.getTypeArguments(type as ts.TypeReference)[0] ?? type;
  // A class itself (`typeof User`) is not an instance of it.
  if (type.getConstructSignatures().length > 0) return null;
  return projectClassSite(type.getSymbol(), typescript);
}

/** The project class a value is, when it is a class itself: `User` of `manager.delete(User, id)`, however it was imported. */
export function classValueSite(context: AnyRuleContext, node: TSESTree.Node): ClassSite | null {
  const services = getTypeServices(context);
  const tsNode = services?.nodeMap.get(node);
  if (!services || !tsNode) return null;
  const type = services.checker.getTypeAtLocation(tsNode);
  if (type.getConstructSignatures().length === 0) return null;
  return projectClassSite(type.getSymbol(), services.ts);
}

/**
 * The project class given as the first type argument of a library generic that a value's type is or extends:
 * `User` of `Repository<User>`, of `class UserRepository extends Repository<User>`. `generics` are the generic's
 * names, declared in one of `packages`.
 */
export function typeArgumentClassSite(context: AnyRuleContext, node: TSESTree.Node, generics: readonly string[], packages: readonly string[]): ClassSite | null {
  const services = getTypeServices(context);
  const tsNode = services?.nodeMap.get(node);
  if (!services || !tsNode) return null;
  const { checker, ts: typescript } = services;
  const visit = (type: ts.Type, depth: number): ClassSite | null => {
    if (depth > 4) return null;
    const symbol = type.getSymbol();
    const declaration = symbol?.declarations?.[0];
    if (symbol && declaration && generics.includes(symbol.name) && packages.includes(packageOf(declaration.getSourceFile().fileName) ?? '')) {
      const [argument] = checker.getTypeArguments(type as ts.TypeReference);
      return argument ? projectClassSite(argument.getSymbol(), typescript) : null;
    }
    if (!type.isClass()) return null;
    for (const base of checker.getBaseTypes(type)) {
      const found = visit(base, depth + 1);
      if (found) return found;
    }
    return null;
  };
  return visit(checker.getNonNullableType(checker.getTypeAtLocation(tsNode)), 0);
}

// ------------------------------------------------------------------------- interfaces implemented

function isProjectSource(file: ts.SourceFile): boolean {
  return !file.isDeclarationFile && packageOf(file.fileName) === undefined;
}

type ClassLike = ts.ClassDeclaration | ts.ClassExpression;

/**
 * The project's classes and interfaces by the names their heritage clauses write (`implements
 * IUserRepository`, `extends BaseRepository`, `interface IAdmin extends IUser`): one syntactic pass over
 * the program's own files (no package, no declaration file), made the first time a call needs it and
 * kept for that program. Symbols are compared only for the few candidates a name gives.
 */
interface HeritageIndex {
  readonly implementers: Map<string, ClassLike[]>;
  readonly subclasses: Map<string, ClassLike[]>;
  readonly subinterfaces: Map<string, ts.InterfaceDeclaration[]>;
}

const heritageIndexes = new WeakMap<ts.Program, HeritageIndex>();

function heritageIndex(program: ts.Program, typescript: typeof ts): HeritageIndex {
  let index = heritageIndexes.get(program);
  if (index) return index;
  index = { implementers: new Map(), subclasses: new Map(), subinterfaces: new Map() };
  const add = <T>(map: Map<string, T[]>, expression: ts.Expression, item: T): void => {
    const name = typescript.isIdentifier(expression) ? expression.text : typescript.isPropertyAccessExpression(expression) ? expression.name.text : undefined;
    if (name === undefined) return;
    const list = map.get(name);
    if (list) list.push(item);
    else map.set(name, [item]);
  };
  const visit = (node: ts.Node): void => {
    if (typescript.isClassDeclaration(node) || typescript.isClassExpression(node)) {
      for (const clause of node.heritageClauses ?? []) {
        const map = clause.token === typescript.SyntaxKind.ImplementsKeyword ? index!.implementers : index!.subclasses;
        for (const type of clause.types) add(map, type.expression, node);
      }
    } else if (typescript.isInterfaceDeclaration(node)) {
      for (const clause of node.heritageClauses ?? []) for (const type of clause.types) add(index!.subinterfaces, type.expression, node);
      return;
    }
    // Classes sit at the top level, in namespaces, or in a variable (`export const Repo = class …`): not inside functions.
    if (typescript.isFunctionLike(node)) return;
    typescript.forEachChild(node, visit);
  };
  for (const file of program.getSourceFiles()) if (isProjectSource(file)) visit(file);
  heritageIndexes.set(program, index);
  return index;
}

/**
 * Where the one concrete project class that implements an interface is declared, when a callee is a
 * method of a project interface (`this.users.rawQuery()` with `users: IUserRepository`): the class,
 * and the method's name. Counted are the classes that implement the interface or an interface extending
 * it, and their subclasses; abstract ones are not. Two or more, or none, and the answer is `null`:
 * which one runs is decided at run time (a DI container, a test double).
 */
export function implementingClassSite(context: AnyRuleContext, node: TSESTree.Node): (ClassSite & { readonly method: string }) | null {
  const found = symbolAt(context, node);
  const declaration = found?.symbol?.declarations?.[0];
  if (!found || !declaration) return null;
  const { program, checker, ts: typescript } = found.services;
  if (!typescript.isMethodSignature(declaration) && !typescript.isPropertySignature(declaration)) return null;
  const owner = declaration.parent;
  if (!typescript.isInterfaceDeclaration(owner) || !isProjectSource(owner.getSourceFile())) return null;
  const index = heritageIndex(program, typescript);
  const resolve = (expression: ts.Expression): ts.Symbol | undefined => {
    const symbol = checker.getSymbolAtLocation(typescript.isPropertyAccessExpression(expression) ? expression.name : expression);
    return symbol && symbol.flags & typescript.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  };
  const names = (declaration: ts.ClassLikeDeclaration | ts.InterfaceDeclaration, token: ts.SyntaxKind): ts.Expression[] =>
    (declaration.heritageClauses ?? []).filter((clause) => clause.token === token).flatMap((clause) => clause.types.map((type) => type.expression));
  // The interface and those extending it, then every class implementing one of them, then their subclasses.
  const interfaces = new Set<ts.Symbol>();
  const interfaceQueue: ts.InterfaceDeclaration[] = [owner];
  while (interfaceQueue.length > 0 && interfaces.size < 16) {
    const current = interfaceQueue.shift()!;
    const symbol = current.name && checker.getSymbolAtLocation(current.name);
    if (!symbol || interfaces.has(symbol)) continue;
    interfaces.add(symbol);
    for (const sub of index.subinterfaces.get(current.name.text) ?? []) {
      if (names(sub, typescript.SyntaxKind.ExtendsKeyword).some((expression) => resolve(expression) === symbol)) interfaceQueue.push(sub);
    }
  }
  const classes = new Set<ClassLike>();
  for (const symbol of interfaces) {
    for (const candidate of index.implementers.get(symbol.name) ?? []) {
      if (names(candidate, typescript.SyntaxKind.ImplementsKeyword).some((expression) => interfaces.has(resolve(expression)!))) classes.add(candidate);
    }
  }
  const classQueue = [...classes];
  while (classQueue.length > 0 && classes.size < 16) {
    const current = classQueue.shift()!;
    if (!current.name) continue;
    const symbol = checker.getSymbolAtLocation(current.name);
    for (const sub of index.subclasses.get(current.name.text) ?? []) {
      if (!classes.has(sub) && names(sub, typescript.SyntaxKind.ExtendsKeyword).some((expression) => resolve(expression) === symbol)) {
        classes.add(sub);
        classQueue.push(sub);
      }
    }
  }
  const concrete = [...classes].filter((candidate) => !candidate.modifiers?.some((modifier) => modifier.kind === typescript.SyntaxKind.AbstractKeyword));
  const [only] = concrete;
  if (concrete.length !== 1 || !only?.name) return null;
  return { fileName: only.getSourceFile().fileName, start: only.name.getStart(), method: found.symbol!.name };
}
