import rule from '../../../src/rules/require-migration-down';
import { runMigrationRuleTests } from '../migration-testing';

const EMPTY_DOWN = `
exports.up = (knex) => knex.schema.createTable('orders', (t) => t.increments());
exports.down = () => {};
`;

runMigrationRuleTests('require-migration-down: folders, marker, settings', rule, {
  valid: [
    // Outside the default folders: not a migration.
    { filename: 'file.ts', code: EMPTY_DOWN },
    { filename: 'scripts/20240101120000_add_orders.js', code: EMPTY_DOWN, mode: 'untyped' },
    // Test and declaration files are never migrations.
    { filename: 'migrations/20240101120000_add_orders.test.js', code: EMPTY_DOWN },
    // `folders` replaces the defaults.
    { filename: 'migrations/20240102130000_add_orders.js', code: EMPTY_DOWN, options: [{ folders: ['db/schema-changes/**'] }] },
    // A team's own marker.
    {
      filename: 'migrations/20240103120000_drop_fax.js',
      code: `
// BURN-AFTER-APPLYING: fax numbers are deleted for GDPR and must not come back.
exports.up = (knex) => knex.schema.alterTable('customers', (t) => t.dropColumn('fax'));
exports.down = () => {};
`,
      options: [{ irreversibleMarker: 'BURN-AFTER-APPLYING' }],
    },
  ],
  invalid: [
    // The other default folders.
    { filename: 'db/migrate/20240104120000_add_orders.js', code: EMPTY_DOWN, mode: 'untyped', errors: [{ messageId: 'emptyDown', line: 2, column: 1 }] },
    { filename: 'database/migrations/20240105120000_add_orders.js', code: EMPTY_DOWN, mode: 'untyped', errors: [{ messageId: 'emptyDown', line: 2, column: 1 }] },
    { filename: 'src/migrations/20240106120000_add_orders.js', code: EMPTY_DOWN, mode: 'untyped', errors: [{ messageId: 'emptyDown', line: 2, column: 1 }] },
    { filename: 'packages/api/migration/20240107120000_add_orders.js', code: EMPTY_DOWN, mode: 'untyped', errors: [{ messageId: 'emptyDown', line: 2, column: 1 }] },
    // `folders` option and the shared setting.
    {
      filename: 'db/schema-changes/20240108120000_add_orders.js',
      code: EMPTY_DOWN,
      mode: 'untyped',
      options: [{ folders: ['db/schema-changes/**'] }],
      errors: [{ messageId: 'emptyDown', line: 2, column: 1 }],
    },
    {
      filename: 'db/schema-changes/20240109120000_add_orders.js',
      code: EMPTY_DOWN,
      mode: 'untyped',
      settings: { dbconventions: { migrationFolders: ['db/schema-changes/**'] } },
      errors: [{ messageId: 'emptyDown', line: 2, column: 1 }],
    },
    // The default marker does not match a team's own word.
    {
      filename: 'migrations/20240110120000_drop_fax.js',
      code: `
// BURN-AFTER-APPLYING: fax numbers are deleted for GDPR and must not come back.
exports.up = (knex) => knex.schema.alterTable('customers', (t) => t.dropColumn('fax'));
exports.down = () => {};
`,
      errors: [{ messageId: 'emptyDown', line: 3, column: 1 }],
    },
    // A marker comment atop the file with no reason.
    {
      filename: 'migrations/20240111120000_drop_fax.js',
      code: `
// Irreversible.
exports.up = (knex) => knex.schema.alterTable('customers', (t) => t.dropColumn('fax'));
`,
      errors: [
        {
          messageId: 'missingDown',
          line: 3,
          column: 1,
          data: { note: ' The comment says the migration is irreversible but not why.', undo: ': reverse the changes made to table `customers`' },
        },
      ],
    },
    // A licence header is not a reason.
    {
      filename: 'migrations/20240112120000_add_orders.js',
      code: `
/* Copyright Acme Corp. All rights reserved. */

exports.up = (knex) => knex.schema.createTable('orders', (t) => t.increments());
`,
      errors: [{ messageId: 'missingDown', line: 4, column: 1 }],
    },
  ],
});
