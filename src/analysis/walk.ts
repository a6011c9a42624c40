/**
 * The child keys of a node that hold code, for the engines' own tree walks: type annotations,
 * type parameters and decorators are skipped (they never run), and the list is computed once per
 * node type and visitor-key table.
 */
import type { TSESLint } from '@typescript-eslint/utils';

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
