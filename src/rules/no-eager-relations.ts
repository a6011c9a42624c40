import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/node-types';
import { argumentPositionOf, chainRoot, matchArgumentSite, type ArgumentPosition, type SiteCandidate, type SiteMatch } from '../analysis/objects/call-sites';
import { getLibraryIndex } from '../analysis/objects/imports';
import { declarationOf } from '../analysis/objects/type-checker';
import { libraries } from '../knowledge';
import type { LibraryKnowledge } from '../knowledge/types';
import { isStringLiteral, staticKeyName, unwrapExpression } from '../util/ast';
import { anyOfWords, textMentions } from '../analysis/text-screen';
import { createRule } from '../util/create-rule';
import { removeProperty } from '../util/fixes';

type Options = [{ allowRelations?: string[] }];
type MessageIds = 'eagerRelation' | 'defaultScopeInclude' | 'removeEager';

// Where each ORM declares model-level eager loading: read from the knowledge once, at load.
const eagerOptionSites: SiteCandidate[] = libraries.flatMap((library) =>
  (library.eagerLoading?.eagerOption ?? []).map((site) => ({ library, site })),
);
const defaultScopeSites: SiteCandidate[] = libraries.flatMap((library) =>
  (library.eagerLoading?.defaultScope ?? []).map((site) => ({ library, site })),
);
const builderParameterSites: SiteCandidate[] = libraries.flatMap((library) =>
  (library.eagerLoading?.eagerBuilder?.builderParameterOf ?? []).map((site) => ({ library, site })),
);
const includeKeys = new Set(libraries.flatMap((library) => library.eagerLoading?.includeKey ?? []));
const builderMethods = new Set(libraries.flatMap((library) => library.eagerLoading?.eagerBuilder?.method ?? []));
/** The listeners' own gates as one text screen: an `eager` key, a default scope's include key, an eager builder method. */
const eagerWords = anyOfWords(['eager', ...includeKeys, ...builderMethods]);

export default createRule<Options, MessageIds>({
  name: 'no-eager-relations',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow eager relations declared on models, which join the relation into every query',
      recommended: 'recommended',
      libraries: ['typeorm', 'mikro-orm', 'sequelize', 'sequelize-typescript'],
    },
    hasSuggestions: true,
    messages: {
      eagerRelation:
        'Relation `{{relation}}` is declared eager: {{orm}} joins it into every query of this entity, whether the caller needs it or not.{{caveat}} Load it in the queries that need it instead: {{advice}}.',
      defaultScopeInclude:
        'This default scope includes associations, so {{orm}} joins them into every query of the model, whether the caller needs them or not. Keep `include` out of the default scope and load associations where they are needed: {{advice}}.',
      removeEager: 'Remove the eager flag from `{{relation}}`, then load it per query where it is needed.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          allowRelations: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: 'Relation property names that may stay eager (a tiny lookup table, say).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowRelations: [] }],
  },
  defaultOptions: [{ allowRelations: [] }],
  create(context, [options]) {
    if (!textMentions(context.sourceCode.text, eagerWords)) return {};
    const allowed = new Set(options.allowRelations ?? []);
    const sourceCode = context.sourceCode;

    function report(
      node: TSESTree.Node | TSESTree.SourceLocation,
      library: LibraryKnowledge,
      relation: string,
      model: string | undefined,
      fix?: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix,
    ): void {
      const eager = library.eagerLoading;
      const data = { orm: library.name, relation, caveat: eager?.caveat ?? '', advice: advice(library, relation, model) };
      context.report({
        ...('type' in node ? { node } : { loc: node }),
        messageId: 'eagerRelation',
        data,
        suggest: fix ? [{ messageId: 'removeEager', data, fix }] : [],
      });
    }

    /** `eager: true` in a relation's options. */
    function checkEagerOption(property: TSESTree.Property): void {
      const position = argumentPositionOf(property.parent as TSESTree.ObjectExpression);
      if (!position) return;
      const match = matchArgumentSite(context, position, eagerOptionSites);
      if (!match) return;
      const relation = relationName(match, position);
      if (allowed.has(relation)) return;
      report(property, match.library, relation, modelNameOf(position.call), removeProperty(sourceCode, property));
    }

    /** A non-empty `include` in a default scope. */
    function checkDefaultScope(property: TSESTree.Property): void {
      if (isEmptyInclude(property.value)) return;
      const position = argumentPositionOf(property.parent as TSESTree.ObjectExpression);
      if (!position) return;
      const match = matchArgumentSite(context, position, defaultScopeSites);
      if (!match) return;
      context.report({
        node: property,
        messageId: 'defaultScopeInclude',
        data: { orm: match.library.name, advice: advice(match.library, '', modelNameOf(position.call)) },
      });
    }

    /** `.eager()` on a property builder: `p.manyToOne(Author).eager()`. */
    function checkEagerBuilder(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression): void {
      const [flag] = call.arguments;
      if (call.arguments.length > 1) return;
      if (flag && !(flag.type === AST_NODE_TYPES.Literal && flag.value === true)) return;
      const library = builderLibrary(callee);
      if (!library) return;
      const { relation, model } = describeBuilder(call);
      if (allowed.has(relation)) return;
      const start = callee.property.loc.start;
      report({ start, end: call.loc.end }, library, relation, model, (fixer) =>
        fixer.removeRange([callee.object.range[1], call.range[1]]),
      );
    }

    function builderLibrary(callee: TSESTree.MemberExpression): LibraryKnowledge | undefined {
      const method = staticKeyName(callee);
      const root = chainRoot(callee.object);
      const index = getLibraryIndex(context);
      const candidates = [root, root.parent?.type === AST_NODE_TYPES.MemberExpression ? root.parent : undefined];
      for (const node of candidates) {
        const origin = node && index.originOf(node);
        if (origin?.kind === 'export' && origin.library.eagerLoading?.eagerBuilder?.roots.includes(origin.name)) {
          return origin.library;
        }
      }
      if (root.type === AST_NODE_TYPES.Identifier) {
        const fromParameter = builderParameterLibrary(root);
        if (fromParameter) return fromParameter;
      }
      const declaration = declarationOf(context, callee);
      const library = declaration?.library;
      if (library?.eagerLoading?.eagerBuilder?.method === method) return library;
      return undefined;
    }

    /** `defineEntity({ properties: (p) => ({ … }) })`: `p` is the library's builder. */
    function builderParameterLibrary(root: TSESTree.Identifier): LibraryKnowledge | undefined {
      if (builderParameterSites.length === 0) return undefined;
      const variable = ASTUtils.findVariable(sourceCode.getScope(root), root);
      const definition = variable?.defs[0];
      if (definition?.type !== 'Parameter') return undefined;
      const position = argumentPositionOf(definition.node);
      if (!position) return undefined;
      return matchArgumentSite(context, position, builderParameterSites)?.library;
    }

    return {
      Property(node) {
        if (node.parent.type !== AST_NODE_TYPES.ObjectExpression) return;
        const key = staticKeyName(node);
        if (key === 'eager') {
          if (node.value.type === AST_NODE_TYPES.Literal && node.value.value === true) checkEagerOption(node);
        } else if (key !== undefined && includeKeys.has(key)) {
          checkDefaultScope(node);
        }
      },
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
        const method = staticKeyName(callee);
        if (method !== undefined && builderMethods.has(method)) checkEagerBuilder(node, callee);
      },
    };
  },
});

