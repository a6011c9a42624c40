import noAppliedMigrationEdit from './no-applied-migration-edit';
import noClientPerRequest from './no-client-per-request';
import noEagerRelations from './no-eager-relations';
import noGenericMigrationName from './no-generic-migration-name';
import noInterpolatedSql from './no-interpolated-sql';
import noIoInTransaction from './no-io-in-transaction';
import noOuterClientInTransaction from './no-outer-client-in-transaction';
import noSchemaSync from './no-schema-sync';
import preferSoftDelete from './prefer-soft-delete';
import requireConnectionRelease from './require-connection-release';
import requireExplicitColumnType from './require-explicit-column-type';
import requireFkIndex from './require-fk-index';
import requireMigrationDown from './require-migration-down';
import requireMultiWriteTransaction from './require-multi-write-transaction';
import requirePoolSize from './require-pool-size';
import requireTransactionEnd from './require-transaction-end';

/** Rule name → rule. A meta-test checks this against the files in this folder. */
export const rules = {
  'no-applied-migration-edit': noAppliedMigrationEdit,
  'no-client-per-request': noClientPerRequest,
  'no-eager-relations': noEagerRelations,
  'no-generic-migration-name': noGenericMigrationName,
  'no-interpolated-sql': noInterpolatedSql,
  'no-io-in-transaction': noIoInTransaction,
  'no-outer-client-in-transaction': noOuterClientInTransaction,
  'no-schema-sync': noSchemaSync,
  'prefer-soft-delete': preferSoftDelete,
  'require-connection-release': requireConnectionRelease,
  'require-explicit-column-type': requireExplicitColumnType,
  'require-fk-index': requireFkIndex,
  'require-migration-down': requireMigrationDown,
  'require-multi-write-transaction': requireMultiWriteTransaction,
  'require-pool-size': requirePoolSize,
  'require-transaction-end': requireTransactionEnd,
};
