/**
 * node-pg-migrate migrations: `exports.up = (pgm) => {…}`, `export async function up(pgm: MigrationBuilder)`,
 * or `module.exports = { up, down }`, named `<Date.now()>_<name>` (`--migration-filename-format
 * timestamp`, the default), `<yyyyMMddHHmmssSSS>_<name>` (`utc`) or `<0001>_<name>` (`index`).
 *
 * Without a `down`, node-pg-migrate rolls back by running `up` in reverse mode: every `pgm.<op>()`
 * call is replaced by its `.reverse`, and an operation without one throws "Impossible to
 * automatically infer down migration". `exports.down = false` disables rolling back on purpose.
 * The list below is every operation with a `.reverse` in node-pg-migrate 9.0.0
 * (`dist/legacy/operations/**`, and the aliases `migrationBuilder.js` defines: `addColumn`,
 * `addIndex`, `addType`, `addExtension`, `createConstraint`). `pgm.sql()` and `pgm.db.query()` have
 * none. `addConstraint` reverses only with a constraint name and an options object, not raw SQL.
 *
 * SQL migrations (`.sql` with `-- Up Migration` / `-- Down Migration`) are checked by the CLI.
 */
import type { MigrationToolKnowledge } from '../types-migrations';
import { datetime17, epochMs, sequence } from './schemes';

export default {
  id: 'node-pg-migrate',
  name: 'node-pg-migrate',
  docs: 'https://salsita.github.io/node-pg-migrate/migrations/',
  folders: ['**/migrations/**'],
  extensions: ['.js', '.ts', '.mjs', '.cjs', '.mts', '.cts', '.sql'],
  names: [epochMs, datetime17, sequence],
  script: {
    shapes: ['exports'],
    modules: ['node-pg-migrate'],
    upParameters: ['pgm'],
    omittedDown: 'reverses-up',
    falseDown: true,
    neutralMethods: ['noTransaction', 'func'],
    reversibleOperations: [
      { method: 'createTable' },
      { method: 'renameTable' },
      { method: 'addColumns' },
      { method: 'addColumn' },
      { method: 'renameColumn' },
      { method: 'addConstraint', requiredArguments: [1], nonStringArguments: [2] },
      { method: 'createConstraint', requiredArguments: [1], nonStringArguments: [2] },
      { method: 'renameConstraint' },
      { method: 'createIndex' },
      { method: 'addIndex' },
      { method: 'renameIndex' },
      { method: 'createType' },
      { method: 'addType' },
      { method: 'renameType' },
      { method: 'addTypeAttribute' },
      { method: 'renameTypeAttribute' },
      { method: 'renameTypeValue' },
      { method: 'createExtension' },
      { method: 'addExtension' },
      { method: 'createSchema' },
      { method: 'renameSchema' },
      { method: 'createSequence' },
      { method: 'renameSequence' },
      { method: 'createDomain' },
      { method: 'renameDomain' },
      { method: 'createFunction' },
      { method: 'renameFunction' },
      { method: 'createTrigger' },
      { method: 'renameTrigger' },
      { method: 'createView' },
      { method: 'renameView' },
      { method: 'createMaterializedView' },
      { method: 'renameMaterializedView' },
      { method: 'renameMaterializedViewColumn' },
      { method: 'refreshMaterializedView' },
      { method: 'createRole' },
      { method: 'renameRole' },
      { method: 'createPolicy' },
      { method: 'renamePolicy' },
      { method: 'createOperator' },
      { method: 'createOperatorClass' },
      { method: 'renameOperatorClass' },
      { method: 'createOperatorFamily' },
      { method: 'renameOperatorFamily' },
      { method: 'addToOperatorFamily' },
      { method: 'createCast' },
      { method: 'grantRoles' },
      { method: 'grantOnSchemas' },
      { method: 'grantOnTables' },
    ],
  },
  sql: {
    layout: 'sections',
    sections: { up: String.raw`^--\s*Up\s+Migration\b`, down: String.raw`^--\s*Down\s+Migration\b` },
    hasDown: true,
  },
} satisfies MigrationToolKnowledge;
