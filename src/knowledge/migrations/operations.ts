/**
 * Schema operations the migration rules recognise inside `up`, as plain data: to tell what `down`
 * must undo (require-migration-down's message) and to propose a descriptive name for a migration
 * that does one thing (no-generic-migration-name's message).
 *
 * Method operations match a call by its method name on any receiver inside `up`
 * (`knex.schema.createTable`, `queryInterface.addColumn`, `pgm.createIndex`, Kysely's
 * `db.schema.createTable(…)`); an argument gives a name when it is a string, or an object (or
 * `new Table({…})`) with a string `name`. SQL operations match the text of a SQL string passed to
 * `query`/`addSql`/`runSql`/`sql`…; in their patterns `{table}`, `{column}`, `{index}` and `{to}` stand
 * for an identifier (bare, quoted or schema-qualified), captured by that name.
 *
 * In `undo` and `name`, `{table}`, `{column}`, `{index}` and `{to}` are filled in; an operation whose
 * `name` needs a part that could not be read proposes no name.
 */
import type { OperationSpec } from '../types-migrations';


export const operations: readonly OperationSpec[] = [
  // Builder methods (knex, Kysely, Sequelize's queryInterface, TypeORM's queryRunner, node-pg-migrate, db-migrate).
  { method: 'createTable', arguments: { table: 0 }, undo: 'drop table `{table}`', name: 'add_{table}_table' },
  { method: 'createTableIfNotExists', arguments: { table: 0 }, undo: 'drop table `{table}`', name: 'add_{table}_table' },
  { method: 'dropTable', arguments: { table: 0 }, undo: 're-create table `{table}` (and restore the rows you need back)', name: 'drop_{table}_table', losesData: true },
  { method: 'renameTable', arguments: { table: 0, to: 1 }, undo: 'rename table `{to}` back to `{table}`', name: 'rename_{table}_to_{to}' },
  { method: 'addColumn', arguments: { table: 0, column: 1 }, undo: 'drop column `{column}` from `{table}`', name: 'add_{column}_to_{table}' },
  { method: 'addColumns', arguments: { table: 0 }, undo: 'drop the columns added to `{table}`', name: 'add_columns_to_{table}' },
  { method: 'removeColumn', arguments: { table: 0, column: 1 }, undo: 'add column `{column}` back to `{table}` (and restore its data)', name: 'remove_{column}_from_{table}', losesData: true },
  { method: 'dropColumn', arguments: { table: 0, column: 1 }, undo: 'add column `{column}` back to `{table}` (and restore its data)', name: 'remove_{column}_from_{table}', losesData: true },
  { method: 'dropColumns', arguments: { table: 0 }, undo: 'add the dropped columns back to `{table}` (and restore their data)', name: 'remove_columns_from_{table}', losesData: true },
  { method: 'renameColumn', arguments: { table: 0, column: 1, to: 2 }, undo: 'rename column `{to}` back to `{column}` in `{table}`', name: 'rename_{table}_{column}_to_{to}' },
  { method: 'changeColumn', arguments: { table: 0, column: 1 }, undo: 'restore the previous definition of `{table}`.`{column}`', name: 'change_{column}_in_{table}' },
  { method: 'alterColumn', arguments: { table: 0, column: 1 }, undo: 'restore the previous definition of `{table}`.`{column}`', name: 'change_{column}_in_{table}' },
  { method: 'addIndex', arguments: { table: 0 }, undo: 'drop the index added on `{table}`', name: 'add_index_on_{table}' },
  { method: 'createIndex', arguments: { table: 0 }, undo: 'drop the index created on `{table}`', name: 'add_index_on_{table}' },
  { method: 'removeIndex', arguments: { table: 0 }, undo: 're-create the index dropped from `{table}`', name: 'remove_index_from_{table}' },
  { method: 'dropIndex', arguments: { table: 0 }, undo: 're-create the index dropped from `{table}`', name: 'remove_index_from_{table}' },
  { method: 'addConstraint', arguments: { table: 0 }, undo: 'drop the constraint added to `{table}`', name: 'add_constraint_to_{table}' },
  { method: 'removeConstraint', arguments: { table: 0 }, undo: 're-create the constraint dropped from `{table}`' },
  { method: 'dropConstraint', arguments: { table: 0 }, undo: 're-create the constraint dropped from `{table}`' },
  { method: 'createForeignKey', arguments: { table: 0 }, undo: 'drop the foreign key added to `{table}`', name: 'add_foreign_key_to_{table}' },
  { method: 'createType', arguments: { table: 0 }, undo: 'drop type `{table}`', name: 'add_{table}_type' },
  { method: 'createExtension', arguments: { table: 0 }, undo: 'drop extension `{table}`', name: 'add_{table}_extension' },
  { method: 'createSchema', arguments: { table: 0 }, undo: 'drop schema `{table}`', name: 'add_{table}_schema' },
  { method: 'createView', arguments: { table: 0 }, undo: 'drop view `{table}`', name: 'add_{table}_view' },
  { method: 'createMaterializedView', arguments: { table: 0 }, undo: 'drop materialized view `{table}`', name: 'add_{table}_view' },
  { method: 'alterTable', arguments: { table: 0 }, undo: 'reverse the changes made to table `{table}`' },
  { method: 'bulkInsert', arguments: { table: 0 }, undo: 'delete the rows inserted into `{table}`', name: 'seed_{table}' },
  { method: 'bulkDelete', arguments: { table: 0 }, undo: 're-insert the rows deleted from `{table}`', losesData: true },
  { method: 'bulkUpdate', arguments: { table: 0 }, undo: 'restore the previous values in `{table}`', name: 'backfill_{table}' },

  // SQL statements (raw SQL in query/addSql/runSql/sql…, and SQL migration files).
  { sql: String.raw`^create\s+(?:unlogged\s+|temporary\s+|temp\s+)?table\s+(?:if\s+not\s+exists\s+)?{table}`, undo: 'drop table `{table}`', name: 'add_{table}_table' },
  { sql: String.raw`^drop\s+table\s+(?:if\s+exists\s+)?{table}`, undo: 're-create table `{table}` (and restore the rows you need back)', name: 'drop_{table}_table', losesData: true },
  { sql: String.raw`^alter\s+table\s+(?:if\s+exists\s+)?(?:only\s+)?{table}\s+add\s+constraint\s+{index}`, undo: 'drop constraint `{index}` from `{table}`', name: 'add_{index}_constraint' },
  { sql: String.raw`^alter\s+table\s+(?:if\s+exists\s+)?(?:only\s+)?{table}\s+drop\s+constraint\s+(?:if\s+exists\s+)?{index}`, undo: 're-create constraint `{index}` on `{table}`' },
  { sql: String.raw`^alter\s+table\s+(?:if\s+exists\s+)?(?:only\s+)?{table}\s+rename\s+column\s+{column}\s+to\s+{to}`, undo: 'rename column `{to}` back to `{column}` in `{table}`', name: 'rename_{table}_{column}_to_{to}' },
  { sql: String.raw`^alter\s+table\s+(?:if\s+exists\s+)?(?:only\s+)?{table}\s+rename\s+to\s+{to}`, undo: 'rename table `{to}` back to `{table}`', name: 'rename_{table}_to_{to}' },
  { sql: String.raw`^alter\s+table\s+(?:if\s+exists\s+)?(?:only\s+)?{table}\s+add\s+(?:column\s+)?(?:if\s+not\s+exists\s+)?(?!(?:constraint|primary|unique|foreign|check|index|key|exclude|default)\b){column}`, undo: 'drop column `{column}` from `{table}`', name: 'add_{column}_to_{table}' },
  { sql: String.raw`^alter\s+table\s+(?:if\s+exists\s+)?(?:only\s+)?{table}\s+drop\s+(?:column\s+)?(?:if\s+exists\s+)?(?!(?:constraint|primary|unique|foreign|check|index|key|exclude|default)\b){column}`, undo: 'add column `{column}` back to `{table}` (and restore its data)', name: 'remove_{column}_from_{table}', losesData: true },
  { sql: String.raw`^alter\s+table\s+(?:if\s+exists\s+)?(?:only\s+)?{table}\s+(?:alter|modify|change)\s+(?:column\s+)?(?!(?:constraint|primary|unique|foreign|check|index|key|exclude|default)\b){column}`, undo: 'restore the previous definition of `{table}`.`{column}`', name: 'change_{column}_in_{table}' },
  { sql: String.raw`^create\s+(?:unique\s+)?index\s+(?:concurrently\s+)?(?:if\s+not\s+exists\s+)?(?:{index}\s+)?on\s+(?:only\s+)?{table}`, undo: 'drop the index on `{table}`', name: 'add_index_on_{table}' },
  { sql: String.raw`^drop\s+index\s+(?:concurrently\s+)?(?:if\s+exists\s+)?{index}`, undo: 're-create index `{index}`', name: 'remove_{index}_index' },
  { sql: String.raw`^create\s+type\s+{table}`, undo: 'drop type `{table}`', name: 'add_{table}_type' },
  { sql: String.raw`^create\s+extension\s+(?:if\s+not\s+exists\s+)?{table}`, undo: 'drop extension `{table}`', name: 'add_{table}_extension' },
  { sql: String.raw`^create\s+schema\s+(?:if\s+not\s+exists\s+)?{table}`, undo: 'drop schema `{table}`', name: 'add_{table}_schema' },
  { sql: String.raw`^create\s+(?:or\s+replace\s+)?(?:materialized\s+)?view\s+(?:if\s+not\s+exists\s+)?{table}`, undo: 'drop view `{table}`', name: 'add_{table}_view' },
  { sql: String.raw`^create\s+(?:or\s+replace\s+)?function\s+{table}`, undo: 'drop function `{table}` (or restore its previous body)', name: 'add_{table}_function' },
  { sql: String.raw`^create\s+sequence\s+(?:if\s+not\s+exists\s+)?{table}`, undo: 'drop sequence `{table}`', name: 'add_{table}_sequence' },
  { sql: String.raw`^insert\s+into\s+{table}`, undo: 'delete the rows inserted into `{table}`', name: 'seed_{table}' },
  { sql: String.raw`^update\s+(?:only\s+)?{table}\s+set\b`, undo: 'restore the previous values in `{table}`', name: 'backfill_{table}' },
  { sql: String.raw`^delete\s+from\s+(?:only\s+)?{table}`, undo: 're-insert the rows deleted from `{table}`', losesData: true },
];
