/**
 * Shared settings, read by every engine: `settings.dbconventions` in the user's config.
 *
 *   settings: { dbconventions: { libraryModules: { '@app/db': 'knex', './orm': 'typeorm' } } }
 *
 * `libraryModules` tells the import engine that a module of the user's own re-exports a library,
 * so the untyped tier recognises it as well as typed mode does. Unknown library ids and
 * malformed values are ignored: settings are not schema-checked by ESLint, and a typo must
 * never crash a lint run.
 */
import { libraries } from '../knowledge';
import type { LibraryKnowledge } from '../knowledge/types';
import type { AnyRuleContext } from './per-file';

const parsed = new WeakMap<object, ReadonlyMap<string, LibraryKnowledge> | null>();

export function libraryModuleSettings(context: AnyRuleContext): ReadonlyMap<string, LibraryKnowledge> | undefined {
  const settings = (context.settings as Record<string, unknown> | undefined)?.dbconventions;
  if (!settings || typeof settings !== 'object') return undefined;
  let map = parsed.get(settings);
  if (map === undefined) {
    const entries = new Map<string, LibraryKnowledge>();
    const raw = (settings as { libraryModules?: unknown }).libraryModules;
    if (raw && typeof raw === 'object') {
      for (const [moduleName, id] of Object.entries(raw)) {
        const library = libraries.find((candidate) => candidate.id === id);
        if (library) entries.set(moduleName, library);
      }
    }
    map = entries.size > 0 ? entries : null;
    parsed.set(settings, map);
  }
  return map ?? undefined;
}

/**
 * `settings.dbconventions.followModules: false` turns cross-file reach off: the rules then read
 * only the linted file (and the type checker, in typed mode). On by default.
 */
export function followModulesSetting(context: AnyRuleContext): boolean {
  const settings = (context.settings as Record<string, unknown> | undefined)?.dbconventions;
  return !(settings && typeof settings === 'object' && (settings as { followModules?: unknown }).followModules === false);
}
