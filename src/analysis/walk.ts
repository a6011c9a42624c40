/**
 * The child keys of a node that hold code, for the engines' own tree walks: type annotations,
 * type parameters and decorators are skipped (they never run), and the list is computed once per
 * node type and visitor-key table.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/node-types';

type VisitorKeys = Readonly<TSESLint.SourceCode>['visitorKeys'];

const typeKeys = new Set(['typeAnnotation', 'typeParameters', 'typeArguments', 'returnType', 'superTypeArguments', 'implements', 'decorators']);
const cache = new WeakMap<object, Map<string, readonly string[]>>();

export function codeKeys(visitorKeys: VisitorKeys, type: string): readonly string[] {
  let byType = cache.get(visitorKeys);
  if (!byType) cache.set(visitorKeys, (byType = new Map()));
  let keys = byType.get(type);
  if (!keys) byType.set(type, (keys = (visitorKeys[type] ?? []).filter((key) => !typeKeys.has(key))));
  return keys;
}

/**
 * The first node, in source order, that `match` answers for among the nodes that span offset
 * `start`: how a declaration the type checker names (by its position in a file) is found in the
 * tree the module engine read. Only the branches around the offset are walked.
 */
export function findAround<T>(program: TSESTree.Program, start: number, match: (node: TSESTree.Node) => T | undefined): T | undefined {
  let found: T | undefined;
  const visit = (node: TSESTree.Node): void => {
    if (found !== undefined || node.range[0] > start || node.range[1] <= start) return;
    found = match(node);
    if (found !== undefined) return;
    for (const key of Object.keys(node)) {
      if (key === 'parent') continue;
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof item === 'object' && 'type' in item && 'range' in item) visit(item as TSESTree.Node);
      }
    }
  };
  visit(program);
  return found;
}

/** The class whose name starts at `start` (a declaration the type checker named by position). */
export function classDeclaredAt(program: TSESTree.Program, start: number): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  return findAround(program, start, (node) =>
    (node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression) && node.id?.range[0] === start ? node : undefined,
  );
}
