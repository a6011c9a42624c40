import noEagerRelations from './no-eager-relations';
import noInterpolatedSql from './no-interpolated-sql';
import noIoInTransaction from './no-io-in-transaction';

/** Rule name → rule. A meta-test checks this against the files in this folder. */
export const rules = {
  'no-eager-relations': noEagerRelations,
  'no-interpolated-sql': noInterpolatedSql,
  'no-io-in-transaction': noIoInTransaction,
};
