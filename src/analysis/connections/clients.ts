/**
 * Calls that make a client or a pool of their own (`new PrismaClient()`, `new Pool()`,
 * `knex({…})`, `pgp(url)`), from `connections.clients` in the knowledge: the import tier first,
 * then one question to the type checker, then the name alone where the knowledge allows it.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { libraries } from '../../knowledge';
import type { LibraryKnowledge } from '../../knowledge/types';
import type { ClientFactorySpec } from '../../knowledge/types-connections';
import { staticKeyName, unwrapExpression } from '../../util/ast';
import { hasName, nameList } from '../../util/names';
import { AST_NODE_TYPES } from '../../util/node-types';
import { getLibraryIndex } from '../objects/imports';
import { declarationOf } from '../objects/type-checker';
import { anyOfWords } from '../text-screen';
import { perFile, type AnyRuleContext } from '../per-file';

/** What a factory entry needs for its callee to be recognised. */
interface FactoryLike {
  readonly callee: ClientFactorySpec['callee'];
  readonly declaredAs?: ClientFactorySpec['declaredAs'];
  readonly byShape?: boolean;
}

export interface FactoryMatch<S extends FactoryLike> {
  readonly node: TSESTree.CallExpression | TSESTree.NewExpression;
  readonly library: LibraryKnowledge;
  readonly spec: S;
  readonly tier: 'import' | 'type' | 'shape';
}

export type ClientCreation = FactoryMatch<ClientFactorySpec>;

interface Entry<S extends FactoryLike> {
  readonly library: LibraryKnowledge;
  readonly spec: S;
}

const lastSegment = (name: string): string => name.slice(name.lastIndexOf('.') + 1);

/**
 * Recognises the calls of one list of factory entries (`connections.clients`,
 * `connections.poolSize`): a cheap name filter, then the import tier, one question to the type
 * checker, and the name alone where an entry allows it.
 */
export class FactoryMatcher<S extends FactoryLike> {
  private readonly exportNames: ReadonlySet<string>;
  private readonly exportWords: RegExp;
  /** The module named in an import or require, quoted: `'postgres'`, not any "postgres://" URL. */
  private readonly anyNameModuleWords: RegExp;
  private readonly mentionsAnyNameModule = perFile((context): boolean => this.anyNameModuleWords.test(context.sourceCode.text));
  /** Either of the two: one pass over the text instead of one per module. */
  private readonly fileWords: RegExp;

  constructor(private readonly entries: readonly Entry<S>[]) {
    this.exportNames = new Set(
      entries.flatMap(({ spec }) => ('export' in spec.callee ? nameList(spec.callee.export).filter((name) => name !== 'default').map(lastSegment) : [])),
    );
    this.exportWords = anyOfWords(this.exportNames);
    // Modules whose default export, or an object a factory made (`pgp`), creates: any local name may call it.
    const anyNameModules = entries.flatMap(({ library, spec }) =>
      'instanceOf' in spec.callee || hasName(spec.callee.export, 'default') ? library.modules : [],
    );
    this.anyNameModuleWords = anyOfWords(anyNameModules.flatMap((moduleName) => [`'${moduleName}'`, `"${moduleName}"`]));
    this.fileWords = new RegExp(`${this.exportWords.source}|${this.anyNameModuleWords.source}`);
  }

  /**
   * The file-level screen: a call passes `mayMatch` only when its callee's name is an entry's export
   * or the file names a module whose default export creates; a file whose text holds neither has
   * no call to look at.
   */
  mayMatchIn(context: AnyRuleContext): boolean {
    return this.fileWords.test(context.sourceCode.text);
  }

  /** The cheap syntactic filter: could this call be one of the entries? */
  mayMatch(context: AnyRuleContext, node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
    const callee = node.callee;
    const name =
      callee.type === AST_NODE_TYPES.Identifier
        ? callee.name
        : callee.type === AST_NODE_TYPES.MemberExpression
          ? staticKeyName(callee)
          : undefined;
    if (name !== undefined && this.exportNames.has(name)) return true;
    return callee.type === AST_NODE_TYPES.Identifier && this.mentionsAnyNameModule(context);
  }

