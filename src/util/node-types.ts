import { AST_NODE_TYPES as NODE_TYPES } from '@typescript-eslint/utils';

/**
 * `AST_NODE_TYPES`, as a plain value. The package exports the enum through getters (two levels of
 * re-export), and compiled CommonJS reads it at every `AST_NODE_TYPES.X`: in the checks that run
 * on every node of every file, that getter call is a measurable share of a rule's time. Import it
 * from here, never from `@typescript-eslint/utils`.
 */
export const AST_NODE_TYPES = NODE_TYPES;
