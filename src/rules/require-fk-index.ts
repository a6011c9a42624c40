import type { TSESTree } from '@typescript-eslint/utils';
import { KeyCollector, entityIndexIn, foreignKeyWords, keyCallNames, referencesKeys, relationDecoratorNames } from '../analysis/schema/foreign-keys';
import { textMentions } from '../analysis/text-screen';
import { looksLikeTableDefinition } from '../analysis/schema/table-functions';
import { nearbyMigrationIndexes, siblingIndexes } from '../analysis/schema/sibling-indexes';
import { absoluteFileName, getMigration, migrationFolders, relativeFileName } from '../analysis/migrations/detect';
import { matchesAnyGlob } from '../analysis/glob';
import { libraries } from '../knowledge';
import { isWithin, referenceName, staticKeyName } from '../util/ast';
import { nameListSchema } from '../util/option-schemas';
import { createRule } from '../util/create-rule';
import { AST_NODE_TYPES } from '../util/node-types';

type Options = [{ ignore?: string[] }];
type MessageIds = 'missingIndex' | 'indexOnlyInMigration';

/** Databases that index every foreign key themselves: the rule has nothing to say there. */
const SELF_INDEXING_DIALECTS = new Set(['mysql', 'mariadb']);

export default createRule<Options, MessageIds>({
  name: 'require-fk-index',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require an index on the columns of every foreign key',
      recommended: 'recommended',
      libraries: libraries.filter((library) => library.schema?.foreignKeys).map((library) => library.id),
    },
    messages: {
      missingIndex:
        'Foreign key `{{key}}` has no index that starts with its column{{plural}}: every join through it, and every delete or key change of a referenced row (the database checks this table for rows that still point at it), reads all of `{{table}}`. PostgreSQL and SQLite do not index foreign keys by themselves; {{advice}}.',
      indexOnlyInMigration:
        'Foreign key `{{key}}` is indexed only by the migration `{{file}}`: the entity does not declare the index, so the next `migration:generate` sees an index the entities lack and writes a migration that drops it, and every join and delete check then reads all of `{{table}}`. Declare it on the entity: {{advice}}.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          ignore: nameListSchema(
            'Foreign keys never reported: `table` (every key of it), `table.column`, or `*.column`.',
          ),
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ ignore: [] }],
  },
  defaultOptions: [{ ignore: [] }],
  create(context, [options]) {
    const dialect = (context.settings as { dbconventions?: { dialect?: unknown } } | undefined)?.dbconventions?.dialect;
    if (typeof dialect === 'string' && SELF_INDEXING_DIALECTS.has(dialect.toLowerCase())) return {};
    if (!textMentions(context.sourceCode.text, foreignKeyWords)) return {};
    const ignore = new Set((options.ignore ?? []).map((entry) => entry.toLowerCase()));
    let collector: KeyCollector | undefined;
    const keys = (): KeyCollector => (collector ??= new KeyCollector(context));

    /** Indexes created by the other migrations of this file's folder, read only when a key is still unserved. */
    function indexesElsewhere() {
      const relative = relativeFileName(context);
      if (relative === undefined || !matchesAnyGlob(relative, migrationFolders(context, undefined))) return [];
      return siblingIndexes(absoluteFileName(context), context.cwd);
    }

    let nearby: ReturnType<typeof nearbyMigrationIndexes> | undefined;
    /** Indexes of the migration folders near an entity file, read once per file and only for an unserved entity key. */
    function migrationIndexesNear() {
      const folders = migrationFolders(context, undefined);
      return (nearby ??= nearbyMigrationIndexes(absoluteFileName(context), context.cwd, (relative) => matchesAnyGlob(relative, folders)));
    }

    function ignored(table: string, columns: readonly string[]): boolean {
      if (ignore.size === 0) return false;
      const lower = table.toLowerCase();
      return ignore.has(lower) || columns.some((column) => ignore.has(`${lower}.${column.toLowerCase()}`) || ignore.has(`*.${column.toLowerCase()}`));
    }

    return {
      CallExpression(node) {
        const name = referenceName(node.callee);
        // A table function the project made (`createTable = pgTableCreator(…)`) goes by any name: its shape lets it through.
        if (name !== undefined && (keyCallNames.has(name) || looksLikeTableDefinition(node))) keys().call(node, name);
      },
      Property(node) {
        if (node.parent.type !== AST_NODE_TYPES.ObjectExpression) return;
        const key = staticKeyName(node);
        if (key !== undefined && referencesKeys.has(key)) keys().references(node);
      },
      Decorator(node) {
        const expression = node.expression;
        if (expression.type !== AST_NODE_TYPES.CallExpression) return;
        const name = referenceName(expression.callee);
        if (name !== undefined && relationDecoratorNames.has(name)) keys().decorator(node);
      },
      Literal(node) {
        if (typeof node.value === 'string' && node.value.length > 20 && /REFERENCES|FOREIGN|INDEX|UNIQUE|PRIMARY/i.test(node.value)) {
          keys().text(node as TSESTree.StringLiteral);
        }
      },
      TemplateLiteral(node) {
        const first = node.quasis[0]?.value.raw ?? '';
        if (node.quasis.some((quasi) => /REFERENCES|FOREIGN|INDEX|UNIQUE|PRIMARY/i.test(quasi.value.raw)) && first.length + node.quasis.length > 1) keys().text(node);
      },
      'Program:exit'() {
        if (!collector) return;
        let down: TSESTree.Node | null | undefined;
        for (const finding of collector.unserved(indexesElsewhere)) {
          if (ignored(finding.table, finding.columns)) continue;
          // A key the migration's `down` makes again restores an earlier migration's schema: the index is that one's question.
          if (down === undefined) {
            const spec = getMigration(context, undefined)?.down;
            down = spec?.kind === 'function' ? spec.fn : null;
          }
          if (down && isWithin(finding.node, down)) continue;
          const columns = finding.columns;
          const data = {
            key: `${finding.table}.${columns.length === 1 ? columns[0] : `(${columns.join(', ')})`}`,
            plural: columns.length === 1 ? '' : 's',
            table: finding.table,
            advice: finding.advice,
          };
          const inMigration = finding.entity && relativeFileName(context) !== undefined ? entityIndexIn(finding, migrationIndexesNear()) : undefined;
          if (inMigration?.file) {
            context.report({
              node: finding.node,
              loc: finding.loc,
              messageId: 'indexOnlyInMigration',
              data: { key: data.key, table: data.table, advice: data.advice, file: inMigration.file },
            });
          } else {
            context.report({ node: finding.node, loc: finding.loc, messageId: 'missingIndex', data });
          }
        }
      },
    };
  },
});
