import path from 'node:path';
import { migrationTools } from '../knowledge/migrations';
import { epochMsSuffix, mikroOrmClass } from '../knowledge/migrations/schemes';
import type { NameSchemeSpec } from '../knowledge/types-migrations';
import { namesTouched, upOperations } from '../analysis/migrations/body';
import { baseNameOf, judgeName, parseName, splitWords, styleLike, type NameOptions, type NameVerdict, type ParsedName } from '../analysis/migrations/name';
import { getMigration, type MigrationShape } from '../analysis/migrations/detect';
import { createRule } from '../util/create-rule';

type Options = [
  {
    folders?: string[];
    genericWords?: string[];
    allowWords?: string[];
    allow?: string[];
    deny?: string[];
    acceptGeneratedNames?: boolean;
  },
];
type MessageIds = 'emptyName' | 'genericName' | 'generatedName' | 'deniedName';

const ORDER_WORD: Record<NameSchemeSpec['orderKind'], string> = {
  'epoch-ms': 'timestamp',
  'epoch-s': 'timestamp',
  datetime: 'timestamp',
  sequence: 'sequence number',
  version: 'version number',
  none: 'prefix',
};

/** Patterns already compiled once: create() runs for every file. */
const checkedPatterns = new Set<string>();

const stringList = (description: string) => ({
  type: 'array' as const,
  items: { type: 'string' as const, minLength: 1 },
  uniqueItems: true,
  description,
});

export default createRule<Options, MessageIds>({
  name: 'no-generic-migration-name',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow migration names that say nothing about what the migration does, such as `update_models` or a bare timestamp',
      recommended: 'recommended',
      libraries: [...new Set(migrationTools.flatMap((tool) => (tool.script && tool.library ? [tool.library] : [])))],
    },
    messages: {
      emptyName:
        'The {{source}} `{{base}}` is only a {{scheme}}: nothing says what this migration does. Add a name that says what it changes{{suggestion}}.',
      genericName:
        'The {{source}} `{{base}}` says nothing about what this migration does: {{words}} {{are}} generic. Name it for the change it makes{{suggestion}}, so the migration history reads like a changelog.',
      generatedName:
        'The {{source}} `{{base}}` is {{description}}: it says nothing about what this migration does. {{hint}} Name it for the change it makes{{suggestion}}.',
      deniedName: 'The {{source}} `{{base}}` matches the disallowed name pattern `{{pattern}}`. Name it for the change it makes{{suggestion}}.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          folders: stringList('Globs of the folders that hold migrations, relative to the working directory.'),
          genericWords: stringList('Words that count as generic, besides the built-in ones (`update`, `models`, `schema`, `changes`, `fix`, …).'),
          allowWords: stringList('Words that always count as meaningful, even if built-in lists call them generic (`init`, `initial` and `baseline` always do).'),
          allow: stringList('Regular expressions (case-insensitive) tested against the name without its timestamp: a match is accepted.'),
          deny: stringList('Regular expressions (case-insensitive) tested against the name without its timestamp: a match is reported.'),
          acceptGeneratedNames: {
            type: 'boolean',
            description: "Accept names a tool made up: MikroORM's default `Migration<timestamp>`, names that are only an application version.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{}],
  },
  defaultOptions: [{}],
  create(context, [options]) {
    for (const key of ['allow', 'deny'] as const) {
      for (const pattern of options[key] ?? []) {
        if (checkedPatterns.has(pattern)) continue;
        try {
          new RegExp(pattern, 'i');
          checkedPatterns.add(pattern);
        } catch (error) {
          throw new Error(`no-generic-migration-name: the ${key} pattern ${JSON.stringify(pattern)} is not a valid regular expression: ${(error as Error).message}`, { cause: error });
        }
      }
    }
    const nameOptions: NameOptions = options;
    const teamGeneric = new Set((options.genericWords ?? []).map((word) => word.toLowerCase()));

    /** A name proposed from `up` when it does exactly one thing this plugin can name. */
    function suggestion(migration: MigrationShape, example: string): string {
      if (!migration.up) return '';
      const operations = upOperations(migration.up);
      if (operations.length !== 1 || !operations[0]!.nameWords) return '';
      return `, e.g. \`${styleLike(operations[0]!.nameWords, example)}\``;
    }

    return {
      'Program:exit'() {
        const migration = getMigration(context, options.folders);
        if (!migration) return;
        const tool = migration.tool;
        const classSchemes = tool?.classNames ?? [mikroOrmClass, epochMsSuffix];
        const candidates: { source: string; parsed: ParsedName }[] = [
          { source: 'file name', parsed: parseName(baseNameOf(path.basename(context.filename), tool), tool?.names) },
        ];
        if (migration.className) candidates.push({ source: 'class name', parsed: parseName(migration.className, classSchemes) });
        if (migration.nameField) candidates.push({ source: '`name` field', parsed: parseName(migration.nameField.value, classSchemes) });

        let touched: ReadonlySet<string> | undefined;
        for (const { source, parsed } of candidates) {
          const verdict: NameVerdict = judgeName(parsed, nameOptions, tool);
          if (verdict.kind === 'ok') continue;
          if (verdict.kind === 'generic' && migration.up) {
            // `entities`, `created_by`, `CreateTestRunTable`: generic words that name what `up` works on.
            touched ??= new Set(namesTouched(migration.up).flatMap(splitWords).map(singular));
            // Words the team listed as generic stay generic, whatever `up` touches.
            if (parsed.words.some((word) => word.length > 2 && !teamGeneric.has(word) && touched!.has(singular(word)))) continue;
          }
          const base = parsed.base;
          const proposed = suggestion(migration, styleExample(parsed));
          const loc = migration.reportLoc;
          switch (verdict.kind) {
            case 'empty':
              context.report({ loc, messageId: 'emptyName', data: { source, base, suggestion: proposed, scheme: parsed.scheme ? ORDER_WORD[parsed.scheme.orderKind] : 'number' } });
              return;
            case 'generic': {
              const words = [...new Set(parsed.words)].map((word) => `\`${word}\``);
              const listed = words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]!}`;
              context.report({ loc, messageId: 'genericName', data: { source, base, suggestion: proposed, words: listed, are: words.length === 1 ? 'is' : 'are' } });
              return;
            }
            case 'generated':
              context.report({ loc, messageId: 'generatedName', data: { source, base, suggestion: proposed, description: verdict.description, hint: withStop(verdict.hint) } });
              return;
            case 'denied':
              context.report({ loc, messageId: 'deniedName', data: { source, base, suggestion: proposed, pattern: verdict.pattern } });
              return;
          }
        }
      },
    };
  },
});

/** What the proposed name should look like: the name itself, or for one lowercase word the separator before it. */
function styleExample(parsed: ParsedName): string {
  const meaning = parsed.meaning;
  if (!meaning || /[-_]|[a-z][A-Z]|^[A-Z]/.test(meaning)) return meaning;
  const at = parsed.base.lastIndexOf(meaning);
  return at > 0 && parsed.base[at - 1] === '-' ? 'a-b' : 'a_b';
}

/** `entities` → `entity`, `orders` → `order`: a name's word and a table's word compared alike. */
function singular(word: string): string {
  return word.endsWith('ies') ? `${word.slice(0, -3)}y` : word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

function withStop(text: string): string {
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}
