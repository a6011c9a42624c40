import noAppliedMigrationEdit from './no-applied-migration-edit';
import noClientPerRequest from './no-client-per-request';
import noEagerRelations from './no-eager-relations';
import noGenericMigrationName from './no-generic-migration-name';
import noInterpolatedSql from './no-interpolated-sql';
import noIoInTransaction from './no-io-in-transaction';
import noSchemaSync from './no-schema-sync';
import requireFkIndex from './require-fk-index';
import requireConnectionRelease from './require-connection-release';
import requireMigrationDown from './require-migration-down';
import requirePoolSize from './require-pool-size';

/** Rule name → rule. A meta-test checks this against the files in this folder. */
export const rules = {
  'no-applied-migration-edit': noAppliedMigrationEdit,
  'no-client-per-request': noClientPerRequest,
  'no-eager-relations': noEagerRelations,
  'no-generic-migration-name': noGenericMigrationName,
  'no-interpolated-sql': noInterpolatedSql,
  'no-io-in-transaction': noIoInTransaction,
  'no-schema-sync': noSchemaSync,
  'require-fk-index': requireFkIndex,
  'require-connection-release': requireConnectionRelease,
  'require-migration-down': requireMigrationDown,
  'require-pool-size': requirePoolSize,
};
