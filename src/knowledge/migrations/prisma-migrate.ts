/**
 * Prisma Migrate: one folder per migration, `prisma/migrations/<yyyyMMddHHmmss>_<name>/migration.sql`,
 * beside `migration_lock.toml`. The name comes from the folder. Prisma Migrate has no down
 * migrations (it rolls back with `migrate diff` and `migrate resolve`), so none is asked for.
 */
import type { MigrationToolKnowledge } from '../types-migrations';
import { datetime14 } from './schemes';

export default {
  id: 'prisma-migrate',
  name: 'Prisma Migrate',
  docs: 'https://www.prisma.io/docs/orm/prisma-migrate',
  library: 'prisma',
  folders: ['**/prisma/migrations/**', '**/migrations/**'],
  extensions: ['.sql'],
  names: [datetime14],
  sql: { layout: 'folder', folderFile: 'migration.sql', marker: 'migration_lock.toml', hasDown: false },
} satisfies MigrationToolKnowledge;
