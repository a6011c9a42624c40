import conventions from './conventions';
import dbMigrate from './db-migrate';
import drizzleKit from './drizzle-kit';
import flyway from './flyway';
import golangMigrate from './golang-migrate';
import knex from './knex';
import kysely from './kysely';
import mikroOrm from './mikro-orm';
import nodePgMigrate from './node-pg-migrate';
import prismaMigrate from './prisma-migrate';
import sequelizeCli from './sequelize-cli';
import typeorm from './typeorm';
import umzug from './umzug';
import type { MigrationToolKnowledge } from '../types-migrations';

/**
 * Every migration tool the plugin knows. Adding one means adding its file here; no rule changes.
 * The order is the order tools are tried in when a file's signs fit several (a class shape before
 * the `exports` shape many tools share; umzug before the
 * libraries whose types its migrations import; SQL layouts from the most to the least specific).
 */
export const migrationTools: readonly MigrationToolKnowledge[] = [
  typeorm,
  mikroOrm,
  nodePgMigrate,
  dbMigrate,
  umzug,
  sequelizeCli,
  kysely,
  knex,
  prismaMigrate,
  drizzleKit,
  flyway,
  golangMigrate,
];

export { conventions as migrationConventions };
export type { MigrationConventions, MigrationToolKnowledge } from '../types-migrations';
