import rule from '../../../src/rules/require-migration-down';
import { runEspreeTests, runMigrationRuleTests } from '../migration-testing';

runMigrationRuleTests('require-migration-down: Kysely', rule, {
  valid: [
    {
      filename: 'migrations/2024-01-01T10-00-00_add_pets.ts',
      code: `
import { Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('pet')
    .addColumn('id', 'serial', (col) => col.primaryKey())
    .addColumn('created_at', 'timestamp', (col) => col.defaultTo(sql\`now()\`).notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('pet').execute();
}
`,
    },
    {
      filename: 'migrations/2024-01-02_backfill_pet_names.ts',
      code: `
import { Kysely, sql } from 'kysely';
export async function up(db: Kysely<any>): Promise<void> {
  await sql\`UPDATE pet SET name = 'unknown' WHERE name IS NULL\`.execute(db);
}
export async function down(): Promise<void> {
  throw new Error('Irreversible: the rows that had no name cannot be told apart from the ones named "unknown".');
}
`,
    },
  ],
  invalid: [
    // Kysely's down is optional: rolling back then does nothing at all.
    {
      filename: 'migrations/2024-01-03_add_owner.ts',
      code: `
import { Kysely } from 'kysely';
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('pet').addColumn('owner_id', 'integer').execute();
}
`,
      errors: [{ messageId: 'missingDown', line: 3, column: 23, endColumn: 25, data: { note: '', undo: ': reverse the changes made to table `pet`' } }],
    },
    // A blank `sql` template does nothing.
    {
      filename: 'migrations/2024-01-04_add_toys.ts',
      code: `
import { Kysely, sql } from 'kysely';
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('toy').addColumn('id', 'serial').execute();
}
export async function down(db: Kysely<any>): Promise<void> {
  await sql\`\`.execute(db);
}
`,
      errors: [{ messageId: 'emptyDown', line: 3, column: 23, data: { what: 'it runs an empty SQL string', note: '', undo: ': drop table `toy`' } }],
    },
  ],
});

runEspreeTests('require-migration-down: Kysely', rule, {
  valid: [],
  invalid: [
    {
      filename: 'migrations/2024-01-05_add_vets.mjs',
      code: `export async function up(db) { await db.schema.createTable('vet').addColumn('id', 'serial').execute(); }\nexport async function down() {}`,
      errors: [{ messageId: 'emptyDown', line: 1, column: 23 }],
    },
  ],
});
