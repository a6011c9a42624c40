/**
 * umzug migrations: `export const up: MigrationFn<…> = async ({ context }) => {…}` and `down`
 * (ts template), `exports.up = async params => {}` (js template), or `module.exports = { up, down }`.
 * Its `create` command prefixes a `TIMESTAMP` (`2024.01.01T12.00.00.`), a `DATE`
 * (`2024.01.01.`) or nothing. It also runs `.sql` files through a custom resolver, often as
 * `.up.sql`/`.down.sql` pairs.
 */
import type { MigrationToolKnowledge } from '../types-migrations';
import { datedParts, datetime14, epochMs, sequence } from './schemes';

export default {
  id: 'umzug',
  name: 'umzug',
  docs: 'https://github.com/sequelize/umzug#readme',
  folders: ['**/migrations/**', '**/migration/**'],
  extensions: ['.ts', '.js', '.mts', '.cts', '.mjs', '.cjs'],
  names: [datedParts, datetime14, epochMs, sequence],
  script: {
    shapes: ['exports'],
    modules: ['umzug'],
    upParameters: ['context', 'params'],
    omittedDown: 'no-rollback',
  },
} satisfies MigrationToolKnowledge;