function isEmptyInclude(value: TSESTree.Node): boolean {
  const node = unwrapExpression(value);
  if (node.type === AST_NODE_TYPES.ArrayExpression) return node.elements.length === 0;
  if (node.type === AST_NODE_TYPES.Literal) return node.value === null || node.value === false;
  return node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined';
}

/** The relation's name: the decorated member, or the key under `relations`/`properties`. */
function relationName(match: SiteMatch, position: ArgumentPosition): string {
  if (match.site.path.at(-1) === '*') return position.path.at(-1) ?? 'relation';
  const decorator = position.call.parent;
  if (decorator?.type === AST_NODE_TYPES.Decorator) {
    const member = decorator.parent;
    if (
      member &&
      (member.type === AST_NODE_TYPES.PropertyDefinition ||
        member.type === AST_NODE_TYPES.TSAbstractPropertyDefinition ||
        member.type === AST_NODE_TYPES.AccessorProperty ||
        member.type === AST_NODE_TYPES.MethodDefinition)
    ) {
      return staticKeyName(member as TSESTree.PropertyDefinition) ?? 'relation';
    }
  }
  return 'relation';
}

/** `author: () => p.manyToOne(Author).eager()` → `author`, in the entity the `properties` belong to. */
function describeBuilder(call: TSESTree.CallExpression): { relation: string; model: string | undefined } {
  let node: TSESTree.Node = call;
  while (node.parent?.type === AST_NODE_TYPES.CallExpression || node.parent?.type === AST_NODE_TYPES.MemberExpression) node = node.parent;
  if (node.parent?.type === AST_NODE_TYPES.ArrowFunctionExpression) node = node.parent;
  const property = node.parent;
  if (property?.type !== AST_NODE_TYPES.Property) return { relation: 'relation', model: undefined };
  const position = argumentPositionOf(property.parent);
  return { relation: staticKeyName(property) ?? 'relation', model: position && modelNameOf(position.call) };
}

function advice(library: LibraryKnowledge, relation: string, model: string | undefined): string {
  const eager = library.eagerLoading;
  return (eager?.perQueryAdvice ?? '')
    .replaceAll('{{relation}}', relation)
    .replaceAll('{{model}}', model ?? eager?.modelPlaceholder ?? 'Model');
}

/**
 * The model a declaration belongs to, when the code names it: the decorated class, the
 * `name` of a schema object, the class a static method is called on, or `define('name')`.
 */
function modelNameOf(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const decorator = call.parent;
  if (decorator?.type === AST_NODE_TYPES.Decorator) {
    let owner: TSESTree.Node | undefined = decorator.parent;
    if (owner && owner.type !== AST_NODE_TYPES.ClassDeclaration && owner.type !== AST_NODE_TYPES.ClassExpression) owner = owner.parent?.parent;
    return (owner?.type === AST_NODE_TYPES.ClassDeclaration || owner?.type === AST_NODE_TYPES.ClassExpression) && owner.id ? owner.id.name : undefined;
  }
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = staticKeyName(callee);
    const [first] = call.arguments;
    if (method === 'define') {
      // `const Customer = sequelize.define('customer', …)`: the variable is what queries use.
      const declarator = call.parent;
      if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.id.type === AST_NODE_TYPES.Identifier) return declarator.id.name;
      return isStringLiteral(first) ? first.value : undefined;
    }
    const receiver = unwrapExpression(callee.object);
    if (receiver.type === AST_NODE_TYPES.Identifier && method !== undefined && /^[A-Z]/.test(receiver.name)) {
      // `User.init` / `User.addScope`, but not `typeorm.EntitySchema` reached through a namespace.
      if (call.type === AST_NODE_TYPES.CallExpression) return receiver.name;
    }
  }
  const [options] = call.arguments;
  if (options?.type === AST_NODE_TYPES.ObjectExpression) {
    for (const property of options.properties) {
      if (property.type === AST_NODE_TYPES.Property && staticKeyName(property) === 'name' && isStringLiteral(property.value)) {
        return property.value.value;
      }
    }
  }
  return undefined;
}
