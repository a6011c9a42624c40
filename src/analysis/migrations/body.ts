/**
 * What a migration's `up` and `down` do, read from their bodies: whether `down` does nothing, what
 * `up`'s operations are (so a message can say what `down` must undo and propose a name), whether a
 * tool can reverse `up` by itself, and whether a comment or an error message documents an
 * irreversible migration with a reason.
 */
import { type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../../util/node-types';
import { migrationConventions } from '../../knowledge/migrations';
import type { MigrationToolKnowledge, OperationSpec } from '../../knowledge/types-migrations';
import { childNodes, staticKeyName, unwrapExpression } from '../../util/ast';
import { callbackParameters, type FunctionNode } from './detect';
import { saysWhy } from './reasons';

export { saysWhy };

type SourceCode = Readonly<TSESLint.SourceCode>;

// ------------------------------------------------------------------------------------------------
// Does `down` do anything?

export type EmptyReason = 'empty' | 'comments' | 'todo' | 'return' | 'callback' | 'blank-sql' | 'empty-builder' | 'log';

export type DownBody =
  | { readonly kind: 'work' }
  | { readonly kind: 'empty'; readonly reason: EmptyReason }
  /** The body only throws (after no-ops): `message` is the error's static text, when it has one. */
  | { readonly kind: 'throws'; readonly message: string | undefined; readonly node: TSESTree.ThrowStatement };

const noOpCalls = migrationConventions.noOpCalls;
const sqlMethods = new Set(migrationConventions.sqlMethods);
const emptyBuilderMethods = new Set(migrationConventions.emptyBuilderMethods);

/** `console.log` → ['console', 'log']; undefined for computed or call-based callees. */
function calleePath(node: TSESTree.Node): string[] | undefined {
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.Identifier) return [value.name];
  if (value.type === AST_NODE_TYPES.ThisExpression) return ['this'];
  if (value.type === AST_NODE_TYPES.MemberExpression) {
    const key = staticKeyName(value);
    const object = calleePath(value.object);
    return key !== undefined && object ? [...object, key] : undefined;
  }
  return undefined;
}

function matchesCallPattern(path: readonly string[], pattern: string): boolean {
  const parts = pattern.split('.');
  if (parts[parts.length - 1] === '*') return path.length === parts.length && parts.slice(0, -1).every((part, i) => part === path[i]);
  if (parts.length === path.length) return parts.every((part, i) => part === path[i]);
  // `this.logger.info` matches `logger.*`.
  return false;
}

function isBlankText(node: TSESTree.Node | undefined): boolean {
  if (!node) return false;
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.Literal) return typeof value.value === 'string' && value.value.trim() === '';
  if (value.type === AST_NODE_TYPES.TemplateLiteral) return value.expressions.length === 0 && (value.quasis[0]?.value.cooked ?? '').trim() === '';
  return false;
}

function isEmptyFunction(node: TSESTree.Node | undefined): boolean {
  if (!node) return false;
  const value = unwrapExpression(node);
  if (value.type !== AST_NODE_TYPES.ArrowFunctionExpression && value.type !== AST_NODE_TYPES.FunctionExpression) return false;
  return value.body.type === AST_NODE_TYPES.BlockStatement && value.body.body.length === 0;
}

/** A blank `sql` tagged template (`sql\`\``), possibly executed: `sql\`\`.execute(db)`. */
function isBlankTaggedSql(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.TaggedTemplateExpression) {
    const tag = calleePath(value.tag);
    return tag?.[tag.length - 1] === 'sql' && value.quasi.expressions.length === 0 && (value.quasi.quasis[0]?.value.cooked ?? '').trim() === '';
  }
  if (value.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.MemberExpression) return isBlankTaggedSql(value.callee.object);
  return false;
}

