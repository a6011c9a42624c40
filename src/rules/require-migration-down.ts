import { migrationConventions, migrationTools } from '../knowledge/migrations';
import {
  analyseDown,
  commentText,
  commentsAt,
  fileHeaderComments,
  irreversibleCalls,
  irreversibleDocumentation,
  saysWhy,
  upOperations,
  type Documentation,
  type EmptyReason,
} from '../analysis/migrations/body';
import { getMigration, type MigrationShape } from '../analysis/migrations/detect';
import { createRule } from '../util/create-rule';

type Options = [{ folders?: string[]; irreversibleMarker?: string }];
type MessageIds = 'missingDown' | 'emptyDown' | 'undocumentedThrow' | 'undocumentedFalse' | 'notAutoReversible';

const EMPTY_WHAT: Record<EmptyReason, string> = {
  empty: 'it is empty',
  comments: 'it holds only comments',
  todo: 'it holds only a TODO',
  return: 'it only returns',
  callback: 'it only calls the completion callback',
  'blank-sql': 'it runs an empty SQL string',
  'empty-builder': 'its schema builder callback is empty',
  log: 'it only logs',
};

const MAX_UNDO_STEPS = 3;

export default createRule<Options, MessageIds>({
  name: 'require-migration-down',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require every migration to have a down migration that undoes it, or a documented reason why it cannot be undone',
      recommended: 'recommended',
      libraries: [...new Set(migrationTools.flatMap((tool) => (tool.script && tool.library ? [tool.library] : [])))],
    },
    messages: {
      missingDown:
        'This migration has no `down`, so it cannot be rolled back.{{note}} Add a `down` that undoes `up` in reverse order{{undo}}. If it cannot be undone, say so and why: make `down` throw an Error whose message gives the reason (what is lost, how to recover), or write a comment such as `// Irreversible: <why>` atop the file.',
      emptyDown:
        '`down` does nothing ({{what}}), so rolling back leaves what `up` did in place.{{note}} Make `down` undo `up` in reverse order{{undo}}. If it cannot be undone, make `down` throw an Error that says why, or document it in `down` with a comment such as `// Irreversible: <why>`.',
      undocumentedThrow:
        '`down` throws {{message}} without saying why this migration cannot be undone. Say why in the message (what is lost, how to recover), e.g. `throw new Error(\'Irreversible: <what is lost and how to recover it>\')`, or write a `down` that undoes `up`{{undo}}.',
      undocumentedFalse:
        '`down` is `false`: the migration cannot be rolled back, and nothing says why. Add a comment at `down` that says why it cannot be undone (what is lost, how to recover), or write a `down` that undoes `up`{{undo}}.',
      notAutoReversible:
        'This migration has no `down`, and node-pg-migrate cannot reverse {{calls}} by itself (it reverses operations such as `createTable`, `addColumns`, `createIndex`, `renameColumn`). Add a `down` that undoes `up`{{undo}}, or set `exports.down = false` with a comment that says why it cannot be undone.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          folders: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: 'Globs of the folders that hold migrations, relative to the working directory (default: the shared setting `migrationFolders`, else `**/migrations/**` and friends).',
          },
          irreversibleMarker: {
            type: 'string',
            minLength: 1,
            description: 'A regular expression (case-insensitive) that marks a comment as declaring the migration irreversible; the comment must also say why.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{}],
  },
  defaultOptions: [{}],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const marker = markerPattern(options.irreversibleMarker ?? migrationConventions.irreversibleMarker);

    /** `: drop table \`orders\``, listing what `down` must undo, last operation first. */
    function undoList(migration: MigrationShape): string {
      if (!migration.up) return '';
      const steps = upOperations(migration.up).map((operation) => operation.undo).reverse();
      if (steps.length === 0) return '';
      const shown = steps.slice(0, MAX_UNDO_STEPS).join(', then ');
      return `: ${shown}${steps.length > MAX_UNDO_STEPS ? `, and so on for the ${steps.length - MAX_UNDO_STEPS} other operation${steps.length - MAX_UNDO_STEPS === 1 ? '' : 's'}` : ''}`;
    }

    function documentation(...groups: ReturnType<typeof commentsAt>[]): Documentation {
      return irreversibleDocumentation(groups.flat(), marker, sourceCode);
    }

    const MARKER_ONLY = ' The comment says the migration is irreversible but not why.';

    return {
      'Program:exit'() {
        const migration = getMigration(context, options.folders);
        if (!migration) return;
        const loc = migration.reportLoc;
        const header = fileHeaderComments(sourceCode);
        const atDeclaration = commentsAt(migration.declarationStatement, sourceCode).filter((comment) => comment.range[1] <= migration.declaration.range[0]);
        const down = migration.down;
        const script = migration.tool?.script;

        if (down.kind === 'opaque') return;

        if (down.kind === 'missing') {
          const documented = documentation(header, atDeclaration);
          if (documented === 'documented') return;
          const note = documented === 'marker-without-reason' ? MARKER_ONLY : '';
          if (script?.omittedDown === 'reverses-up') {
            const calls = irreversibleCalls(migration.up, migration.tool!);
            if (calls.length === 0) return;
            context.report({ loc, messageId: 'notAutoReversible', data: { calls: calls.slice(0, MAX_UNDO_STEPS).join(', '), undo: undoList(migration) } });
            return;
          }
          const inherited =
            script?.omittedDown === 'base-class-throws'
              ? ` The \`down\` ${migration.tool!.name} inherits only throws an error that gives no reason.`
              : '';
          context.report({ loc, messageId: 'missingDown', data: { note: `${inherited}${note}`, undo: undoList(migration) } });
          return;
        }

        if (down.kind === 'false') {
          if (script && !script.falseDown) {
            context.report({ loc, messageId: 'missingDown', data: { note: ' `down` is `false`.', undo: undoList(migration) } });
            return;
          }
          const documented =
            commentsAt(down.node, sourceCode).some((comment) => saysWhy(commentText(comment), marker)) || documentation(header) === 'documented';
          if (!documented) context.report({ loc, messageId: 'undocumentedFalse', data: { undo: undoList(migration) } });
          return;
        }

        const body = analyseDown(down.fn, migration.tool, sourceCode);
        if (body.kind === 'work') return;
        if (body.kind === 'throws') {
          if (body.message === undefined || saysWhy(body.message, marker)) return;
          if (documentation(commentsAt(down.node, sourceCode), header) === 'documented') return;
          // `up` drops a table or column or deletes rows: why it cannot be undone is evident from `up` itself.
          if (migration.up && upOperations(migration.up).some((operation) => operation.spec.losesData)) return;
          const shown = body.message.trim() === '' ? 'an error with no message' : `"${truncate(body.message.trim(), 80)}"`;
          context.report({ loc, messageId: 'undocumentedThrow', data: { message: shown, undo: undoList(migration) } });
          return;
        }
        const documented = documentation(commentsAt(down.node, sourceCode), header);
        if (documented === 'documented') return;
        context.report({
          loc,
          messageId: 'emptyDown',
          data: { what: EMPTY_WHAT[body.reason], note: documented === 'marker-without-reason' ? MARKER_ONLY : '', undo: undoList(migration) },
        });
      },
    };
  },
});

const markers = new Map<string, RegExp>();

/** The irreversible marker, compiled once per source (create() runs for every file). */
function markerPattern(source: string): RegExp {
  let marker = markers.get(source);
  if (!marker) {
    try {
      marker = new RegExp(source, 'i');
    } catch (error) {
      throw new Error(`require-migration-down: the irreversibleMarker option is not a valid regular expression: ${(error as Error).message}`, { cause: error });
    }
    markers.set(source, marker);
  }
  return marker;
}

function truncate(text: string, length: number): string {
  const single = text.replace(/\s+/g, ' ');
  return single.length > length ? `${single.slice(0, length - 1)}…` : single;
}
