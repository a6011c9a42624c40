import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { staticKeyName, unwrapExpression } from './ast';

/** Methods whose result is a plain array, whatever they are called on (a project class by these names is rare). */
const ARRAY_MAKING_METHODS = new Set(['map', 'filter', 'flatMap', 'flat', 'slice', 'concat', 'sort', 'reverse', 'split', 'keys', 'values', 'entries']);
/** Methods of a built-in value that give a built-in value again. */
const VALUE_METHODS = new Set(['join', 'replace', 'replaceAll', 'trim', 'toLowerCase', 'toUpperCase', 'padStart', 'padEnd', 'toFixed', 'toISOString']);

/**
 * A value the language itself made, never a library's or the project's object: a literal, a template, an
 * array, what an array-making method returns (`rows.map(f)`, `Object.keys(o)`, `Array.from(s)`), and what a
 * string method of such a value returns. Its methods (`.join()`, `.trim()`) are the language's.
 */
export function isBuiltInValue(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  switch (value.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.ArrayExpression:
      return true;
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrapExpression(value.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      const method = staticKeyName(callee);
      if (method === undefined) return false;
      const object = unwrapExpression(callee.object);
      if (object.type === AST_NODE_TYPES.Identifier && (object.name === 'Object' || object.name === 'Array')) {
        return method === 'keys' || method === 'values' || method === 'entries' || method === 'from' || method === 'of';
      }
      return ARRAY_MAKING_METHODS.has(method) || (VALUE_METHODS.has(method) && isBuiltInValue(object));
    }
    default:
      return false;
  }
}
