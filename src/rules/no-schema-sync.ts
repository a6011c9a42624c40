import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  ddlCallFinding,
  ddlTagFinding,
  impliedSyncFinding,
  impliedSyncKeys,
  isExemptFile,
  schemaCallFinding,
  schemaChangeMethods,
  schemaSyncWords,
  syncOptionFinding,
  syncOptionKeys,
  type DdlFinding,
} from '../analysis/schema/sync';
import { libraries } from '../knowledge';
import { referenceName, staticKeyName, unwrapExpression } from '../util/ast';
import { textMentions } from '../analysis/text-screen';
import { nameListSchema } from '../util/option-schemas';
import { createRule } from '../util/create-rule';
import { AST_NODE_TYPES } from '../util/node-types';

type Options = [{ ignoreFiles?: string[] }];
type MessageIds = 'syncOption' | 'impliedSync' | 'schemaCall' | 'ddl' | 'setFalse' | 'addFalse';

const defaultIgnoreFiles = ['**/*.{test,spec}.*', '**/{test,tests,__tests__,e2e,seeds}/**'];

const cost =
  'No environment keeps a record of what changed or in which order, nobody reviews the change before it reaches production, and a renamed field can come back as a dropped column and an empty new one.';

export default createRule<Options, MessageIds>({
  name: 'no-schema-sync',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow changing the database schema from application code instead of in a migration',
      recommended: 'recommended',
      libraries: libraries.filter((library) => library.schema?.syncOptions || library.schema?.changeCalls).map((library) => library.id),
    },
    hasSuggestions: true,
    messages: {
      syncOption: `\`{{key}}: true\` makes {{orm}} change the database schema by itself: it {{effect}}. ${cost} Set it to \`false\` and change the schema by migration: {{advice}}.`,
      schemaCall: `\`{{call}}\` changes the database schema from application code: it {{effect}}. ${cost} Put the change in a migration file instead: {{advice}}.`,
      ddl: `\`{{call}}\` runs \`{{statement}}\` from application code, outside a migration. ${cost} Move the statement into a migration{{advice}}.`,
      impliedSync: `\`{{key}}: true\` without \`{{option}}: false\` makes {{orm}} change the database schema by itself (\`{{option}}\` defaults to true): it {{effect}}. ${cost} Add \`{{option}}: false\` and change the schema by migration: {{advice}}.`,
      setFalse: 'Set `{{key}}: false` (then generate a migration for any pending schema change).',
      addFalse: 'Add `{{option}}: false` (then write a migration for any pending schema change).',
    },
    schema: [
      {
        type: 'object',
        properties: {
          ignoreFiles: nameListSchema(
            'Globs (relative to the working directory) of files that may change the schema: tests, seeds, fixtures. Migration folders (the shared `migrationFolders` setting) are always exempt. Replaces the default list.',
          ),
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ ignoreFiles: defaultIgnoreFiles }],
  },
  defaultOptions: [{ ignoreFiles: defaultIgnoreFiles }],
  create(context, [options]) {
    if (!textMentions(context.sourceCode.text, schemaSyncWords)) return {};
    const ignore = options.ignoreFiles ?? defaultIgnoreFiles;
    const sourceCode = context.sourceCode;
    let exempt: boolean | undefined;
    const inScope = (): boolean => !(exempt ??= isExemptFile(context, ignore));

    function callText(call: TSESTree.CallExpression): string {
      const callee = unwrapExpression(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return `${sourceCode.getText(callee)}()`;
      const receiver = sourceCode.getText(callee.object);
      const method = staticKeyName(callee) ?? '';
      return receiver.length <= 40 && !receiver.includes('\n') ? `${receiver}.${method}()` : `….${method}()`;
    }

    function callLoc(call: TSESTree.CallExpression): TSESTree.SourceLocation {
      const callee = unwrapExpression(call.callee);
      const start = callee.type === AST_NODE_TYPES.MemberExpression ? callee.property.loc.start : call.loc.start;
      return { start, end: call.loc.end };
    }

    function reportDdl(node: TSESTree.Node, loc: TSESTree.SourceLocation, call: string, finding: DdlFinding): void {
      const advice = finding.library?.schema?.migrationAdvice;
      context.report({ node, loc, messageId: 'ddl', data: { call, statement: finding.statement, advice: advice ? `: ${advice}` : '' } });
    }

    return {
      Property(node) {
        if (node.value.type !== AST_NODE_TYPES.Literal || node.value.value !== true) return;
        const key = staticKeyName(node);
        if (key === undefined || node.parent.type !== AST_NODE_TYPES.ObjectExpression) return;
        if (impliedSyncKeys.has(key) && inScope()) {
          const implied = impliedSyncFinding(context, node);
          if (implied) {
            const data = { key, option: implied.option, orm: implied.library.name, effect: implied.effect, advice: implied.library.schema?.migrationAdvice ?? '' };
            context.report({
              node,
              messageId: 'impliedSync',
              data,
              suggest: [{ messageId: 'addFalse', data, fix: (fixer: TSESLint.RuleFixer) => fixer.insertTextAfter(node, `, ${implied.option}: false`) }],
            });
            return;
          }
        }
        if (!syncOptionKeys.has(key)) return;
        if (!inScope()) return;
        const finding = syncOptionFinding(context, node);
        if (!finding) return;
        const value = node.value;
        const data = { key, orm: finding.library.name, effect: finding.effect, advice: finding.library.schema?.migrationAdvice ?? '' };
        context.report({
          node,
          messageId: 'syncOption',
          data,
          suggest: [{ messageId: 'setFalse', data, fix: (fixer: TSESLint.RuleFixer) => fixer.replaceText(value, 'false') }],
        });
      },
      CallExpression(node) {
        const name = referenceName(node.callee);
        if (name === undefined) return;
        if (schemaChangeMethods.has(name)) {
          if (!inScope()) return;
          const finding = schemaCallFinding(context, node);
          if (finding) {
            context.report({
              node,
              loc: callLoc(node),
              messageId: 'schemaCall',
              data: { call: callText(node), effect: finding.effect, advice: finding.library.schema?.migrationAdvice ?? '' },
            });
            return;
          }
        }
        if (node.arguments.length === 0) return;
        // Cheap on every other call: a name check, then the argument's constant text, then the library.
        const finding = ddlCallFinding(context, node);
        if (finding && inScope()) reportDdl(node, callLoc(node), callText(node), finding);
      },
      TaggedTemplateExpression(node) {
        const quasi = node.quasi.quasis[0]?.value.raw;
        if (quasi === undefined || !/\b(?:CREATE|ALTER|DROP|RENAME)\b/i.test(quasi)) return;
        const finding = ddlTagFinding(context, node);
        if (finding && inScope()) reportDdl(node, node.loc, `${sourceCode.getText(node.tag)}\`…\``, finding);
      },
    };
  },
});
