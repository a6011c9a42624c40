import fs from 'node:fs';
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { migrationTools } from '../knowledge/migrations';
import { GitUnavailable, fileAtRef, resolveGitRef } from '../analysis/migrations/git';
import { findManifest, manifestKey, peekManifest, readManifestCached, type ManifestState } from '../analysis/migrations/manifest';
import { HASH_MODES, hashMigration, type HashMode } from '../analysis/migrations/hash';
import { absoluteFileName, getMigration, getMigrationShape, isInMigrationFolder, migrationFolders, relativeFileName } from '../analysis/migrations/detect';
import { createRule } from '../util/create-rule';

type Options = [{ manifest?: string; gitRef?: string; hash?: HashMode; folders?: string[] }];
type MessageIds = 'editedApplied' | 'editedOnRef' | 'manifestUnreadable' | 'gitUnavailable';

export default createRule<Options, MessageIds>({
  name: 'no-applied-migration-edit',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow editing a migration that has been applied to a shared environment: write a new migration instead',
      recommended: 'recommended',
      libraries: [...new Set(migrationTools.flatMap((tool) => (tool.script && tool.library ? [tool.library] : [])))],
    },
    messages: {
      editedApplied:
        'This migration was applied (it is recorded in `{{manifest}}`) and its content no longer matches. Never edit an applied migration: databases that ran it will not run it again, so they drift from the code. Revert this change and write a new migration that makes the correction. If the edit is deliberate and changes nothing any database needs (a comment, a vendor fix), record it for review with `dbconventions accept {{file}} --reason "…"`.',
      editedOnRef:
        'This migration was applied (it is on `{{ref}}`) and its content no longer matches that version. Never edit an applied migration: databases that ran it will not run it again, so they drift from the code. Revert this change and write a new migration that makes the correction.',
      manifestUnreadable:
        'The migrations manifest cannot be read, so applied migrations cannot be checked: {{problem}}. Fix it, or restore it from version control; `dbconventions verify` reports the same error.',
      gitUnavailable: 'Cannot tell whether this migration was applied: {{problem}}.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          manifest: {
            type: 'string',
            minLength: 1,
            description: 'Path of the manifest, relative to the working directory (default: the nearest `migrations.manifest.jsonl` in or above the file\'s folder, up to the repository root).',
          },
          gitRef: {
            type: 'string',
            minLength: 1,
            pattern: '^[A-Za-z0-9_./@^~{}][A-Za-z0-9_./@^~{}-]*$',
            description: 'Compare with this git ref (`origin/main`) instead of a manifest: migrations present there count as applied.',
          },
          hash: {
            type: 'string',
            enum: [...HASH_MODES],
            description: 'How the git-ref source compares contents: `tokens` ignores formatting, `exact` every byte but line endings. A manifest records its own mode.',
          },
          folders: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: 'Globs of the folders that hold migrations, relative to the working directory.',
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

    /** Where a whole-file finding sits: the migration's declaration, or the first statement. */
    function reportTarget(): { node: TSESTree.Node } | { loc: TSESTree.SourceLocation } {
      const shape = getMigrationShape(context);
      if (shape) return { loc: shape.reportLoc };
      const first = sourceCode.ast.body[0];
      return first ? { node: first } : { loc: { start: { line: 1, column: 0 }, end: { line: 1, column: 0 } } };
    }

    function checkAgainstRef(ref: string, file: string): void {
      if (!getMigration(context, options.folders)) return;
      let previous: string | undefined;
      try {
        const resolved = resolveGitRef(realDirectory(path.dirname(file)), ref);
        const relativeToTop = path.relative(resolved.top, path.join(realDirectory(path.dirname(file)), path.basename(file))).split(path.sep).join('/');
        previous = fileAtRef(resolved, relativeToTop);
      } catch (error) {
        if (!(error instanceof GitUnavailable)) throw error;
        context.report({ ...reportTarget(), messageId: 'gitUnavailable', data: { problem: error.reason } });
        return;
      }
      if (previous === undefined) return;
      const mode = options.hash ?? 'tokens';
      if (hashMigration(previous, file, mode) !== hashMigration(sourceCode.text, file, mode)) {
        context.report({ ...reportTarget(), messageId: 'editedOnRef', data: { ref } });
      }
    }

    function checkAgainstManifest(file: string): void {
      const manifestFile = options.manifest ? path.resolve(context.cwd, options.manifest) : findManifest(path.dirname(file));
      if (!manifestFile) return;
      const relative = relativeFileName(context);
      if (relative === undefined) return;
      const key = manifestKey(manifestFile, file);
      const inFolder = isInMigrationFolder(relative, migrationFolders(context, options.folders));
      if (!inFolder) {
        // Outside the migration folders only a file the manifest lists is checked: skip the disk when
        // the manifest read last does not list it.
        const known = peekManifest(manifestFile);
        if (known && (known.kind !== 'ok' || !known.manifest.entries.has(key))) return;
      }
      const state: ManifestState = readManifestCached(manifestFile);
      if (state.kind === 'missing') return;
      if (state.kind === 'error') {
        if (inFolder && getMigrationShape(context)) {
          context.report({ ...reportTarget(), messageId: 'manifestUnreadable', data: { problem: state.error.message } });
        }
        return;
      }
      const entry = state.manifest.entries.get(key);
      if (!entry || entry.deleted) return;
      if (hashMigration(sourceCode.text, file, state.manifest.hash) === entry.hash) return;
      context.report({
        ...reportTarget(),
        messageId: 'editedApplied',
        data: { manifest: path.relative(context.cwd, manifestFile).split(path.sep).join('/') || path.basename(manifestFile), file: relative },
      });
    }

    return {
      'Program:exit'() {
        const filename = context.filename;
        if (!filename || filename === '<input>' || filename === '<text>') return;
        const file = absoluteFileName(context);
        if (options.gitRef) checkAgainstRef(options.gitRef, file);
        else checkAgainstManifest(file);
      },
    };
  },
});

const realDirectories = new Map<string, string>();

/** The folder with symlinks resolved (git reports its top folder that way), or as given if it does not exist. */
function realDirectory(directory: string): string {
  let real = realDirectories.get(directory);
  if (real === undefined) {
    try {
      real = fs.realpathSync(directory);
    } catch {
      real = directory;
    }
    realDirectories.set(directory, real);
  }
  return real;
}
