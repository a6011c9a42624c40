/**
 * The one specifier shape users extend every rule with: a module and an export name
 * (`{ module: '@app/db', export: 'run' }`), or a plain name matched on any receiver
 * (`{ name: 'run' }` for the team's own `db.run(sql)` wrapper).
 */
import { ASTUtils, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../../util/node-types';
import type { JSONSchema4, JSONSchema4ObjectSchema } from '@typescript-eslint/utils/json-schema';
import { referenceName, staticKeyName, unwrapExpression } from '../../util/ast';
import type { AnyRuleContext } from '../per-file';

export interface Specifier {
  /** A function or method name, matched wherever it is called (`db.run`, `run`). */
  readonly name?: string;
  /** The module the export comes from (`@app/db`, `./db`), written as the code imports it. */
  readonly module?: string;
  /** The export's name inside the module (`run`, `default`, `sql.escape`). */
  readonly export?: string;
}

/** The schema of a specifier, with any extra properties a rule's option adds (`argument`, `kind`). */
export function specifierSchema(extra: Record<string, JSONSchema4> = {}): JSONSchema4ObjectSchema {
  return {
    type: 'object',
    properties: {
      name: { type: 'string', minLength: 1, description: 'A function or method name, matched on any receiver.' },
      module: { type: 'string', minLength: 1, description: 'The module the export is imported from, as written.' },
      export: { type: 'string', minLength: 1, description: 'The export name inside the module (`default` for the module itself).' },
      ...extra,
    },
    additionalProperties: false,
    oneOf: [
      { type: 'object', required: ['name'] },
      { type: 'object', required: ['module', 'export'] },
    ],
  };
}

/** Where an identifier or member chain was imported from: `{ module: 'pg-format', path: 'ident' }`. */
export function importedFrom(context: AnyRuleContext, node: TSESTree.Node): { module: string; path: string } | undefined {
  const segments: string[] = [];
  let current = unwrapExpression(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    const key = staticKeyName(current);
    if (key === undefined) return undefined;
    segments.unshift(key);
    current = unwrapExpression(current.object);
  }
  if (current.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(current), current);
  const definition = variable?.defs[0];
  if (!definition) return undefined;
  if (definition.type === 'ImportBinding') {
    const declaration = definition.parent;
    if (declaration?.type !== AST_NODE_TYPES.ImportDeclaration) return undefined;
    const specifier = definition.node;
    if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
      const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : String(specifier.imported.value);
      segments.unshift(imported);
    } else if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) {
      segments.unshift('default');
    }
    return { module: String(declaration.source.value), path: segments.join('.') };
  }
  if (definition.type === 'Variable') {
    // const { run } = require('../db'), const db = require('../db')
    const declarator = definition.node as TSESTree.VariableDeclarator;
    const init = declarator.init && unwrapExpression(declarator.init);
    if (
      init?.type !== AST_NODE_TYPES.CallExpression ||
      init.callee.type !== AST_NODE_TYPES.Identifier ||
      init.callee.name !== 'require' ||
      init.arguments[0]?.type !== AST_NODE_TYPES.Literal ||
      typeof init.arguments[0].value !== 'string'
    ) {
      return undefined;
    }
    if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
      const property = declarator.id.properties.find(
        (candidate) => candidate.type === AST_NODE_TYPES.Property && candidate.value === definition.name,
      );
      const key = property?.type === AST_NODE_TYPES.Property ? staticKeyName(property) : undefined;
      if (key === undefined) return undefined;
      segments.unshift(key);
    } else {
      segments.unshift('default');
    }
    return { module: init.arguments[0].value, path: segments.join('.') };
  }
  return undefined;
}

/** Whether the callee of `call` is what `specifier` names. */
export function calleeMatchesSpecifier(
  context: AnyRuleContext,
  call: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression,
  specifier: Specifier,
): boolean {
  const callee = unwrapExpression(call.type === AST_NODE_TYPES.TaggedTemplateExpression ? call.tag : call.callee);
  if (specifier.name !== undefined) {
    return referenceName(callee) === specifier.name;
  }
  const origin = importedFrom(context, callee);
  if (!origin || origin.module !== specifier.module) return false;
  // `default` and the module object are the same thing for CommonJS modules.
  return origin.path === specifier.export || origin.path === `default.${specifier.export}`;
}

/** The name a specifier is called by, for a cheap first filter. */
export function specifierCallName(specifier: Specifier): string | undefined {
  if (specifier.name !== undefined) return specifier.name;
  const last = specifier.export?.split('.').at(-1);
  return last === 'default' ? undefined : last;
}
