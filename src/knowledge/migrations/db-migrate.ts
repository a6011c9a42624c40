/**
 * db-migrate migrations: `exports.up = function (db, callback) {…}` (or returning a promise) and
 * `exports.down`, with `exports.setup` and `exports._meta` beside them, named
 * `<yyyyMMddHHmmss>-<name>.js`. With `--sql-file`, the JavaScript file reads
 * `sqls/<yyyyMMddHHmmss>-<name>-up.sql` and `-down.sql`, which start as
 * `/* Replace with your SQL commands *\/`.
 */
import type { MigrationToolKnowledge } from '../types-migrations';
import { datetime14 } from './schemes';

export default {
  id: 'db-migrate',
  name: 'db-migrate',
  docs: 'https://db-migrate.readthedocs.io/en/latest/Getting%20Started/usage/',
  folders: ['**/migrations/**'],
  extensions: ['.js', '.ts', '.cjs', '.sql'],
  names: [datetime14],
  script: {
    shapes: ['exports'],
    modules: ['db-migrate', 'db-migrate-base'],
    upParameters: ['db'],
    callback: true,
    omittedDown: 'no-rollback',
  },
  sql: {
    layout: 'pair',
    upSuffix: '-up',
    downSuffix: '-down',
    subfolder: 'sqls',
    hasDown: true,
  },
} satisfies MigrationToolKnowledge;
