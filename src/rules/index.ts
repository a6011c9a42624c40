import noAppliedMigrationEdit from './no-applied-migration-edit';
import noEagerRelations from './no-eager-relations';
import noGenericMigrationName from './no-generic-migration-name';
import noInterpolatedSql from './no-interpolated-sql';
import noIoInTransaction from './no-io-in-transaction';
import noOuterClientInTransaction from './no-outer-client-in-transaction';
import requireMigrationDown from './require-migration-down';
import requireMultiWriteTransaction from './require-multi-write-transaction';
import requireTransactionEnd from './require-transaction-end';

/** Rule name → rule. A meta-test checks this against the files in this folder. */
export const rules = {
  'no-applied-migration-edit': noAppliedMigrationEdit,
  'no-eager-relations': noEagerRelations,
  'no-generic-migration-name': noGenericMigrationName,
  'no-interpolated-sql': noInterpolatedSql,
  'no-io-in-transaction': noIoInTransaction,
  'no-outer-client-in-transaction': noOuterClientInTransaction,
  'require-migration-down': requireMigrationDown,
  'require-multi-write-transaction': requireMultiWriteTransaction,
  'require-transaction-end': requireTransactionEnd,
};
