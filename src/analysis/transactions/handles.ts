/**
 * Which database work inside a transaction scope does not run in the transaction: calls through the
 * client that opened it (`prisma.user.create()` inside `prisma.$transaction(async (tx) => …)`), through
 * objects that hold their own connection (an injected TypeORM `Repository`, a MikroORM fork made before),
 * and model calls that do not pass the transaction on (Sequelize without `{ transaction: t }`, Objection's
 * `Person.query()` without `trx`).
 *
 * Builds on `scopes.ts` (where a scope is, its handle) and reads `transactionWork` from the knowledge:
 * which calls run nothing on their own, how a call joins the transaction (the handle, `.transacting(trx)`,
 * an options key, an argument), what the client's companions are.
 *
 * Cross-file: a client or model declared in another file is recognised by shape (the opener's receiver
 * text, PascalCase model names). Work that a call runs in a function of another file is read by
 * `outer-helpers.ts`, from the module summaries of `remote-work.ts`; `scopeClient` is what it shares.
 */
import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../../util/node-types';
import { libraries } from '../../knowledge';
import type { LibraryKnowledge } from '../../knowledge/types';
import type { ArgumentPositions, TransactionWorkSpec } from '../../knowledge/types-transaction-work';
import { childNodes, staticKeyName, unwrapExpression, outermostWrapper } from '../../util/ast';
import { nameList } from '../../util/names';
import { getLinks } from '../modules/link';
import { chainRoot } from '../objects/call-sites';
import { getLibraryIndex } from '../objects/imports';
import { declarationOf, typeDeclarationSite } from '../objects/type-checker';
import type { AnyRuleContext } from '../per-file';
import { codeKeys } from '../walk';
import { isTransactionCallbackParameter, type TransactionScope } from './scopes';

export interface OuterWork {
  /** The call (the whole chain) that runs outside the transaction. */
  readonly node: TSESTree.Node;
  /** How the call reads in a message: `prisma.user.create()`. */
  readonly text: string;
  /** The client it runs through: `prisma`, `this.orderRepo`, `Order`. */
  readonly client: string;
  /** A call that opens a second transaction on the client, or any other work. */
  readonly kind: 'work' | 'transaction';
  /** The library whose reading decided it (its advice goes in the message), when known. */
  readonly work: TransactionWorkSpec | undefined;
  /** The mechanical swap of the client for the handle, when there is one. */
  readonly swap: { readonly range: readonly [number, number]; readonly text: string } | undefined;
}

// ------------------------------------------------------------------------------- knowledge, read once

interface WorkLibrary {
  readonly library: LibraryKnowledge;
  readonly work: TransactionWorkSpec;
}
const workLibraries: WorkLibrary[] = libraries.flatMap((library) => (library.transactionWork ? [{ library, work: library.transactionWork }] : []));

/** What every library agrees runs nothing or joins: the reading for a client whose library is not known. */
const anyWork = {
  inert: new Set(workLibraries.flatMap(({ work }) => work.inert ?? [])),
  valueNamespaces: new Set(workLibraries.flatMap(({ work }) => work.valueNamespaces ?? [])),
  counterparts: new Set(workLibraries.flatMap(({ work }) => work.counterparts ?? [])),
  joinMethods: new Set(workLibraries.flatMap(({ work }) => work.joinMethods ?? [])),
  implicitJoin: [...new Set(workLibraries.flatMap(({ work }) => work.implicitJoin ?? []))],
};

/** Names of the calls that open a transaction, per library (`$transaction`, `transaction`, `tx`, `begin`). */
function openerNamesOf(library: LibraryKnowledge): Set<string> {
  const names = new Set<string>();
  for (const spec of library.transactions ?? []) {
    if (spec.kind === 'statements') continue;
    const callee = spec.kind === 'callback' ? spec.callee : spec.start;
    if ('export' in callee) for (const path of nameList(callee.export)) names.add(path.slice(path.lastIndexOf('.') + 1));
    else for (const name of nameList(callee.method)) names.add(name);
  }
  return names;
}
const openerNamesByLibrary = new Map(libraries.map((library) => [library, openerNamesOf(library)]));
const librariesByOpenerName = new Map<string, LibraryKnowledge[]>();
for (const [library, names] of openerNamesByLibrary) {
  for (const name of names) librariesByOpenerName.set(name, [...(librariesByOpenerName.get(name) ?? []), library]);
}
const allOpenerNames = new Set(librariesByOpenerName.keys());

// ------------------------------------------------------------------------------------------- helpers

