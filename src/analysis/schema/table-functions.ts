/**
 * Table functions the project made out of a library's (Drizzle's `pgTableCreator`, which
 * create-t3-app scaffolds as `export const createTable = pgTableCreator((name) => `app_${name}`)`,
 * and `pgSchema('auth').table`). The library's knowledge lists them as factories that create the
 * table function they stand for (`pgTable`); the import engine follows the made function through
 * the project's modules, so `createTable` imported from `~/server/db/table` is known as Drizzle's
 * `pgTable` wherever it is called. Never by its name alone: `createTable` is also knex's.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { LibraryKnowledge } from '../../knowledge/types';
import { libraries } from '../../knowledge';
import { isStringLiteral, staticKeyName, unwrapExpression } from '../../util/ast';
import { AST_NODE_TYPES } from '../../util/node-types';
import { getLibraryIndex } from '../objects/imports';
import type { AnyRuleContext } from '../per-file';

/**
 * A call shaped like a table definition: a literal table name, then the columns (an object, or
 * Drizzle's `(t) => ({ … })`). The cheap syntactic gate before asking where the callee comes from.
 */
export function looksLikeTableDefinition(call: TSESTree.CallExpression): boolean {
  const [name, columns] = call.arguments;
  if (!isStringLiteral(name) || columns === undefined || tableColumnsObject(columns) === undefined) return false;
  // A made table function is called by a name of its own (`createTable(…)`) or as the property a
  // factory names (`billing.table(…)`): `res.render('users', {…})` and `i18n.t('key', {…})` never get the question.
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return true;
  return callee.type === AST_NODE_TYPES.MemberExpression && madeByProperty.has(staticKeyName(callee) ?? '');
}

/** Table functions the libraries define, and the properties their factories make one under (`pgSchema(…).table`). */
const tableFunctionNames = new Set(
  libraries.flatMap((library) => [...(library.schema?.foreignKeys?.tableBuilder?.tables ?? []), ...(library.schema?.columns?.builders?.tables.export ?? [])]),
);
const madeByProperty: ReadonlySet<string> = new Set(
  libraries.flatMap((library) => (library.factories ?? []).flatMap((factory) => ('property' in factory && tableFunctionNames.has(factory.creates) ? [factory.property] : []))),
);

/** A table definition's columns: `{ … }`, or Drizzle's newer `(t) => ({ name: t.varchar() })`. */
export function tableColumnsObject(node: TSESTree.Node): TSESTree.ObjectExpression | undefined {
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.ObjectExpression) return value;
  if (value.type === AST_NODE_TYPES.ArrowFunctionExpression && value.body.type !== AST_NODE_TYPES.BlockStatement) {
    const body = unwrapExpression(value.body);
    return body.type === AST_NODE_TYPES.ObjectExpression ? body : undefined;
  }
  return undefined;
}

/**
 * The library table function (one of `tables`) that a project-made function called here stands for:
 * `createTable('post', …)` → `pgTable`. Undefined for the library's own exports (the caller matches
 * those by import) and for anything the library did not make.
 */
export function madeTableFunction(
  context: AnyRuleContext,
  call: TSESTree.CallExpression,
  library: LibraryKnowledge,
  tables: readonly string[],
): string | undefined {
  const origin = getLibraryIndex(context).originOf(unwrapExpression(call.callee));
  return origin?.library === library && origin.kind === 'instance' && tables.includes(origin.name) ? origin.name : undefined;
}
