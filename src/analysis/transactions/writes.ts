/**
 * Awaited database writes outside any transaction, per function: the question of
 * `require-multi-write-transaction`. Precision over recall: a write counts only through an object the import
 * or type tier ties to a library (never by shape), only when awaited where it stands, and a function that
 * opens a transaction itself, runs inside one, or is handed a handle is left alone.
 *
 * Cross-file: a call of a project function (in this file or another) that writes on its own counts as a
 * write at the call site; `remote-work.ts` summarises the function (`helperWriteOf`) with this reader's
 * verdicts, and `helperCallWriteOf` below turns the summary into a write of the caller.
 */
import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../../util/node-types';
import { libraries } from '../../knowledge';
import transactionHelpers from '../../knowledge/transaction-helpers';
import type { LibraryKnowledge } from '../../knowledge/types';
import { calleeName, outermostWrapper, referenceName, staticKeyName, unwrapExpression } from '../../util/ast';
import { getLibraryIndex } from '../objects/imports';
import { declarationOf } from '../objects/type-checker';
import type { AnyRuleContext } from '../per-file';
import { transactionOpenerNames, transactionScopeOf, type FunctionNode } from './scopes';
import { isFunctionNode } from '../functions';

export interface Write {
  readonly node: TSESTree.CallExpression;
  /** How it reads: `prisma.order.create()`. */
  readonly text: string;
  /** For a call of a project function that writes: what it writes, for the message (`` it writes `prisma.order.create()` (./orders.ts) ``). */
  readonly through?: string;
  readonly library: LibraryKnowledge;
  /** Which database: writes through different clients may go to different databases. */
  readonly database: string;
  /** Inside a loop of its function: it runs several times. */
  readonly inLoop: boolean;
}

const writeMethods = new Set(libraries.flatMap((library) => [...(library.writes?.methods ?? []), ...(library.writes?.sqlMethods ?? [])]));

/** The cheap first filter: a method name some library writes with. */
export function mayWrite(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  return callee.type === AST_NODE_TYPES.MemberExpression && writeMethods.has(staticKeyName(callee) ?? '');
}