function compact(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}…` : oneLine;
}

/** `a`, `this.a`, `a.b.c`: an expression that names an object, whose text can be compared. */
function isPath(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.ThisExpression) return true;
  return node.type === AST_NODE_TYPES.MemberExpression && !node.computed && isPath(unwrapExpression(node.object));
}

/** The object a transaction was opened on: `prisma` in `prisma.$transaction()`, `db` in `db.transaction().execute()`. */
function openerReceiver(opener: TSESTree.Node): TSESTree.Node | undefined {
  if (opener.type !== AST_NODE_TYPES.CallExpression) return undefined;
  let callee = unwrapExpression(opener.callee);
  for (;;) {
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const object = unwrapExpression(callee.object);
    if (object.type !== AST_NODE_TYPES.CallExpression) return object;
    callee = unwrapExpression(object.callee);
  }
}

/** The method a call calls by name: `save` of `repo.save(x)`. */
export function methodName(call: TSESTree.Node): string | undefined {
  const callee = call.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(call.callee) : undefined;
  return callee?.type === AST_NODE_TYPES.MemberExpression ? staticKeyName(callee) : undefined;
}

function isPascalCase(name: string | undefined): boolean {
  return name !== undefined && /^[A-Z][a-z0-9]\w*$/.test(name);
}

/** Where a method of the table takes its options (one position or several), if the table lists it. */
export function positions(table: ArgumentPositions | undefined, method: string | undefined): readonly number[] | undefined {
  if (!table || method === undefined || !Object.hasOwn(table, method)) return undefined;
  const value = table[method]!;
  return typeof value === 'number' ? [value] : value;
}

/** Whether one of the options arguments holds the key (or is not an object literal we can read: then we do not guess). */
export function passesOption(call: TSESTree.CallExpression, at: readonly number[], key: string): boolean {
  for (const index of at) {
    const argument = call.arguments[index];
    if (!argument) continue;
    const value = unwrapExpression(argument);
    if (value.type !== AST_NODE_TYPES.ObjectExpression) {
      // A variable, a call: the options may hold it. An array or a string at an alternative position is not options.
      if (value.type !== AST_NODE_TYPES.ArrayExpression && value.type !== AST_NODE_TYPES.Literal && value.type !== AST_NODE_TYPES.TemplateLiteral) return true;
      continue;
    }
    for (const property of value.properties) {
      if (property.type === AST_NODE_TYPES.SpreadElement) return true;
      if (staticKeyName(property) === key) return true;
    }
  }
  return false;
}

const promiseCombinators = new Set(['all', 'allSettled', 'race', 'any']);

/**
 * Whether a call chain runs where it stands: awaited, returned, a statement, an arrow's result, kept in a
 * variable, or an element of `Promise.all([…])`. A chain passed to another call, put in an object or a
 * template is a fragment of something else (`trx('t').update({ at: knex.fn.now() })`, `$transaction([…])`).
 */
function runsWhereItStands(chain: TSESTree.Node): boolean {
  const value = outermostWrapper(chain);
  const parent = value.parent;
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.ExpressionStatement:
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.VariableDeclarator:
    case AST_NODE_TYPES.AssignmentExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.ForOfStatement:
      return true;
    case AST_NODE_TYPES.ArrayExpression: {
      const call = parent.parent;
      return call?.type === AST_NODE_TYPES.CallExpression && call.arguments[0] === parent && promiseCombinators.has(methodName(call) ?? '');
    }
    default:
      // `await (x ?? prisma.user.findFirst())` and the like: an await around the chain runs it.
      return value !== chain && value.type === AST_NODE_TYPES.AwaitExpression;
  }
}

/** A call chain from its first call up: `knex('t').where().update()` → [`knex('t')`, `.where()`, `.update()`]. */
function chainCalls(top: TSESTree.Node): { readonly calls: TSESTree.Node[]; readonly base: TSESTree.Node } {
  const calls: TSESTree.Node[] = [];
  let current: TSESTree.Node = top;
  for (;;) {
    if (current.type === AST_NODE_TYPES.CallExpression) {
      calls.unshift(current);
      const callee = unwrapExpression(current.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        const object = unwrapExpression(callee.object);
        if (object.type === AST_NODE_TYPES.CallExpression || object.type === AST_NODE_TYPES.TaggedTemplateExpression) {
          current = object;
          continue;
        }
        return { calls, base: object };
      }
      return { calls, base: callee };
    }
    if (current.type === AST_NODE_TYPES.TaggedTemplateExpression) {
      calls.unshift(current);
      return { calls, base: unwrapExpression(current.tag) };
    }
    return { calls, base: current };
  }
}

/** Whether a node continues a call chain upwards (`x.y()` where the node is `x`), so it is not a chain's top. */
function continuesChain(node: TSESTree.Node): boolean {
  let current = node;
  while (current.parent && (current.parent.type === AST_NODE_TYPES.TSNonNullExpression || current.parent.type === AST_NODE_TYPES.ChainExpression)) {
    current = current.parent;
  }
  const parent = current.parent;
  return parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === current;
}

// ------------------------------------------------------------------------------------------ the reading

type Role = { readonly role: 'handle' } | { readonly role: 'client'; readonly node: TSESTree.Node };

class ScopeReading {
  private readonly sourceCode: Readonly<TSESLint.SourceCode>;
  private readonly handleTexts = new Set<string>();
  private readonly clientTexts = new Set<string>();
  private readonly roles = new Map<TSESTree.Node, Role | undefined>();
  private readonly scopeNode: TSESTree.Node;
  readonly handleName: string | undefined;
  /** Set when the library is known: by import, by type, or an opener name only it has. */
  private readonly work: TransactionWorkSpec | undefined;
  private modelWork: TransactionWorkSpec | undefined;
  readonly findings: OuterWork[] = [];
  private readonly libraryOpeners: ReadonlySet<string>;
  /** Whether the client can be swapped for a region's handle: a result handle (`knex` → `trx`) or a checkout that ran `BEGIN` (`pool` → `client`). */
  private readonly swapsInRegion: boolean = true;

  constructor(
    private readonly context: AnyRuleContext,
    private readonly scope: TransactionScope,
    receiver: TSESTree.Node | undefined,
    private readonly known: LibraryKnowledge | undefined,
  ) {
    this.sourceCode = context.sourceCode;
    this.scopeNode = scope.kind === 'function' ? scope.body : scope.container;
    const library = known ?? scope.library;
    this.work = known?.transactionWork;
    this.libraryOpeners = library ? (openerNamesByLibrary.get(library) ?? allOpenerNames) : allOpenerNames;
    const counterparts = this.work ? new Set(this.work.counterparts ?? []) : anyWork.counterparts;

    if (scope.kind === 'function') {
      for (const parameter of scope.body.params) {
        const node = parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.left : parameter;
        if (node.type === AST_NODE_TYPES.Identifier) this.handleTexts.add(node.name);
      }
      this.handleName = scope.handle?.name;
    } else {
      this.handleTexts.add(scope.handleText);
      this.handleName = scope.handleText;
    }

    let client = receiver;
    if (scope.kind === 'region' && receiver && this.text(receiver) === scope.handleText) {
      // `queryRunner.startTransaction()`, `client.query('BEGIN')`: the client is what the handle was checked out from.
      client = checkoutSource(this.sourceCode, receiver);
      // `pool.query()` → `client.query()` is mechanical; `ds.getRepository()` → `queryRunner…` is not.
      const name = methodName(scope.opener);
      this.swapsInRegion = library?.transactions?.some((spec) => spec.kind === 'statements' && spec.methods.includes(name ?? '')) === true;
    }
    const follows = this.work?.clientFollows;
    if (client && isPath(client) && !(follows && scope.kind === 'function' && !isForkedOutside(this.sourceCode, client, follows.forks, this.scopeNode))) {
      const text = this.text(client);
      if (!this.handleTexts.has(text)) {
        this.clientTexts.add(text);
        if (client.type === AST_NODE_TYPES.MemberExpression && counterparts.has(staticKeyName(client) ?? '')) {
          this.clientTexts.add(this.text(unwrapExpression(client.object)));
        }
      }
    }
  }

  private text(node: TSESTree.Node): string {
    return compact(this.sourceCode.getText(node));
  }

  /** Whether the scope already passes its handle the way an option-joining or argument-joining library wants. */
  private evidenceFor(work: TransactionWorkSpec): boolean {
    const key = work.joinOption?.key;
    let found = false;
    const visit = (node: TSESTree.Node): void => {
      if (found) return;
      if (key && node.type === AST_NODE_TYPES.Property && staticKeyName(node) === key) {
        const value = unwrapExpression(node.value);
        if (value.type === AST_NODE_TYPES.Identifier && this.handleTexts.has(value.name)) found = true;
      }
      if (work.models?.joinsBy === 'argument' && node.type === AST_NODE_TYPES.CallExpression && positions(work.models.methods, methodName(node))) {
        if (node.arguments.some((argument) => this.roleOf(argument)?.role === 'handle')) found = true;
      }
      for (const childKey of codeKeys(this.sourceCode.visitorKeys, node.type)) {
        const child = (node as unknown as Record<string, unknown>)[childKey];
        for (const item of Array.isArray(child) ? child : [child]) {
          if (item && typeof item === 'object' && 'type' in item) visit(item as TSESTree.Node);
        }
      }
    };
    visit(this.scopeNode);
    return found;
  }

  /** The library reading for model calls: the known library's, or the one whose way of joining the scope already uses. */
  private modelReading(): TransactionWorkSpec | undefined {
    if (this.work) return this.work.models ? this.work : undefined;
    if (this.modelWork === undefined) {
      const found = workLibraries.find(({ work }) => work.models?.byShape && this.evidenceFor(work));
      this.modelWork = found?.work ?? ({ advice: '' } as TransactionWorkSpec);
    }
    return this.modelWork.models ? this.modelWork : undefined;
  }

  /** What an expression is to this transaction: its handle (or made from it), the outer client, a model, or nothing known. */
  roleOf(expression: TSESTree.Node, depth = 0): Role | undefined {
    const node = unwrapExpression(expression);
    if (this.roles.has(node)) return this.roles.get(node);
    this.roles.set(node, undefined);
    const role = depth > 8 ? undefined : this.resolveRole(node, depth);
    this.roles.set(node, role);
    return role;
  }

  private resolveRole(node: TSESTree.Node, depth: number): Role | undefined {
    if (node.type === AST_NODE_TYPES.Identifier || (node.type === AST_NODE_TYPES.MemberExpression && isPath(node))) {
      const text = this.text(node);
      if (this.handleTexts.has(text)) return { role: 'handle' };
      if (this.clientTexts.has(text)) return { role: 'client', node };
    }
    switch (node.type) {
      case AST_NODE_TYPES.Identifier:
        return this.identifierRole(node, depth);
      case AST_NODE_TYPES.MemberExpression: {
        const object = unwrapExpression(node.object);
        if (object.type === AST_NODE_TYPES.ThisExpression) return this.objectKindRole(node);
        const inner = this.roleOf(object, depth + 1);
        if (inner) return inner;
        // `models.Order`, `db.Order`: a model reached through a registry.
        return undefined;
      }
      case AST_NODE_TYPES.CallExpression:
        return this.roleOf(node.callee, depth + 1);
      case AST_NODE_TYPES.TaggedTemplateExpression:
        return this.roleOf(node.tag, depth + 1);
      case AST_NODE_TYPES.AwaitExpression:
        return this.roleOf(node.argument, depth + 1);
      default:
        return undefined;
    }
  }

  private identifierRole(identifier: TSESTree.Identifier, depth: number): Role | undefined {
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(identifier), identifier);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!variable || !definition) return undefined;
    if (definition.type === 'Parameter') {
      // A nested transaction's handle, or a bound model of Objection's `transaction(Person, async (Person, trx) => …)`.
      if (isTransactionCallbackParameter(this.sourceCode, identifier)) return { role: 'handle' };
      return undefined;
    }
    if (definition.type === 'Variable' && definition.node.id === definition.name && definition.node.init) {
      if (variable.references.some((ref) => ref.isWrite() && ref.identifier !== definition.name)) return undefined;
      const follows = this.work?.clientFollows;
      if (follows && isForkedOutside(this.sourceCode, identifier, follows.forks, this.scopeNode)) return { role: 'client', node: identifier };
      const inner = this.roleOf(definition.node.init, depth + 1);
      if (inner) return inner;
    }
    if (!contains(this.scopeNode, definition.name)) return this.objectKindRole(identifier);
    return undefined;
  }

  /** An injected repository or entity manager (`this.orderRepo`), declared outside the scope: by import, then by type. */
  private objectKindRole(node: TSESTree.Node): Role | undefined {
    const work = this.work;
    const library = this.known;
    if (!work?.outerKinds || !library) return undefined;
    const origin = getLibraryIndex(this.context).originOf(node);
    if (origin) {
      return origin.library === library && origin.kind === 'instance' && work.outerKinds.includes(origin.name) ? { role: 'client', node } : undefined;
    }
    const site = typeDeclarationSite(this.context, node);
    if (!site?.packageName || !library.packages.includes(site.packageName)) return undefined;
    const kind = library.instanceTypes?.[site.name];
    return kind && work.outerKinds.includes(kind) ? { role: 'client', node } : undefined;
  }

  // ------------------------------------------------------------------------------------------ walking

  walk(): void {
    const start = this.scope.kind === 'function' ? this.scope.body.body : this.scope.container;
    this.visit(start);
  }

  private visit(node: TSESTree.Node): void {
    if ((node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.TaggedTemplateExpression) && !continuesChain(node)) {
      if (this.checkChain(node)) return;
    }
    for (const key of codeKeys(this.sourceCode.visitorKeys, node.type)) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof item === 'object' && 'type' in item) this.visit(item as TSESTree.Node);
      }
    }
  }

  /** Checks one call chain; true when it was reported as a second transaction (its callback is that transaction's to check). */
  private checkChain(top: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression): boolean {
    const { calls } = chainCalls(top);
    if (calls.includes(this.scope.opener)) return false;
    const first = calls[0];
    if (!first) return false;
    if (first.type !== AST_NODE_TYPES.CallExpression && first.type !== AST_NODE_TYPES.TaggedTemplateExpression) return false;
    const role = this.roleOf(first.type === AST_NODE_TYPES.CallExpression ? first.callee : first.tag);
    if (role?.role === 'handle') return false;
    if (this.scope.kind === 'region' && !this.scope.inside(top)) return false;
    if (role?.role === 'client') return this.checkClientCall(top, calls, role.node);
    return this.checkModelCall(top, calls);
  }

  private checkClientCall(top: TSESTree.Node, calls: readonly TSESTree.Node[], client: TSESTree.Node): boolean {
    // Unknown library: the reading of the one whose way of joining the scope already uses (`transaction: t`).
    const work = this.work ?? (this.modelReading()?.joinOption ? this.modelReading() : undefined);
    const last = methodName(top);
    const names = calls.map(methodName);
    // `knex.fn.now()`: the member right after the client.
    const firstMember = client.parent?.type === AST_NODE_TYPES.MemberExpression && client.parent.object === client ? staticKeyName(client.parent) : undefined;
    const valueNamespaces = work ? new Set(work.valueNamespaces ?? []) : anyWork.valueNamespaces;
    if (firstMember !== undefined && valueNamespaces.has(firstMember)) return false;

    const opensTransaction = last !== undefined && this.libraryOpeners.has(last);
    if (opensTransaction) {
      this.report(top, calls, client, 'transaction');
      return true;
    }
    const inert = work ? new Set(work.inert ?? []) : anyWork.inert;
    if (last !== undefined && inert.has(last)) return false;
    if (!runsWhereItStands(top)) return false;
    const joinMethods = work ? new Set(work.joinMethods ?? []) : anyWork.joinMethods;
    if (names.some((name) => name !== undefined && joinMethods.has(name))) return false;
    if (work?.models && !work.joinOption && !calls.some((call) => positions(work.models!.methods, methodName(call)))) {
      // Objection: the client is a model class; only its query methods run anything (`Person.fromJson()` does not).
      return false;
    }
    if (work?.joinOption) {
      // Sequelize: only the methods that run a query, and only without the transaction in their options.
      const call = calls.find((c) => positions(work.joinOption!.methods, methodName(c)));
      if (!call || call.type !== AST_NODE_TYPES.CallExpression) return false;
      if (passesOption(call, positions(work.joinOption.methods, methodName(call))!, work.joinOption.key)) return false;
    } else if (calls.some((call) => call.type === AST_NODE_TYPES.CallExpression && this.handsOverHandle(call))) {
      // The handle passed along joins the transaction, whatever the library calls the option.
      return false;
    }
    this.report(top, calls, client, 'work', work);
    return false;
  }

  private checkModelCall(top: TSESTree.Node, calls: readonly TSESTree.Node[]): boolean {
    const first = calls[0]!;
    if (first.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = unwrapExpression(first.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const method = staticKeyName(callee);
    if (method === undefined || !runsWhereItStands(top)) return false;
    // The cheap test first: a method a model spec of any library lists.
    if (!workLibraries.some(({ work }) => positions(work.models?.methods ?? {}, method) || positions(work.models?.instanceMethods ?? {}, method))) return false;
    const work = this.modelReading();
    const models = work?.models;
    if (!work || !models) return false;
    const receiver = unwrapExpression(callee.object);
    const joinedAt = (positionsOf: readonly number[]): boolean =>
      models.joinsBy === 'option'
        ? passesOption(first, positionsOf, work.joinOption?.key ?? 'transaction')
        : positionsOf.some((index) => first.arguments[index] !== undefined);
    const staticAt = positions(models.methods, method);
    const instanceAt = positions(models.instanceMethods ?? {}, method);
    // Joined whether it is the model's static method or a row's: nothing to report, and no question for the type checker.
    if ((!staticAt || joinedAt(staticAt)) && (!instanceAt || joinedAt(instanceAt))) return false;
    let at = staticAt;
    let isModel = at !== undefined && this.isModel(receiver, callee, models.base, models.byShape === true, method);
    if (!isModel) {
      at = instanceAt;
      isModel = at !== undefined && this.isModelInstance(receiver);
    }
    if (!isModel || !at) return false;
    const joinMethods = new Set(work.joinMethods ?? []);
    if (calls.some((call) => joinMethods.has(methodName(call) ?? ''))) return false;
    if (joinedAt(at)) return false;
    this.report(top, calls, receiver, 'work', work);
    return false;
  }

  private isModel(receiver: TSESTree.Node, callee: TSESTree.MemberExpression, baseExport: string, byShape: boolean, method: string): boolean {
    const origin = getLibraryIndex(this.context).originOf(receiver);
    if (origin) return origin.kind === 'subclass' && origin.name === baseExport;
    // A parameter of the transaction callback is a bound model (Objection), never an outer one.
    if (receiver.type === AST_NODE_TYPES.Identifier && this.handleTexts.has(receiver.name)) return false;
    // Typed: the method must be a model method a library declares, not the user's own `Cache.update()`.
    const declaration = declarationOf(this.context, callee);
    if (declaration) return declaration.library?.transactionWork?.models !== undefined && declaration.name === method;
    if (!byShape) return false;
    const name = receiver.type === AST_NODE_TYPES.Identifier ? receiver.name : receiver.type === AST_NODE_TYPES.MemberExpression ? staticKeyName(receiver) : undefined;
    return isPascalCase(name) && this.isDeclared(receiver);
  }

  /** `Order`, `models.Order`: the name a model is reached by is imported or declared in this file (`Math.max`, `Object.create` are not). */
  private isDeclared(receiver: TSESTree.Node): boolean {
    let root = receiver;
    while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrapExpression(root.object);
    if (root.type === AST_NODE_TYPES.ThisExpression) return true;
    if (root.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(root), root);
    return variable !== null && variable.defs.length > 0;
  }

  /** `order` in `const order = await Order.findByPk(id, …)`: an instance a model call returned, in this scope. */
  private isModelInstance(receiver: TSESTree.Node): boolean {
    if (receiver.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(receiver), receiver);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (definition?.type !== 'Variable' || definition.node.id !== definition.name || !definition.node.init) return false;
    const init = unwrapExpression(definition.node.init);
    const call = init.type === AST_NODE_TYPES.AwaitExpression ? unwrapExpression(init.argument) : init;
    if (call.type !== AST_NODE_TYPES.CallExpression) return false;
    return this.modelCallee(call);
  }

  private modelCallee(call: TSESTree.CallExpression): boolean {
    const callee = unwrapExpression(call.callee);
    const models = this.modelReading()?.models;
    if (!models || callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const method = staticKeyName(callee);
    if (!method || !/^(find|create)/.test(method) || !positions(models.methods, method)) return false;
    const receiver = unwrapExpression(callee.object);
    return this.isModel(receiver, callee, models.base, models.byShape === true, method);
  }

  /** The handle passed as an argument, or as a property of an options argument: `db.none(sql, values, trx)`, `{ transaction: t }`. */
  private handsOverHandle(call: TSESTree.CallExpression): boolean {
    for (const argument of call.arguments) {
      const value = unwrapExpression(argument);
      if (this.derivesFromHandle(value)) return true;
      if (value.type === AST_NODE_TYPES.ObjectExpression) {
        for (const property of value.properties) {
          if (property.type === AST_NODE_TYPES.Property && this.derivesFromHandle(unwrapExpression(property.value))) return true;
        }
      }
    }
    return false;
  }

  /** The handle, or something read or called off it: `trx`, `trx.get()` (Strapi's wrapper hands over the Knex transaction so), `queryRunner.manager`. */
  private derivesFromHandle(value: TSESTree.Node): boolean {
    const root = chainRoot(value);
    return root.type === AST_NODE_TYPES.Identifier && this.handleTexts.has(root.name);
  }

  private report(top: TSESTree.Node, calls: readonly TSESTree.Node[], client: TSESTree.Node, kind: OuterWork['kind'], work = this.work): void {
    const first = calls[0]!;
    const callee = first.type === AST_NODE_TYPES.CallExpression ? first.callee : first.type === AST_NODE_TYPES.TaggedTemplateExpression ? first.tag : first;
    const text = first.type === AST_NODE_TYPES.TaggedTemplateExpression ? `${this.text(callee)}\`…\`` : `${this.text(callee)}()`;
    let swap: OuterWork['swap'];
    // Only a client written in the reported call itself is swapped (not one a variable outside it holds).
    const inCall = client.range[0] >= top.range[0] && client.range[1] <= top.range[1];
    if (!inCall) {
      swap = undefined;
    } else if (kind === 'work' && work?.swap && this.handleName && this.scope.kind === 'function' && this.clientTexts.has(this.text(client))) {
      // `dataSource.manager.save()` → `manager.save()`: the counterpart goes with the client.
      const parent = client.parent;
      const counterpart =
        parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === client && (work.counterparts ?? []).includes(staticKeyName(parent) ?? '')
          ? parent
          : client;
      swap = { range: counterpart.range, text: this.handleName };
    } else if (kind === 'work' && work?.swap && this.handleName && this.scope.kind === 'region' && this.swapsInRegion && this.clientTexts.has(this.text(client)) && isPath(unwrapExpression(client))) {
      // A region's handle is the same kind of object as its client only for a checkout (`pool` → `client`) or a result handle (`knex` → `trx`).
      swap = { range: client.range, text: this.handleName };
    }
    // A client held in a variable reads as that variable: `tickets.delete()` goes through `tickets`.
    let shown: TSESTree.Node = client;
    if (!inCall) {
      shown = unwrapExpression(callee);
      while (shown.type === AST_NODE_TYPES.MemberExpression) shown = unwrapExpression(shown.object);
    }
    this.findings.push({ node: top, text, client: this.text(shown), kind, work, swap });
  }
}

