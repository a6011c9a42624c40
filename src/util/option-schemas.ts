import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';

/**
 * A list of distinct, non-empty strings (globs, function names), as several rules' options take:
 * one shape, so a bad value gets the same schema error from each.
 */
export function nameListSchema(description: string): JSONSchema4 {
  return { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true, description };
}
