/**
 * Kysely migrations: `export async function up(db: Kysely<any>)` and `down`, loaded by
 * `FileMigrationProvider` and run in the alphabetical order of their names. Kysely leaves the
 * names to you (its docs suggest an ISO date prefix; kysely-ctl's `migrate:make` prefixes
 * `Date.now()`). `down` is optional: rolling back a migration without one does nothing.
 */
import type { MigrationToolKnowledge } from '../types-migrations';
import { datedParts, datetime14, epochMs, sequence } from './schemes';

export default {
  id: 'kysely',
  name: 'Kysely',
  docs: 'https://kysely.dev/docs/migrations',
  library: 'kysely',
  folders: ['**/migrations/**', '**/db/migrations/**'],
  extensions: ['.ts', '.js', '.mts', '.cts', '.mjs', '.cjs'],
  names: [datedParts, datetime14, epochMs, sequence],
  script: {
    shapes: ['exports'],
    modules: ['kysely'],
    upParameters: ['db'],
    omittedDown: 'no-rollback',
  },
} satisfies MigrationToolKnowledge;
