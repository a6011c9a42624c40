/**
 * What a function of the project does with the database on its own: the summaries the transaction
 * rules read when a call leaves the file they lint (or runs a function of the same file).
 *
 *  - `databaseWorkOf(fn)`: the database work the function runs through objects it did not receive
 *    (a module-level client `import { prisma } from '../lib/db'`, an injected repository, a model class),
 *    first call per client: what `no-outer-client-in-transaction` compares with a transaction's client.
 *  - `helperWriteOf(fn)`: the first awaited write the function makes outside any transaction, through an
 *    object the import or type tier ties to a library (the very test of `writes.ts`): what
 *    `require-multi-write-transaction` counts at the call site.
 *
 * Both are plain data, computed from the libraries' knowledge, once per function node (a module's
 * nodes live as long as its parse is cached), safe against recursion, and bounded: a summary follows
 * the functions its function calls, directly in its body, at most `MAX_REMOTE_DEPTH` modules deep. A
 * walk cut short by the bound is not remembered. Nested functions of the body (callbacks, functions
 * that run later) are not read: precision before recall.
 */
import { ASTUtils, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../../util/node-types';
import { libraries } from '../../knowledge';
import transactionHelpers from '../../knowledge/transaction-helpers';
import type { LibraryKnowledge } from '../../knowledge/types';
import { outermostWrapper, referenceName, staticKeyName, unwrapExpression } from '../../util/ast';
import { isFunctionNode, type FunctionNode } from '../functions';
import { describeFile, getLinks } from '../modules/link';
import { getLibraryIndex } from '../objects/imports';
import { perFile, type AnyRuleContext } from '../per-file';
import { codeKeys } from '../walk';
import { methodName, passesOption, positions } from './handles';
import { mayWrite, WriteReader, type Write } from './writes';

/** One call on the way from the summarised function to the work, with the file it is written in. */
export interface RemoteStep {
  /** How the call reads: `createAuditEntry()`, `prisma.auditLog.create()`. */
  readonly text: string;
  /** The absolute path of the file the call is written in. */
  readonly file: string | undefined;
}

export interface DatabaseUse {
  readonly library: LibraryKnowledge;
  /** The client as written where the work runs: `prisma`, `this.orderRepo`, `AuditLog`. */
  readonly client: string;
  /**
   * What the client is, as the module engine says (the node that creates it, or the class of an
   * injected service): two uses of one client, in two files, have the same identity.
   */
  readonly identity: TSESTree.Node | undefined;
  /** An object that runs on its own connection wherever it comes from, to the library's one database (a repository, a model). */
  readonly standalone: boolean;
  /** A write, by the library's write methods; otherwise a read or other query. */
  readonly write: boolean;
  /** From the first call in the summarised function down to the work; the last step is the work itself. */
  readonly path: readonly RemoteStep[];
}

export interface HelperWrite {
  readonly library: LibraryKnowledge;
  /** Which database, as `writes.ts` names it (`prisma:prisma`, `typeorm`). */
  readonly database: string;
  /** From the first call in the summarised function down to the write; the last step is the write. */
  readonly path: readonly RemoteStep[];
}

/** How many modules deep a summary may follow calls from the linted file. */
const MAX_REMOTE_DEPTH = 3;
/** At most this many uses per function: one per client is enough for any question. */
const MAX_USES = 4;

const databaseLibraries = new Set<LibraryKnowledge>(libraries);

function compact(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 50 ? `${oneLine.slice(0, 47)}…` : oneLine;
}

// ----------------------------------------------------------------------------------------- memo

interface Memo<T> {
  readonly known: WeakMap<FunctionNode, T | null>;
  readonly inProgress: WeakSet<FunctionNode>;
}

let remoteDepth = 0;
/** Set when a walk stopped at the depth bound: its summary is partial, so it is not remembered. */
let boundHit = false;

function memoised<T>(memo: Memo<T>, fn: FunctionNode, compute: () => T | undefined): T | undefined {
  const known = memo.known.get(fn);
  if (known !== undefined) return known ?? undefined;
  if (memo.inProgress.has(fn)) return undefined;
  memo.inProgress.add(fn);
  const outer = boundHit;
  boundHit = false;
  let result: T | undefined;
  try {
    result = compute();
  } finally {
    memo.inProgress.delete(fn);
  }
  if (!boundHit || result !== undefined) memo.known.set(fn, result ?? null);
  boundHit ||= outer;
  return result;
}

/** Runs `ask` one module deeper, or answers nothing at the bound. */
function deeper<T>(crossFile: boolean, ask: () => T | undefined): T | undefined {
  if (!crossFile) return ask();
  if (remoteDepth >= MAX_REMOTE_DEPTH) {
    boundHit = true;
    return undefined;
  }
  remoteDepth++;
  try {
    return ask();
  } finally {
    remoteDepth--;
  }
}

// ---------------------------------------------------------------------------------------- reading

/** The calls that run when the function runs, in source order: its body, not its nested functions. */
function callsOf(context: AnyRuleContext, fn: FunctionNode): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  const keys = context.sourceCode.visitorKeys;
  const visit = (node: TSESTree.Node): void => {
    if (node !== fn.body && (isFunctionNode(node) || node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression)) return;
    for (const key of codeKeys(keys, node.type)) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof item === 'object' && 'type' in item) visit(item as TSESTree.Node);
      }
    }
    // After its children: the innermost call of a chain comes first.
    if (node.type === AST_NODE_TYPES.CallExpression) calls.push(node);
  };
  visit(fn.body);
  return calls;
}