/** The no-op an expression amounts to, or undefined when it may do something. */
function noOpExpression(node: TSESTree.Node, callbacks: ReadonlySet<string>): EmptyReason | undefined {
  let value = unwrapExpression(node);
  while (value.type === AST_NODE_TYPES.AwaitExpression || (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === 'void')) {
    value = unwrapExpression(value.argument);
  }
  switch (value.type) {
    case AST_NODE_TYPES.Literal:
      return 'return';
    case AST_NODE_TYPES.Identifier:
      return value.name === 'undefined' ? 'return' : undefined;
    case AST_NODE_TYPES.TaggedTemplateExpression:
      return isBlankTaggedSql(value) ? 'blank-sql' : undefined;
    case AST_NODE_TYPES.CallExpression: {
      if (isBlankTaggedSql(value)) return 'blank-sql';
      const path = calleePath(value.callee);
      if (!path) return undefined;
      if (path.length === 1 && callbacks.has(path[0]!)) return 'callback';
      if (path.join('.') === 'Promise.resolve') return value.arguments.every((argument) => noOpExpression(argument, callbacks) !== undefined) ? 'return' : undefined;
      if (noOpCalls.some((pattern) => matchesCallPattern(path, pattern))) return 'log';
      const method = path[path.length - 1]!;
      if (path.length > 1 && sqlMethods.has(method) && isBlankText(value.arguments[0])) return 'blank-sql';
      if (path.length > 1 && emptyBuilderMethods.has(method) && value.arguments.length >= 2 && isEmptyFunction(value.arguments[value.arguments.length - 1])) {
        return 'empty-builder';
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

const SPECIFIC: readonly EmptyReason[] = ['blank-sql', 'empty-builder', 'callback', 'log'];

/** Whether `down` does anything: empty, a no-op, only a throw, or real work. */
export function analyseDown(fn: FunctionNode, tool: MigrationToolKnowledge | undefined, sourceCode: SourceCode): DownBody {
  const callbacks = callbackParameters(fn, tool);
  const statements: TSESTree.Node[] =
    fn.body.type === AST_NODE_TYPES.BlockStatement ? fn.body.body : [fn.body];
  const reasons: EmptyReason[] = [];
  let thrown: TSESTree.ThrowStatement | undefined;
  for (const statement of statements) {
    let reason: EmptyReason | undefined;
    switch (statement.type) {
      case AST_NODE_TYPES.EmptyStatement:
        reason = 'return';
        break;
      case AST_NODE_TYPES.ReturnStatement:
        reason = statement.argument ? noOpExpression(statement.argument, callbacks) : 'return';
        break;
      case AST_NODE_TYPES.ExpressionStatement:
        reason = statement.directive ? 'return' : noOpExpression(statement.expression, callbacks);
        break;
      case AST_NODE_TYPES.ThrowStatement:
        if (thrown) return { kind: 'work' };
        thrown = statement;
        continue;
      default:
        // An expression body (`() => Promise.resolve()`).
        reason = statement.type === AST_NODE_TYPES.BlockStatement ? undefined : noOpExpression(statement, callbacks);
    }
    if (!reason) return { kind: 'work' };
    reasons.push(reason);
  }
  if (thrown) return { kind: 'throws', message: errorMessage(thrown.argument), node: thrown };
  const specific = reasons.find((reason) => SPECIFIC.includes(reason));
  if (specific) return { kind: 'empty', reason: specific };
  if (reasons.length > 0) return { kind: 'empty', reason: 'return' };
  const comments = fn.body.type === AST_NODE_TYPES.BlockStatement ? sourceCode.getCommentsInside(fn.body) : [];
  if (comments.some((comment) => /\b(?:TODO|FIXME|XXX)\b/.test(comment.value))) return { kind: 'empty', reason: 'todo' };
  return { kind: 'empty', reason: comments.length > 0 ? 'comments' : 'empty' };
}

/** The static text of `new Error('…')`, `Error(\`…\`)`, `new IrreversibleMigrationError('…')`, `'…'`. */
function errorMessage(node: TSESTree.Node | null): string | undefined {
  if (!node) return undefined;
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.NewExpression || value.type === AST_NODE_TYPES.CallExpression) {
    // `new Error('…')`, `Error('…')`, `new IrreversibleMigrationError('…')`; a helper call says nothing we can read.
    const name = calleePath(value.callee)?.at(-1);
    if (!name || !/^(?:[A-Z]\w*)?(?:Error|Exception)$/.test(name)) return undefined;
    const argument = value.arguments[0];
    return argument ? staticText(argument) : '';
  }
  return staticText(value);
}

/** The constant text of a string, a template (holes read as `…`), or a concatenation of them. */
export function staticText(node: TSESTree.Node): string | undefined {
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.Literal) return typeof value.value === 'string' ? value.value : undefined;
  if (value.type === AST_NODE_TYPES.TemplateLiteral) return value.quasis.map((quasi) => quasi.value.cooked ?? '').join(' … ');
  if (value.type === AST_NODE_TYPES.TaggedTemplateExpression) return staticText(value.quasi);
  if (value.type === AST_NODE_TYPES.BinaryExpression && value.operator === '+') {
    const left = staticText(value.left);
    const right = staticText(value.right);
    if (left === undefined && right === undefined) return undefined;
    return `${left ?? '…'}${right ?? '…'}`;
  }
  return undefined;
}

// ------------------------------------------------------------------------------------------------
// Does a comment or a message say why?

export type Documentation = 'documented' | 'marker-without-reason' | 'none';

/**
 * Groups comments into blocks (comments with nothing but whitespace between them and no blank line)
 * and tells whether a block declares the migration irreversible and says why.
 */
export function irreversibleDocumentation(comments: readonly TSESTree.Comment[], marker: RegExp, sourceCode: SourceCode): Documentation {
  let result: Documentation = 'none';
  for (const block of commentBlocks(comments, sourceCode)) {
    if (!new RegExp(marker.source, 'i').test(block)) continue;
    if (saysWhy(block, marker)) return 'documented';
    result = 'marker-without-reason';
  }
  return result;
}

/**
 * A comment's prose: without JSDoc stars, JSDoc tags (`@param pgm {import('node-pg-migrate').MigrationBuilder}`)
 * and tool directives (`eslint-disable`, `@ts-ignore`), which say nothing about the migration.
 */
export function commentText(comment: TSESTree.Comment): string {
  return comment.value
    .replace(/^\s*\*+/gm, ' ')
    .replace(/(^|\s)@[A-Za-z-]+\b[^\n]*/g, ' ')
    .replace(/\b(?:eslint|prettier|istanbul|c8)[-\w]*(?:\s[^\n]*)?/g, ' ')
    .trim();
}

function commentBlocks(comments: readonly TSESTree.Comment[], sourceCode: SourceCode): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  let previousEnd = -1;
  for (const comment of [...comments].sort((a, b) => a.range[0] - b.range[0])) {
    const between = previousEnd === -1 ? '' : sourceCode.text.slice(previousEnd, comment.range[0]);
    if (previousEnd !== -1 && (/\S/.test(between) || /\n[ \t]*\r?\n/.test(between))) {
      blocks.push(current.join('\n'));
      current = [];
    }
    current.push(commentText(comment));
    previousEnd = comment.range[1];
  }
  if (current.length > 0) blocks.push(current.join('\n'));
  return blocks;
}

/** Comments atop the file: before its first statement (all of them in a file of comments). */
export function fileHeaderComments(sourceCode: SourceCode): TSESTree.Comment[] {
  const first = sourceCode.ast.body[0];
  return first ? sourceCode.getCommentsBefore(first) : [...sourceCode.getAllComments()];
}

/** Comments at a node: before it, inside it, and after it on its last line. */
export function commentsAt(node: TSESTree.Node, sourceCode: SourceCode): TSESTree.Comment[] {
  const after = sourceCode.getCommentsAfter(node).filter((comment) => comment.loc.start.line === node.loc.end.line);
  const trailing = sourceCode.getTokenAfter(node);
  const afterSemicolon =
    trailing?.value === ';' && trailing.loc.end.line === node.loc.end.line
      ? sourceCode.getCommentsAfter(trailing).filter((comment) => comment.loc.start.line === node.loc.end.line)
      : [];
  return [...sourceCode.getCommentsBefore(node), ...sourceCode.getCommentsInside(node), ...after, ...afterSemicolon];
}

// ------------------------------------------------------------------------------------------------
// What does `up` do?

export interface Operation {
  readonly spec: OperationSpec;
  readonly parts: Readonly<Record<'table' | 'column' | 'index' | 'to', string | undefined>>;
  /** What `down` must do to undo it, filled in. */
  readonly undo: string;
  /** A name for a migration that does only this, as words; undefined when a part is missing. */
  readonly nameWords: readonly string[] | undefined;
  /** How the operation reads in the code, when it is not recognised: `pgm.sql()`. */
  readonly call: string;
}

const IDENTIFIER = String.raw`(?:"(?:[^"]|"")+"|\x60[^\x60]+\x60|\[[^\]]+\]|[A-Za-z_][\w$]*)(?:\s*\.\s*(?:"(?:[^"]|"")+"|\x60[^\x60]+\x60|\[[^\]]+\]|[A-Za-z_][\w$]*))*`;

const methodOperations = new Map<string, OperationSpec>();
const sqlOperations: { spec: OperationSpec; pattern: RegExp }[] = [];
for (const spec of migrationConventions.operations) {
  if (spec.method) methodOperations.set(spec.method, spec);
  if (spec.sql) {
    const source = spec.sql.replace(/\{(table|column|index|to)\}/g, (_, part: string) => `(?<${part}>${IDENTIFIER})`);
    sqlOperations.push({ spec, pattern: new RegExp(source, 'i') });
  }
}

/** `"public"."orders"` → `orders`. */
function lastIdentifier(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const parts = text.split(/\s*\.\s*(?=["`[A-Za-z_])/);
  return parts[parts.length - 1]!.replace(/^["`[]|["`\]]$/g, '').replace(/""/g, '"');
}

function fill(template: string, parts: Operation['parts']): string | undefined {
  let missing = false;
  const filled = template.replace(/\{(table|column|index|to)\}/g, (_, part: keyof Operation['parts']) => {
    const value = parts[part];
    if (value === undefined) missing = true;
    return value ?? '';
  });
  return missing ? undefined : filled;
}

function operation(spec: OperationSpec, parts: Operation['parts'], call: string): Operation {
  const nameTemplate = spec.name ? fill(spec.name, parts) : undefined;
  return {
    spec,
    parts,
    undo: fill(spec.undo, parts) ?? `undo \`${call}\``,
    nameWords: nameTemplate?.split('_').flatMap((part) => part.split(/[^A-Za-z0-9]+/)).filter(Boolean).map((word) => word.toLowerCase()),
    call,
  };
}

/** A name an argument gives: a string, or an object (or `new Table({…})`) with a string `name`. */
function argumentName(node: TSESTree.Node | undefined): string | undefined {
  if (!node) return undefined;
  let value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.NewExpression || (value.type === AST_NODE_TYPES.CallExpression && value.arguments.length === 1)) {
    const inner = value.arguments[0];
    if (!inner) return undefined;
    value = unwrapExpression(inner);
  }
  if (value.type === AST_NODE_TYPES.ObjectExpression) {
    for (const property of value.properties) {
      if (property.type === AST_NODE_TYPES.Property && (staticKeyName(property) === 'name' || staticKeyName(property) === 'tableName')) {
        return argumentName(property.value);
      }
    }
    return undefined;
  }
  if (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') return value.value;
  if (value.type === AST_NODE_TYPES.TemplateLiteral && value.expressions.length === 0) return value.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** SQL statements of a text, each matched against the SQL operations. */
export function sqlTextOperations(sql: string, call = 'SQL'): Operation[] {
  const found: Operation[] = [];
  const withoutComments = sql.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, ' ');
  for (const statement of withoutComments.split(';')) {
    const text = statement.trim().replace(/\s+/g, ' ');
    if (!text) continue;
    for (const { spec, pattern } of sqlOperations) {
      const match = pattern.exec(text);
      if (!match) continue;
      const groups = match.groups ?? {};
      found.push(
        operation(
          spec,
          { table: lastIdentifier(groups.table), column: lastIdentifier(groups.column), index: lastIdentifier(groups.index), to: lastIdentifier(groups.to) },
          call,
        ),
      );
      break;
    }
  }
  return found;
}

function describeCall(call: TSESTree.CallExpression): string {
  const path = calleePath(call.callee);
  return path ? `${path.join('.')}()` : 'a call';
}

/** Calls inside `fn`'s body, in source order, not descending into functions passed as arguments. */
function callsIn(fn: FunctionNode): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  const visit = (node: TSESTree.Node | null | undefined, inArgument: boolean): void => {
    if (!node || typeof node !== 'object') return;
    if (
      inArgument &&
      (node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression)
    ) {
      return;
    }
    if (node.type === AST_NODE_TYPES.CallExpression) calls.push(node);
    for (const [key, child] of childNodes(node)) visit(child, inArgument || (node.type === AST_NODE_TYPES.CallExpression && key === 'arguments'));
  };
  visit(fn.body, false);
  return calls.sort((a, b) => a.range[0] - b.range[0]);
}

/** The operations `up` performs, recognised by method name or by the SQL it runs. */
export function upOperations(fn: FunctionNode): Operation[] {
  const found: Operation[] = [];
  for (const call of callsIn(fn)) {
    const path = calleePath(call.callee);
    const method = path?.[path.length - 1];
    if (method && path.length > 1) {
      const spec = methodOperations.get(method);
      if (spec) {
        const args = spec.arguments ?? {};
        const part = (index: number | undefined) => (index === undefined ? undefined : argumentName(call.arguments[index]));
        found.push(operation(spec, { table: part(args.table), column: part(args.column), index: part(args.index), to: part(args.to) }, describeCall(call)));
        continue;
      }
      if (sqlMethods.has(method) && call.arguments[0]) {
        const text = staticText(call.arguments[0]);
        if (text) found.push(...sqlTextOperations(text, describeCall(call)));
        continue;
      }
    }
    if (call.callee.type === AST_NODE_TYPES.MemberExpression && call.callee.object.type === AST_NODE_TYPES.TaggedTemplateExpression) {
      const text = staticText(call.callee.object);
      if (text) found.push(...sqlTextOperations(text, 'sql``'));
    }
  }
  return found;
}

/** A string that is a name on its own: `'orders'`, `'created_by'`, `'public.orders'`. */
const NAME_LITERAL = /^[A-Za-z_][\w$]*(?:\.[A-Za-z_][\w$]*)*$/;
/** A quoted identifier inside SQL text: `"orders"`, `` `orders` ``, `[orders]`. */
const QUOTED_IDENTIFIER = /"([^"\s]{1,63})"|`([^`\s]{1,63})`|\[([^\]\s]{1,63})\]/g;

/**
 * The names `up` touches, as the strings that carry them: identifier-only string literals
 * (`createTable('entities')`, `table.text('data')`, `new Table({ name: 'test_run' })`, also inside
 * builder callbacks) and quoted identifiers in SQL text. A name made of such words says what the
 * migration works on, even when each word alone would read as generic.
 */
export function namesTouched(fn: FunctionNode): string[] {
  const names: string[] = [];
  const text = (value: string): void => {
    if (value.length <= 63 && NAME_LITERAL.test(value)) {
      names.push(value);
      return;
    }
    for (const match of value.matchAll(QUOTED_IDENTIFIER)) names.push(match[1] ?? match[2] ?? match[3]!);
  };
  const visit = (node: TSESTree.Node | null | undefined): void => {
    if (!node || typeof node !== 'object') return;
    if (node.type === AST_NODE_TYPES.Literal) {
      if (typeof node.value === 'string') text(node.value);
      return;
    }
    if (node.type === AST_NODE_TYPES.TemplateElement) {
      if (node.value.cooked) text(node.value.cooked);
      return;
    }
    for (const [, child] of childNodes(node)) visit(child);
  };
  visit(fn.body);
  return names;
}

// ------------------------------------------------------------------------------------------------
// Can the tool reverse `up` by itself?

/**
 * For tools that replay `up` in reverse when `down` is left out (node-pg-migrate): the calls of
 * `up` that the tool cannot reverse, as they read in the code (`pgm.sql()`). Empty when every
 * operation is reversible.
 */
export function irreversibleCalls(fn: FunctionNode | undefined, tool: MigrationToolKnowledge): string[] {
  if (!fn) return ['`up`'];
  const builder = fn.params[0];
  if (builder?.type !== AST_NODE_TYPES.Identifier) return ['`up`'];
  const reversible = new Map((tool.script?.reversibleOperations ?? []).map((spec) => [spec.method, spec]));
  const neutral = new Set(tool.script?.neutralMethods ?? []);
  const blockers: string[] = [];
  const all: TSESTree.CallExpression[] = [];
  const visit = (node: TSESTree.Node | null | undefined): void => {
    if (!node || typeof node !== 'object') return;
    if (node.type === AST_NODE_TYPES.CallExpression) all.push(node);
    for (const [, child] of childNodes(node)) visit(child);
  };
  visit(fn.body);
  for (const call of all) {
    const path = calleePath(call.callee);
    const passesBuilder = call.arguments.some((argument) => argument.type === AST_NODE_TYPES.Identifier && argument.name === builder.name);
    if (!path || path[0] !== builder.name) {
      if (passesBuilder) blockers.push(`\`${path ? path.join('.') : 'a function'}(${builder.name})\``);
      continue;
    }
    if (path.length !== 2) {
      blockers.push(`\`${path.join('.')}()\``);
      continue;
    }
    const method = path[1]!;
    if (neutral.has(method)) continue;
    const spec = reversible.get(method);
    if (!spec) {
      blockers.push(`\`${path.join('.')}()\``);
      continue;
    }
    const missing = (spec.requiredArguments ?? []).some((index) => {
      const argument = call.arguments[index];
      return !argument || (argument.type === AST_NODE_TYPES.Literal && argument.value === null);
    });
    const raw = (spec.nonStringArguments ?? []).some((index) => {
      const argument = call.arguments[index];
      return argument !== undefined && staticText(argument) !== undefined;
    });
    if (missing || raw) blockers.push(`\`${path.join('.')}()\` ${missing ? 'without a name' : 'with raw SQL'}`);
  }
  return [...new Set(blockers)];
}