function compact(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}…` : oneLine;
}


function enclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) if (isFunctionNode(current)) return current;
  return undefined;
}

const writeStatement = /^\s*(INSERT|UPDATE|DELETE|MERGE|UPSERT|REPLACE)\b/i;

function sqlText(node: TSESTree.Node | undefined): string | undefined {
  if (!node) return undefined;
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') return value.value;
  if (value.type === AST_NODE_TYPES.TemplateLiteral) return value.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

const handleNames = /^(t|tx|trx|txn|transaction|manager|em|entityManager|queryRunner|client|conn|connection|session)$/i;
const handleTypes = /Transaction|Trx|EntityManager|QueryRunner|Knex|PoolClient|Connection|Database/;

const transactionNames = transactionOpenerNames({ decorators: [], functions: [] });

export class WriteReader {
  private readonly sourceCode: Readonly<TSESLint.SourceCode>;
  private readonly functionVerdicts = new Map<FunctionNode, boolean>();

  constructor(private readonly context: AnyRuleContext) {
    this.sourceCode = context.sourceCode;
  }

  /** The write `call` is (the call whose method writes; its chain's top must be awaited), if it is one outside any transaction. */
  writeOf(call: TSESTree.CallExpression): { readonly write: Write; readonly fn: FunctionNode } | undefined {
    const callee = unwrapExpression(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = staticKeyName(callee);
    if (method === undefined) return undefined;
    // The chain's top: `db.insert(t).values(v)` is awaited as a whole.
    let top: TSESTree.Node = call;
    const chain: TSESTree.CallExpression[] = [call];
    while (top.parent?.type === AST_NODE_TYPES.MemberExpression && top.parent.object === top && top.parent.parent?.type === AST_NODE_TYPES.CallExpression) {
      top = top.parent.parent;
      chain.push(top as TSESTree.CallExpression);
    }
    if (outermostWrapper(top).type !== AST_NODE_TYPES.AwaitExpression) return undefined;
    // The base of the chain below the write: `prisma` of `prisma.order.create`, `db('t')` of `db('t').insert`.
    let base: TSESTree.Node = unwrapExpression(callee.object);
    for (;;) {
      if (base.type === AST_NODE_TYPES.CallExpression) {
        chain.push(base);
        const inner = unwrapExpression(base.callee);
        if (inner.type === AST_NODE_TYPES.MemberExpression) base = unwrapExpression(inner.object);
        else {
          base = inner;
          break;
        }
      } else if (base.type === AST_NODE_TYPES.MemberExpression && this.libraryOf(base) === undefined) {
        base = unwrapExpression(base.object);
      } else break;
    }
    const library = this.libraryOf(base) ?? this.typedLibrary(callee, method);
    const writes = library?.writes;
    if (!library || !writes) return undefined;
    const isSql = writes.sqlMethods?.includes(method) === true;
    if (!writes.methods.includes(method) && !isSql) return undefined;
    if (isSql && !writeStatement.test(sqlText(call.arguments[0]) ?? '')) return undefined;
    const fn = enclosingFunction(call);
    if (!fn || this.joinsCaller(chain, fn, base)) return undefined;
    if (!this.outsideTransactions(fn)) return undefined;
    const rootText = compact(this.sourceCode.getText(this.rootOf(base)));
    const origin = getLibraryIndex(this.context).originOf(base);
    const database = origin?.kind === 'subclass' || writes.sameDatabase === 'library' ? library.id : `${library.id}:${rootText}`;
    return {
      fn,
      write: {
        node: call,
        text: `${compact(this.sourceCode.getText(callee))}()`,
        library,
        database,
        inLoop: this.inLoop(call, fn),
      },
    };
  }

  private rootOf(node: TSESTree.Node): TSESTree.Node {
    let current = unwrapExpression(node);
    while (current.type === AST_NODE_TYPES.MemberExpression && current.object.type !== AST_NODE_TYPES.ThisExpression) current = unwrapExpression(current.object);
    return current;
  }

  /** The library an object comes from, by import (a factory's object, an annotated field, a model class). */
  private libraryOf(node: TSESTree.Node): LibraryKnowledge | undefined {
    const origin = getLibraryIndex(this.context).originOf(node);
    return origin && origin.kind !== 'export' ? origin.library : undefined;
  }

  /** Typed: the write method is declared in a library's package. */
  private typedLibrary(callee: TSESTree.MemberExpression, method: string): LibraryKnowledge | undefined {
    const declaration = declarationOf(this.context, callee);
    return declaration?.library?.writes && declaration.name === method ? declaration.library : undefined;
  }

  /**
   * Work that runs in the caller's transaction: through a parameter (a handle passed in), or given one
   * (`{ transaction: t }`, `.transacting(trx)`, `Model.query(trx)` with a parameter).
   */
  private joinsCaller(chain: readonly TSESTree.CallExpression[], fn: FunctionNode, base: TSESTree.Node): boolean {
    const parameterOf = (node: TSESTree.Node): TSESTree.Identifier | undefined => {
      const value = unwrapExpression(node);
      if (value.type !== AST_NODE_TYPES.Identifier) return undefined;
      const variable = ASTUtils.findVariable(this.sourceCode.getScope(value), value);
      const definition = variable?.defs[0];
      return definition?.type === 'Parameter' && definition.name.type === AST_NODE_TYPES.Identifier ? definition.name : undefined;
    };
    /** A parameter that holds a transaction: by its name or its annotation (`trx`, `t: Transaction`, `manager: EntityManager`). */
    const isHandleParameter = (node: TSESTree.Node): boolean => {
      const parameter = parameterOf(node);
      if (!parameter) return false;
      if (handleNames.test(parameter.name)) return true;
      const annotation = parameter.typeAnnotation ? this.sourceCode.getText(parameter.typeAnnotation) : '';
      return handleTypes.test(annotation);
    };
    // The database object itself came in as a parameter: the caller decides what holds it.
    if (parameterOf(this.rootOf(base))) return true;
    for (const call of chain) {
      if (calleeName(call) === 'transacting') return true;
      for (const argument of call.arguments) {
        if (isHandleParameter(argument)) return true;
        const value = unwrapExpression(argument);
        if (value.type !== AST_NODE_TYPES.ObjectExpression) continue;
        for (const property of value.properties) {
          if (property.type === AST_NODE_TYPES.SpreadElement) return true;
          if (staticKeyName(property) === 'transaction') return true;
        }
      }
    }
    void fn;
    return false;
  }

  inLoop(call: TSESTree.Node, fn: FunctionNode): boolean {
    for (let current = call.parent; current && current !== fn; current = current.parent) {
      switch (current.type) {
        case AST_NODE_TYPES.ForStatement:
        case AST_NODE_TYPES.ForInStatement:
        case AST_NODE_TYPES.ForOfStatement:
        case AST_NODE_TYPES.WhileStatement:
        case AST_NODE_TYPES.DoWhileStatement:
          return true;
        default:
          break;
      }
    }
    return false;
  }

  /**
   * Whether a function runs outside any transaction and opens none itself: not a transaction callback
   * (or inside one), not a `@Transactional()` method, no transaction opened in its body (except `BEGIN`
   * sent through a pool, which holds nothing together).
   */
  runsOutsideTransactions(fn: FunctionNode): boolean {
    return this.outsideTransactions(fn);
  }

  private outsideTransactions(fn: FunctionNode): boolean {
    const cached = this.functionVerdicts.get(fn);
    if (cached !== undefined) return cached;
    const verdict = !this.insideOne(fn) && !this.opensOne(fn);
    this.functionVerdicts.set(fn, verdict);
    return verdict;
  }

  private insideOne(fn: FunctionNode): boolean {
    for (let current: TSESTree.Node | undefined = fn; current; current = current.parent) {
      const parent: TSESTree.Node | undefined = current.parent;
      if (isFunctionNode(current) && parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(current as TSESTree.CallExpressionArgument)) {
        const name = calleeName(parent);
        if (name !== undefined && (transactionNames.has(name) || (transactionHelpers.functions as readonly string[]).includes(name))) return true;
      }
      if (parent?.type === AST_NODE_TYPES.MethodDefinition && parent.value === current) {
        for (const decorator of parent.decorators ?? []) {
          const expression = unwrapExpression(decorator.expression);
          const name = referenceName(expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression);
          if (name !== undefined && (transactionHelpers.decorators as readonly string[]).includes(name)) return true;
        }
      }
    }
    return false;
  }

  private opensOne(fn: FunctionNode): boolean {
    let found = false;
    const visit = (node: TSESTree.Node): void => {
      if (found) return;
      if (node.type === AST_NODE_TYPES.CallExpression) {
        const name = calleeName(node);
        if (name !== undefined && transactionNames.has(name)) {
          const scope = transactionScopeOf(this.context, node, { decorators: [], functions: [] });
          if (scope && !this.throughPool(node)) {
            found = true;
            return;
          }
        }
      }
      if (node !== fn && isFunctionNode(node)) return;
      for (const key of this.sourceCode.visitorKeys[node.type] ?? []) {
        const child = (node as unknown as Record<string, unknown>)[key];
        for (const item of Array.isArray(child) ? child : [child]) {
          if (item && typeof item === 'object' && 'type' in item) visit(item as TSESTree.Node);
        }
      }
    };
    visit(fn.body);
    return found;
  }

  /** `pool.query('BEGIN')`: the pool hands the next query to any connection, so nothing is held together. */
  private throughPool(call: TSESTree.CallExpression): boolean {
    const callee = unwrapExpression(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const origin = getLibraryIndex(this.context).originOf(callee.object);
    return origin?.kind === 'instance' && origin.library.writes?.pools?.includes(origin.name) === true;
  }
}
