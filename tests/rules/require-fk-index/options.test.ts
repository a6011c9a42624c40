import rule from '../../../src/rules/require-fk-index';
import { runRuleTests } from '../../helpers/rule-tester';

const migration = `
exports.up = (knex) =>
  knex.schema.createTable('audit_events', (t) => {
    t.integer('actor_id').references('users.id');
    t.integer('tenant_id').references('tenants.id');
  });
`;

runRuleTests('require-fk-index: options and the dialect setting', rule, {
  valid: [
    // MySQL and MariaDB index every foreign key themselves.
    { code: migration, settings: { dbconventions: { dialect: 'mysql' } }, js: true },
    { code: migration, settings: { dbconventions: { dialect: 'MariaDB' } } },
    // A table skipped whole, and columns skipped by table or everywhere.
    { code: migration, options: [{ ignore: ['audit_events'] }], js: true },
    { code: migration, options: [{ ignore: ['audit_events.actor_id', '*.tenant_id'] }] },
  ],
  invalid: [
    {
      code: migration,
      settings: { dbconventions: { dialect: 'postgresql' } },
      options: [{ ignore: ['*.tenant_id'] }],
      js: true,
      errors: [{ messageId: 'missingIndex', line: 4, column: 27 }],
    },
  ],
});