/** A method decorated to run in a transaction (`@Transactional()`): its work joins the caller's through the context. */
function isTransactional(fn: FunctionNode): boolean {
  const parent = fn.parent;
  if (parent?.type !== AST_NODE_TYPES.MethodDefinition) return false;
  return (parent.decorators ?? []).some((decorator) => {
    const expression = unwrapExpression(decorator.expression);
    const name = referenceName(expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression);
    return name !== undefined && (transactionHelpers.decorators as readonly string[]).includes(name);
  });
}

/** Whether a node continues a call chain upwards (`x.y()` where the node is `x`): not the chain's top. */
function continuesChain(node: TSESTree.Node): boolean {
  let current = node;
  while (current.parent && (current.parent.type === AST_NODE_TYPES.TSNonNullExpression || current.parent.type === AST_NODE_TYPES.ChainExpression)) current = current.parent;
  const parent = current.parent;
  return parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === current;
}

/** The calls of a chain from its first up, and the object it starts from (`prisma`, `this.orderRepo`, `knex`). */
function chainOf(top: TSESTree.CallExpression): { readonly calls: TSESTree.CallExpression[]; readonly root: TSESTree.Node } {
  const calls: TSESTree.CallExpression[] = [];
  let current: TSESTree.Node = top;
  for (;;) {
    current = unwrapExpression(current);
    if (current.type === AST_NODE_TYPES.CallExpression) {
      calls.unshift(current);
      current = current.callee;
    } else if (current.type === AST_NODE_TYPES.MemberExpression) {
      if (unwrapExpression(current.object).type === AST_NODE_TYPES.ThisExpression) return { calls, root: current };
      current = current.object;
    } else if (current.type === AST_NODE_TYPES.AwaitExpression) {
      current = current.argument;
    } else {
      return { calls, root: current };
    }
  }
}

/** Whether the chain's root came in as a parameter (of any function): the caller decides what it holds. */
function isParameter(context: AnyRuleContext, root: TSESTree.Node): boolean {
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(root), root);
  return variable?.defs.some((definition) => definition.type === 'Parameter') === true;
}

/** Whether a call's result is waited for where it stands: awaited, returned, or an arrow's result. */
function isWaitedFor(call: TSESTree.Node): boolean {
  const value = outermostWrapper(call);
  if (value.type === AST_NODE_TYPES.AwaitExpression) return true;
  const parent = value.parent;
  return parent?.type === AST_NODE_TYPES.ReturnStatement || (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === value);
}

/**
 * What a client is, in a way that compares across files: the node the module engine says creates it
 * (`new PrismaClient()` in `lib/db.ts`, whichever file imports it), or the project class of an injected
 * field (`this.prisma` typed `PrismaService`).
 */
export function clientIdentity(context: AnyRuleContext, node: TSESTree.Node): TSESTree.Node | undefined {
  const links = getLinks(context);
  if (!links) return undefined;
  const client = unwrapExpression(node);
  if (client.type === AST_NODE_TYPES.MemberExpression && unwrapExpression(client.object).type === AST_NODE_TYPES.ThisExpression) {
    const name = staticKeyName(client);
    let owner: TSESTree.Node | undefined = client.parent;
    while (owner && owner.type !== AST_NODE_TYPES.ClassBody) owner = owner.parent;
    if (name === undefined || !owner) return undefined;
    for (const member of owner.body) {
      if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.static && staticKeyName(member) === name) {
        return annotatedClass(context, member.typeAnnotation?.typeAnnotation) ?? (member.value ? valueNode(context, member.value) : undefined);
      }
      if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
        for (const parameter of member.value.params) {
          if (parameter.type !== AST_NODE_TYPES.TSParameterProperty) continue;
          const inner = parameter.parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.parameter.left : parameter.parameter;
          if (inner.type === AST_NODE_TYPES.Identifier && inner.name === name) return annotatedClass(context, inner.typeAnnotation?.typeAnnotation);
        }
      }
    }
    return undefined;
  }
  return valueNode(context, client);
}

