import rule from '../../../src/rules/no-generic-migration-name';
import { runMigrationRuleTests } from '../migration-testing';

const CODE = `exports.up = (knex) => knex.schema.createTable('orders', (t) => t.increments());\nexports.down = (knex) => knex.schema.dropTable('orders');`;

runMigrationRuleTests('no-generic-migration-name: options', rule, {
  valid: [
    // allowWords makes a word meaningful.
    { filename: 'migrations/20240201120000_update_models.js', code: CODE, options: [{ allowWords: ['models'] }] },
    // allow patterns win over the word lists.
    { filename: 'migrations/20240201120001_schema_sync.js', code: CODE, options: [{ allow: ['^schema_sync$'] }] },
    // Versions are accepted with acceptGeneratedNames.
    { filename: 'migrations/20240201120002_2.5.118.js', code: CODE, options: [{ acceptGeneratedNames: true }] },
    // Outside the migration folders.
    { filename: 'file.ts', code: CODE },
    { filename: 'migrations/20240201120003_update.js', code: CODE, options: [{ folders: ['db/changes/**'] }] },
  ],
  invalid: [
    // genericWords adds words to the list.
    {
      filename: 'migrations/20240201120004_refresh_orders.js',
      code: CODE,
      options: [{ genericWords: ['refresh', 'orders'] }],
      errors: [{ messageId: 'genericName', line: 1, column: 1, data: { source: 'file name', base: '20240201120004_refresh_orders', words: '`refresh` and `orders`', are: 'are', suggestion: ', e.g. `add_orders_table`' } }],
    },
    // deny patterns report names the word lists accept.
    {
      filename: 'migrations/20240201120005_hotfix_orders.js',
      code: CODE,
      options: [{ deny: ['^hotfix'] }],
      errors: [{ messageId: 'deniedName', line: 1, column: 1, data: { source: 'file name', base: '20240201120005_hotfix_orders', pattern: '^hotfix', suggestion: ', e.g. `add_orders_table`' } }],
    },
    // The shared setting and the option pick the folders.
    {
      filename: 'db/changes/20240201120006_update.js',
      code: CODE,
      mode: 'untyped',
      settings: { dbconventions: { migrationFolders: ['db/changes/**'] } },
      errors: [{ messageId: 'genericName', line: 1, column: 1 }],
    },
    { filename: 'db/migrate/20240201120007_update.js', code: CODE, mode: 'untyped', errors: [{ messageId: 'genericName', line: 1, column: 1 }] },
  ],
});
