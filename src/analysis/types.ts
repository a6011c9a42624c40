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
import { libraries } from '../knowledge';
import type { LibraryKnowledge } from '../knowledge/types';
import { perFile, type AnyRuleContext } from './per-file';

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
  return { checker: services.program.getTypeChecker(), nodeMap: services.esTreeNodeToTSNodeMap, ts: typescript };
});

export function hasTypeInformation(context: AnyRuleContext): boolean {
  return getTypeServices(context) !== null;
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

function resolveDeclaration(context: AnyRuleContext, node: TSESTree.Node): Declaration | null {
  const services = getTypeServices(context);
  if (!services) return null;
  const target = node.type === 'MemberExpression' ? node.property : node;
  const tsNode = services.nodeMap.get(target);
  if (!tsNode) return null;
  const { checker, ts: typescript } = services;
  let symbol = checker.getSymbolAtLocation(tsNode);
  if (symbol && symbol.flags & typescript.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
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
