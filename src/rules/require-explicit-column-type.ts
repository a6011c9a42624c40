import type { TSESLint } from '@typescript-eslint/utils';
import {
  columnCallNames,
  columnDecoratorNames,
  columnSchemaNames,
  decoratorColumn,
  definitionColumns,
  schemaColumns,
  tableColumns,
  type ColumnFinding,
} from '../analysis/schema/column-types';
import { looksLikeTableDefinition } from '../analysis/schema/table-functions';
import { libraries } from '../knowledge';
import { callNameQuickly, referenceName, unwrapExpression } from '../util/ast';
import { createRule } from '../util/create-rule';
import { AST_NODE_TYPES } from '../util/node-types';

type Options = [{ drizzleNullableByDefault?: boolean }];
type MessageIds = 'implicitColumn' | 'addCertain';

export default createRule<Options, MessageIds>({
  name: 'require-explicit-column-type',
  meta: {
    type: 'suggestion',
    hasSuggestions: true,
    docs: {
      description: 'Require model columns to state their type, size and nullability instead of taking the ORM defaults',
      recommended: 'strict',
      libraries: libraries.filter((library) => library.schema?.columns).map((library) => library.id),
    },
    messages: {
      implicitColumn:
        'Column `{{column}}` leaves its {{missing}} to {{library}}: the table gets whatever the ORM, its version and the database make of it (a string without a length is varchar(255) on one database and unbounded on another), not what the model says. State it: {{advice}}.',
      addCertain: 'Add {{options}} (certain from the declared type `{{type}}`).',
    },
    schema: [
      {
        type: 'object',
        properties: {
          drizzleNullableByDefault: {
            type: 'boolean',
            description:
              'Read a Drizzle column without `.notNull()` as a deliberate nullable column (Drizzle has no `.nullable()`), and report only its type size.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ drizzleNullableByDefault: false }],
  },
  defaultOptions: [{ drizzleNullableByDefault: false }],
  create(context, [options]) {
    const builderOptions = { nullableByDefault: options.drizzleNullableByDefault === true };

    function report(finding: ColumnFinding): void {
      const certain = finding.certain;
      context.report({
        node: finding.node,
        messageId: 'implicitColumn',
        data: { column: finding.column, missing: listed(finding.missing), library: finding.library.name, advice: finding.advice },
        suggest: certain
          ? [
              {
                messageId: 'addCertain',
                data: { options: certain.options.map((option) => `\`${option.key}: ${option.value}\``).join(' and '), type: certain.because },
                fix: addOptions(context.sourceCode, certain),
              },
            ]
          : undefined,
      });
    }

    return {
      Decorator(node) {
        const expression = unwrapExpression(node.expression);
        const name = referenceName(expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression);
        if (name === undefined || !columnDecoratorNames.has(name)) return;
        const finding = decoratorColumn(context, node);
        if (finding) report(finding);
      },
      CallExpression(node) {
        const name = callNameQuickly(node);
        // A table function the project made (`createTable = pgTableCreator(…)`) goes by any name: its shape lets it through.
        if (name !== undefined && columnSchemaNames.has(name)) {
          for (const finding of schemaColumns(context, node)) report(finding);
          return;
        }
        if (name === undefined || !(columnCallNames.has(name) || looksLikeTableDefinition(node))) return;
        for (const finding of definitionColumns(context, node, name)) report(finding);
        for (const finding of tableColumns(context, node, builderOptions)) report(finding);
      },
      NewExpression(node) {
        const name = referenceName(node.callee);
        if (name === undefined || !columnSchemaNames.has(name)) return;
        for (const finding of schemaColumns(context, node)) report(finding);
      },
    };
  },
});

/** `type, length and nullability`. */
function listed(parts: readonly string[]): string {
  return parts.length < 2 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * Adds options to a column decorator: into its options object, as a new options argument after a
 * type argument (or around it, where the decorator takes one or the other), or as the first
 * argument of an empty or bare decorator.
 */
function addOptions(
  sourceCode: Readonly<TSESLint.SourceCode>,
  certain: NonNullable<ColumnFinding['certain']>,
): (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix {
  const text = certain.options.map((option) => `${option.key}: ${option.value}`).join(', ');
  return (fixer) => {
    const expression = unwrapExpression(certain.decorator.expression);
    if (expression.type !== AST_NODE_TYPES.CallExpression) return fixer.insertTextAfter(expression, `({ ${text} })`);
    const objectArgument = expression.arguments.find((argument) => argument.type === AST_NODE_TYPES.ObjectExpression);
    if (objectArgument) {
      const last = objectArgument.properties[objectArgument.properties.length - 1];
      if (last) return fixer.insertTextAfter(last, `, ${text}`);
      return fixer.replaceText(objectArgument, `{ ${text} }`);
    }
    const lastArgument = expression.arguments[expression.arguments.length - 1];
    if (lastArgument && certain.typeKey !== undefined) return fixer.replaceText(lastArgument, `{ ${certain.typeKey}: ${sourceCode.getText(lastArgument)}, ${text} }`);
    if (lastArgument) return fixer.insertTextAfter(lastArgument, `, { ${text} }`);
    const close = sourceCode.getLastToken(expression);
    return fixer.insertTextBefore(close!, `{ ${text} }`);
  };
}