  /** The entry `node` is a call of, if any. */
  match(context: AnyRuleContext, node: TSESTree.CallExpression | TSESTree.NewExpression): FactoryMatch<S> | undefined {
    const via = node.type === AST_NODE_TYPES.NewExpression ? 'new' : 'call';
    const index = getLibraryIndex(context);
    const origin = index.calleeOrigin(node);
    if (origin) {
      const entry = this.entries.find(
        ({ library, spec }) => library === origin.library && spec.callee.via === via && 'export' in spec.callee && hasName(spec.callee.export, origin.name),
      );
      return entry && { node, ...entry, tier: 'import' };
    }
    const calledOrigin = via === 'call' ? index.originOf(node.callee) : undefined;
    if (calledOrigin?.kind === 'instance') {
      const entry = this.entries.find(
        ({ library, spec }) => library === calledOrigin.library && 'instanceOf' in spec.callee && hasName(spec.callee.instanceOf, calledOrigin.name),
      );
      return entry && { node, ...entry, tier: 'import' };
    }
    const callee = unwrapExpression(node.callee);
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? staticKeyName(callee) : undefined;
    if (name === undefined || !this.exportNames.has(name)) return undefined;
    const declaration = declarationOf(context, callee);
    if (declaration) {
      const entry = this.entries.find(
        ({ library, spec }) =>
          declaration.library === library &&
          spec.callee.via === via &&
          'export' in spec.callee &&
          (nameList(spec.callee.export).some((exportName) => lastSegment(exportName) === declaration.name) || hasName(spec.declaredAs, declaration.name)),
      );
      return entry && { node, ...entry, tier: 'type' };
    }
    // By shape: only a name that says it all, on a callee no import ties to another module we know.
    const entry = this.entries.find(({ spec }) => spec.byShape && spec.callee.via === via && 'export' in spec.callee && hasName(spec.callee.export, name));
    return entry && { node, ...entry, tier: 'shape' };
  }
}

const clientMatcher = new FactoryMatcher<ClientFactorySpec>(
  libraries.flatMap((library) => (library.connections?.clients ?? []).map((spec) => ({ library, spec }))),
);

/** The file-level screen: could any call of this file make a client? */
export function mayCreateClientIn(context: AnyRuleContext): boolean {
  return clientMatcher.mayMatchIn(context);
}

/** The cheap syntactic filter: could this call make a client? */
export function mayCreateClient(context: AnyRuleContext, node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  return clientMatcher.mayMatch(context, node);
}

/** The client `node` makes, if the knowledge names its callee. */
export function clientCreationOf(context: AnyRuleContext, node: TSESTree.CallExpression | TSESTree.NewExpression): ClientCreation | undefined {
  return clientMatcher.match(context, node);
}

/**
 * Whether the call makes a client of its own rather than wrapping one it is given:
 * `drizzle(process.env.DATABASE_URL)` or `drizzle({ connection })`, not `drizzle(pool)` or `drizzle(env.DB)`.
 */
export function makesOwnClient(creation: ClientCreation): boolean {
  const rule = creation.spec.ownClientWhen;
  if (!rule) return true;
  const argument = creation.node.arguments[rule.argument];
  if (!argument) return false;
  const value = unwrapExpression(argument);
  if (isConnectionString(value)) return true;
  if (value.type === AST_NODE_TYPES.ObjectExpression) {
    return value.properties.some((property) => property.type === AST_NODE_TYPES.Property && hasName(rule.keys, staticKeyName(property)));
  }
  return false;
}

function isConnectionString(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string';
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return true;
  // `process.env.DATABASE_URL` (and `process.env.DATABASE_URL!`), not a platform binding like `env.DB`.
  let root: TSESTree.Node = node;
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrapExpression(root.object);
  return root.type === AST_NODE_TYPES.Identifier && root.name === 'process';
}
