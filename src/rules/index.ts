import noEagerRelations from './no-eager-relations';

/** Rule name → rule. A meta-test checks this against the files in this folder. */
export const rules = {
  'no-eager-relations': noEagerRelations,
};
