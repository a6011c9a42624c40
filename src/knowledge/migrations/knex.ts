/**
 * knex migrations: `exports.up = function (knex) {…}` / `exports.down` (the js stub), or
 * `export async function up(knex: Knex)` (the ts stub), written by `knex migrate:make <name>` as
 * `<yyyyMMddHHmmss>_<name>.<ext>`. knex refuses to load a migration without both functions.
 */
import type { MigrationToolKnowledge } from '../types-migrations';
import { datetime14, epochMs } from './schemes';

export default {
  id: 'knex',
  name: 'knex',
  docs: 'https://knexjs.org/guide/migrations.html',
  library: 'knex',
  folders: ['**/migrations/**', '**/db/migrations/**'],
  extensions: ['.js', '.ts', '.mjs', '.cjs', '.mts', '.cts'],
  names: [datetime14, epochMs],
  script: {
    shapes: ['exports'],
    modules: ['knex'],
    upParameters: ['knex', 'trx'],
    omittedDown: 'no-rollback',
  },
} satisfies MigrationToolKnowledge;
