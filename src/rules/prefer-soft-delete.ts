import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isExemptFile } from '../analysis/schema/sync';
import { hardDeleteNames, hardDeleteOf, mayDeleteRows, rawDeleteOf, sqlSinkNames, type SoftModel } from '../analysis/schema/soft-delete';
import { libraries } from '../knowledge';
import { callNameQuickly, staticKeyName, unwrapExpression } from '../util/ast';
import { removeProperty } from '../util/fixes';
import { nameListSchema } from '../util/option-schemas';
import { createRule } from '../util/create-rule';
import { AST_NODE_TYPES } from '../util/node-types';

type Options = [{ ignoreFiles?: string[] }];
type MessageIds = 'hardDelete' | 'forceDelete' | 'rawDelete' | 'useSoft' | 'dropForce';

/** Tests, seeds and fixtures clean tables for good on purpose; migration folders (the shared setting) are always exempt. */
const defaultIgnoreFiles = ['**/*.{test,spec}.*', '**/{test,tests,__tests__,e2e,seeds,seeders,fixtures}/**'];

const cost =
  'the row cannot be recovered, and the model says its rows are soft-deleted, so other code (restores, audits, reports, foreign keys that still point at it) expects the row to stay with its deletion time set.';
const meant = 'If a hard delete is meant (a GDPR erasure, a purge required by a retention policy), say so where it happens: `// eslint-disable-next-line dbconventions/prefer-soft-delete -- <the reason>`.';

export default createRule<Options, MessageIds>({
  name: 'prefer-soft-delete',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow deleting rows for good from models that declare soft delete',
      recommended: 'strict',
      libraries: libraries.filter((library) => library.schema?.softDelete?.hardMethods || library.schema?.softDelete?.forceOption).map((library) => library.id),
    },
    hasSuggestions: true,
    messages: {
      hardDelete: `\`{{call}}\` deletes \`{{model}}\` rows for good, though \`{{model}}\` is soft-deleted ({{marker}}): ${cost} Use {{advice}}. ${meant}`,
      forceDelete: `\`force: true\` makes \`{{call}}\` delete \`{{model}}\` rows for good, though \`{{model}}\` is soft-deleted ({{marker}}): ${cost} Use {{advice}}. ${meant}`,
      rawDelete: `\`DELETE FROM {{table}}\` deletes \`{{model}}\` rows for good, though \`{{model}}\` is soft-deleted ({{marker}}): ${cost} Set the deletion time instead (\`UPDATE {{table}} SET … = now()\`), or use {{advice}}. ${meant}`,
      useSoft: 'Call `{{soft}}()` instead: it sets the deletion time and keeps the row.',
      dropForce: 'Remove `force: true`: `{{method}}()` then sets the deletion time and keeps the row.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          ignoreFiles: nameListSchema(
            'Globs (relative to the working directory) of files that may delete for good: tests, seeds, fixtures. Migration folders (the shared `migrationFolders` setting) are always exempt. Replaces the default list.',
          ),
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ ignoreFiles: defaultIgnoreFiles }],
  },
  defaultOptions: [{ ignoreFiles: defaultIgnoreFiles }],
  create(context, [options]) {
    const ignore = options.ignoreFiles ?? defaultIgnoreFiles;
    const sourceCode = context.sourceCode;
    let exempt: boolean | undefined;
    const inScope = (): boolean => !(exempt ??= isExemptFile(context, ignore));

    function callText(call: TSESTree.CallExpression): string {
      const callee = unwrapExpression(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return `${sourceCode.getText(callee)}()`;
      const receiver = sourceCode.getText(callee.object).replace(/\s+/g, ' ');
      const method = staticKeyName(callee) ?? '';
      return receiver.length <= 40 ? `${receiver}.${method}()` : `….${method}()`;
    }

    const modelName = (model: SoftModel): string => model.name || 'the model';

    return {
      CallExpression(node) {
        const name = callNameQuickly(node);
        if (name === undefined) return;
        if (hardDeleteNames.has(name) && node.callee.type === AST_NODE_TYPES.MemberExpression) {
          if (!inScope()) return;
          const found = hardDeleteOf(context, node);
          if (!found) return;
          const call = callText(node);
          if (found.force) {
            const force = found.force;
            context.report({
              node: force,
              messageId: 'forceDelete',
              data: { model: modelName(found.model), marker: found.model.entry.spec.marker, advice: found.model.entry.spec.advice, call },
              suggest: [{ messageId: 'dropForce', data: { method: name }, fix: removeProperty(sourceCode, force) }],
            });
            return;
          }
          const soft = found.soft;
          context.report({
            node,
            loc: { start: found.method.loc.start, end: node.loc.end },
            messageId: 'hardDelete',
            data: { model: modelName(found.model), marker: found.model.entry.spec.marker, advice: found.model.entry.spec.advice, call },
            suggest: soft ? [{ messageId: 'useSoft', data: { soft }, fix: (fixer: TSESLint.RuleFixer) => fixer.replaceText(found.method, soft) }] : [],
          });
          return;
        }
        if (sqlSinkNames.has(name) && mayDeleteRows(node) && inScope()) {
          const found = rawDeleteOf(context, node);
          if (!found) return;
          context.report({ node: found.sql, messageId: 'rawDelete', data: { model: modelName(found.model), marker: found.model.entry.spec.marker, advice: found.model.entry.spec.advice, table: found.table } });
        }
      },
    };
  },
});