function valueNode(context: AnyRuleContext, node: TSESTree.Node): TSESTree.Node | undefined {
  const value = getLinks(context)?.valueOf(node, 0);
  return value && value.kind !== 'namespace' ? value.node : undefined;
}

function annotatedClass(context: AnyRuleContext, annotation: TSESTree.TypeNode | undefined): TSESTree.Node | undefined {
  if (annotation?.type !== AST_NODE_TYPES.TSTypeReference || annotation.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
  const value = getLinks(context)?.valueOf(annotation.typeName, 0);
  return value?.kind === 'class' ? value.node : undefined;
}

function callText(context: AnyRuleContext, call: TSESTree.CallExpression): string {
  return `${compact(context.sourceCode.getText(call.callee))}()`;
}

// ------------------------------------------------------------------------------------ database work

const workMemo: Memo<readonly DatabaseUse[]> = { known: new WeakMap(), inProgress: new WeakSet() };

/** Names of calls that open a transaction, of any library: work in them is that transaction's, not ours to read. */
const openerNames = new Set(
  libraries.flatMap((library) =>
    (library.transactions ?? []).flatMap((spec) => {
      if (spec.kind === 'statements') return [];
      const callee = spec.kind === 'callback' ? spec.callee : spec.start;
      const names = 'export' in callee ? callee.export : callee.method;
      return (typeof names === 'string' ? [names] : [...names]).map((name) => name.slice(name.lastIndexOf('.') + 1));
    }),
  ),
);

/** The database work one call chain of `fn` runs through an object `fn` did not receive, if it does. */
function useOfChain(context: AnyRuleContext, top: TSESTree.CallExpression): DatabaseUse | undefined {
  const { calls, root } = chainOf(top);
  const last = methodName(top);
  if (calls.length === 0 || last === undefined || openerNames.has(last)) return undefined;
  if (isParameter(context, root)) return undefined;
  const index = getLibraryIndex(context);
  const origin = index.originOf(root);
  if (!origin || origin.kind === 'export' || !databaseLibraries.has(origin.library)) return undefined;
  const library = origin.library;
  const work = library.transactionWork;
  // MikroORM's global `em` follows the open transaction on its own.
  if (!work || work.clientFollows) return undefined;
  const names = calls.map(methodName);
  if (names.some((name) => name !== undefined && (work.joinMethods ?? []).includes(name))) return undefined;
  if ((work.inert ?? []).includes(last)) return undefined;
  const firstMember = root.parent?.type === AST_NODE_TYPES.MemberExpression && root.parent.object === root ? staticKeyName(root.parent) : undefined;
  if (firstMember !== undefined && (work.valueNamespaces ?? []).includes(firstMember)) return undefined;
  // A call that makes another of the library's objects (a repository, a checkout) runs nothing yet; a fluent builder does.
  const made = index.originOf(top);
  if (made && made.kind === 'instance' && !library.fluent?.includes(made.name)) return undefined;
  let standalone = library.writes?.sameDatabase === 'library';
  if (origin.kind === 'subclass') {
    // A model class: only its query methods, and only without the transaction passed on.
    const models = work.models;
    const method = names[0];
    const at = positions(models?.methods, method);
    if (!models || origin.name !== models.base || !at) return undefined;
    const first = calls[0]!;
    const joined = models.joinsBy === 'option' ? passesOption(first, at, work.joinOption?.key ?? 'transaction') : at.some((i) => first.arguments[i] !== undefined);
    if (joined) return undefined;
    standalone = true;
  } else {
    if ((work.outerKinds ?? []).includes(origin.name)) standalone = true;
    if (work.joinOption) {
      const call = calls.find((candidate) => positions(work.joinOption!.methods, methodName(candidate)));
      if (!call || passesOption(call, positions(work.joinOption.methods, methodName(call))!, work.joinOption.key)) return undefined;
    } else if (work.models && !calls.some((call) => positions(work.models!.methods, methodName(call)))) {
      return undefined;
    }
  }
  if (!isWaitedFor(top) && outermostWrapper(top).parent?.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
  const write = names.some((name) => name !== undefined && (library.writes?.methods ?? []).includes(name));
  return {
    library,
    client: compact(context.sourceCode.getText(root)),
    identity: clientIdentity(context, root),
    standalone,
    write,
    path: [{ text: callText(context, top), file: getLinks(context)?.file }],
  };
}

/**
 * The database work `fn` runs through objects it did not receive, first per client (and through the
 * functions it calls), or nothing. A `@Transactional()` method joins its caller's transaction: nothing.
 */
export function databaseWorkOf(context: AnyRuleContext, fn: FunctionNode): readonly DatabaseUse[] {
  return (
    memoised(workMemo, fn, () => {
      if (isTransactional(fn)) return undefined;
      const uses: DatabaseUse[] = [];
      const seen = new Set<string>();
      const add = (use: DatabaseUse): void => {
        const key = `${use.library.id}:${use.client}`;
        if (seen.has(key) || uses.length >= MAX_USES) return;
        seen.add(key);
        uses.push(use);
      };
      const links = getLinks(context);
      for (const call of callsOf(context, fn)) {
        if (uses.length >= MAX_USES) break;
        if (continuesChain(call)) continue;
        const direct = useOfChain(context, call);
        if (direct) {
          add(direct);
          continue;
        }
        const target = links?.calledFunction(call);
        if (!target || target.fn === fn) continue;
        const inner = deeper(target.crossFile, () => databaseWorkOf(target.context, target.fn));
        const step: RemoteStep = { text: callText(context, call), file: links?.file };
        for (const use of inner ?? []) add({ ...use, path: [step, ...use.path] });
      }
      return uses.length > 0 ? uses : undefined;
    }) ?? []
  );
}

// ------------------------------------------------------------------------------------------- writes

const writeMemo: Memo<HelperWrite> = { known: new WeakMap(), inProgress: new WeakSet() };
const readers = perFile((context) => new WriteReader(context));

/** The write reader of a file (linted or reached): its verdicts on functions are shared by every question. */
export function getWriteReader(context: AnyRuleContext): WriteReader {
  return readers(context);
}

/** The first awaited write `fn` makes outside any transaction, directly or through a function it awaits. */
export function helperWriteOf(context: AnyRuleContext, fn: FunctionNode): HelperWrite | undefined {
  return memoised(writeMemo, fn, () => {
    const reader = getWriteReader(context);
    const links = getLinks(context);
    const file = links?.file;
    for (const call of callsOf(context, fn)) {
      if (mayWrite(call)) {
        const found = reader.writeOf(call);
        if (found) {
          if (found.fn !== fn) continue;
          return { library: found.write.library, database: found.write.database, path: [{ text: found.write.text, file }] };
        }
      }
      if (continuesChain(call) || outermostWrapper(call).type !== AST_NODE_TYPES.AwaitExpression) continue;
      const target = links?.calledFunction(call);
      if (!target || target.fn === fn) continue;
      const inner = deeper(target.crossFile, () => helperWriteOf(target.context, target.fn));
      if (inner && reader.runsOutsideTransactions(fn)) return { ...inner, path: [{ text: callText(context, call), file }, ...inner.path] };
    }
    return undefined;
  });
}

function enclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) if (isFunctionNode(current)) return current;
  return undefined;
}