function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

/** `client` in `const client = await pool.connect()` → `pool`; `this.dataSource` for `const qr = this.dataSource.createQueryRunner()`. */
function checkoutSource(sourceCode: Readonly<TSESLint.SourceCode>, handle: TSESTree.Node): TSESTree.Node | undefined {
  if (handle.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(sourceCode.getScope(handle), handle);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== 'Variable' || !definition.node.init) return undefined;
  let init = unwrapExpression(definition.node.init);
  if (init.type === AST_NODE_TYPES.AwaitExpression) init = unwrapExpression(init.argument);
  if (init.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = unwrapExpression(init.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const object = unwrapExpression(callee.object);
  return isPath(object) ? object : undefined;
}

/** A variable made by `x.fork()` before the scope (MikroORM): a context of its own. */
function isForkedOutside(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node, forks: readonly string[], scopeNode: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== 'Variable' || !definition.node.init || contains(scopeNode, definition.name)) return false;
  let init = unwrapExpression(definition.node.init);
  if (init.type === AST_NODE_TYPES.AwaitExpression) init = unwrapExpression(init.argument);
  return init.type === AST_NODE_TYPES.CallExpression && forks.includes(methodName(init) ?? '');
}

/**
 * The library of the opener, when it is known: by import (the receiver's origin), by type, or because only one
 * library opens transactions by that name. A region opened by SQL text (`client.query('BEGIN')`) belongs to the
 * library of the client that sent it.
 */
function knownLibrary(context: AnyRuleContext, scope: TransactionScope, receiver: TSESTree.Node | undefined): LibraryKnowledge | undefined {
  const library = scope.library;
  if (!library) return undefined;
  if (receiver) {
    const origin = getLibraryIndex(context).originOf(receiver);
    if (origin) return origin.library.transactionWork ? origin.library : undefined;
  }
  const opener = scope.opener;
  if (opener.type !== AST_NODE_TYPES.CallExpression) return undefined;
  let callee = unwrapExpression(opener.callee);
  // The call that names the API: `db.transaction()` of `db.transaction().execute()`.
  while (callee.type === AST_NODE_TYPES.MemberExpression && unwrapExpression(callee.object).type === AST_NODE_TYPES.CallExpression) {
    const inner = unwrapExpression(callee.object) as TSESTree.CallExpression;
    callee = unwrapExpression(inner.callee);
  }
  const name = callee.type === AST_NODE_TYPES.MemberExpression ? staticKeyName(callee) : undefined;
  const only = name === undefined ? undefined : librariesByOpenerName.get(name);
  if (only?.length === 1 && only[0] === library) return library;
  const declaration = declarationOf(context, callee);
  return declaration?.library?.transactionWork ? declaration.library : undefined;
}

/**
 * For a transaction recognised by shape only: does it look like a database's? It hands its callback a handle
 * (a callback without one is CLS-style or another library's: Dexie's `db.transaction('rw', db.friends, async () => …)`),
 * and a string before the callback is an isolation level, not an access mode (`'rw'`, `'readonly'`).
 */
function looksLikeDatabaseTransaction(scope: TransactionScope): boolean {
  if (scope.kind === 'region') return true;
  if (scope.body.params.length === 0) return false;
  const opener = scope.opener;
  if (opener.type !== AST_NODE_TYPES.CallExpression) return false;
  for (const argument of opener.arguments) {
    if (argument === scope.body) break;
    if (argument.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string' && !/^(read|repeatable|serializable|snapshot)\b/i.test(argument.value)) {
      return false;
    }
  }
  return true;
}

/** Whether a call anywhere in the file makes queries join the open transaction on their own (`Sequelize.useCLS()`). */
function joinsImplicitly(context: AnyRuleContext, work: TransactionWorkSpec | undefined): boolean {
  const names = work ? (work.implicitJoin ?? []) : anyWork.implicitJoin;
  const text = context.sourceCode.text;
  return names.some((name) => text.includes(`.${name}(`));
}

/**
 * Whether the module that creates the transaction's client turns implicit joining on: `Sequelize.useCLS(ns)`
 * is called where the app makes its Sequelize (`export const sequelize = new Sequelize(…)` in `./db`), the
 * way Sequelize's docs show it. Read only for a library that can join implicitly, and only that one module.
 */
function clientModuleJoinsImplicitly(context: AnyRuleContext, receiver: TSESTree.Node | undefined, work: TransactionWorkSpec | undefined): boolean {
  const names = work ? (work.implicitJoin ?? []) : anyWork.implicitJoin;
  if (names.length === 0 || receiver?.type !== AST_NODE_TYPES.Identifier) return false;
  const value = getLinks(context)?.valueOf(receiver, 0);
  return value !== undefined && value.context.sourceCode.ast !== context.sourceCode.ast && joinsImplicitly(value.context, work);
}

// --------------------------------------------------------------------------------------------- entry

/**
 * The database work in `scope` that runs outside it. `scope` must be confirmed (not tentative). Scopes
 * without a library (decorators, the user's helpers) have no client to compare with: nothing is answered.
 */
export function outerWorkIn(context: AnyRuleContext, scope: TransactionScope, implicitJoin = false): readonly OuterWork[] {
  const client = scopeClient(context, scope, implicitJoin);
  if (!client) return [];
  const reading = new ScopeReading(context, scope, client.receiver, client.known);
  reading.walk();
  return reading.findings;
}

/** The client a scope was opened on and its library, when the scope is one whose outer work can be judged at all. */
export interface ScopeClient {
  readonly receiver: TSESTree.Node | undefined;
  /** Known by import, type, or an opener name only it has. */
  readonly known: LibraryKnowledge | undefined;
  readonly library: LibraryKnowledge;
}

/**
 * The questions `outerWorkIn` asks before it reads a scope, for the readers of work in other files
 * (`outer-helpers.ts`): undefined when the scope has no client to compare with, is a savepoint, runs
 * synchronously on one connection, does not look like a database's, or joins queries implicitly.
 */
export function scopeClient(context: AnyRuleContext, scope: TransactionScope, implicitJoin = false): ScopeClient | undefined {
  if (!scope.library) return undefined;
  const receiver = openerReceiver(scope.opener);
  // A transaction opened on another transaction's handle (a savepoint) has that handle as its client: not ours to judge.
  if (receiver?.type === AST_NODE_TYPES.Identifier && isTransactionCallbackParameter(context.sourceCode, receiver)) return undefined;
  // A synchronous callback that returns no pending work: the driver runs it synchronously on its one connection
  // (better-sqlite3's `db.transaction(fn)`, bun:sqlite, Durable Objects through Drizzle), where client and handle are one.
  if (scope.kind === 'function' && !scope.body.async && !returnsWork(scope.body)) return undefined;
  const known = knownLibrary(context, scope, receiver);
  if (!known && !looksLikeDatabaseTransaction(scope)) return undefined;
  const library = known ?? scope.library;
  // The team says the app turns implicit joining on somewhere the rule does not read (the `cls` option).
  if (implicitJoin && (library.transactionWork?.implicitJoin?.length ?? 0) > 0) return undefined;
  if (joinsImplicitly(context, known?.transactionWork) || clientModuleJoinsImplicitly(context, receiver, known?.transactionWork)) return undefined;
  return { receiver, known, library };
}

/** Whether a call anywhere in the file makes the library's queries join the open transaction on their own (`Sequelize.useCLS()`). */
export function joinsImplicitlyIn(context: AnyRuleContext, library: LibraryKnowledge): boolean {
  return joinsImplicitly(context, library.transactionWork);
}

/** A value that may be a promise of the work: a call (`trx('t').insert(…)`, `Promise.all(…)`), not `rows.length`. */
function isPendingWork(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  return value.type === AST_NODE_TYPES.CallExpression || value.type === AST_NODE_TYPES.NewExpression || value.type === AST_NODE_TYPES.TaggedTemplateExpression;
}

/** Whether a synchronous callback hands a promise of its work back to the library: it returns a call's result. */
function returnsWork(fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration): boolean {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return isPendingWork(fn.body);
  let found = false;
  const visit = (node: TSESTree.Node): void => {
    if (found) return;
    if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument && isPendingWork(node.argument)) {
      found = true;
      return;
    }
    if (node !== fn.body && (node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.FunctionDeclaration)) return;
    for (const [, child] of childNodes(node)) visit(child);
  };
  visit(fn.body);
  return found;
}

/** For a message: the handle's name, when the scope has one. */
export function handleNameOf(scope: TransactionScope): string | undefined {
  return scope.kind === 'function' ? scope.handle?.name : scope.handleText;
}
