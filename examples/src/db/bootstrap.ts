// Runs once when the reporting API boots.
import { db } from './knex';

export async function bootstrapReporting(): Promise<void> {
  await db.migrate.latest();
  if (!(await db.schema.hasTable('report_cache'))) {
    // deliberate: no-schema-sync — creates a table at start-up instead of in a migration
    await db.schema.createTable('report_cache', (table) => {
      table.string('key', 200).primary();
      table.jsonb('value').notNullable();
      table.timestamp('expires_at').notNullable();
    });
  }
}