/**
 * A call of a project function that writes on its own, as a write of the caller: awaited where it
 * stands, in a function outside any transaction. Reads the callee's module; ask only when it can matter.
 */
export function helperCallWriteOf(context: AnyRuleContext, call: TSESTree.CallExpression): { readonly write: Write; readonly fn: FunctionNode } | undefined {
  if (continuesChain(call) || outermostWrapper(call).type !== AST_NODE_TYPES.AwaitExpression) return undefined;
  const fn = enclosingFunction(call);
  if (!fn) return undefined;
  const reader = getWriteReader(context);
  if (!reader.runsOutsideTransactions(fn)) return undefined;
  const target = getLinks(context)?.calledFunction(call);
  if (!target || target.fn === fn) return undefined;
  const summary = deeper(target.crossFile, () => helperWriteOf(target.context, target.fn));
  if (!summary) return undefined;
  return {
    fn,
    write: {
      node: call,
      text: callText(context, call),
      through: `it writes ${describePath(context, summary.path)}`,
      library: summary.library,
      database: summary.database,
      inLoop: reader.inLoop(call, fn),
    },
  };
}

/** A path for a message: `` `persist()` (../tx/orders.ts) → `prisma.order.create()` ``, each file named where it changes. */
export function describePath(context: AnyRuleContext, path: readonly RemoteStep[], from?: string): string {
  const own = getLinks(context)?.file;
  let previous = from ?? own;
  return path
    .map((step) => {
      const where = step.file !== undefined && step.file !== previous && step.file !== own ? ` (${describeFile(context, step.file)})` : '';
      previous = step.file ?? previous;
      return `\`${step.text}\`${where}`;
    })
    .join(' → ');
}
