/**
 * golang-migrate (`migrate create -ext sql -dir migrations [-seq] <name>`): a pair of files per
 * migration, `<version>_<name>.up.sql` and `<version>_<name>.down.sql`; the version is a
 * timestamp (`20240101120000`, or epoch seconds with `-format unix`) or, with `-seq`, a sequence
 * (`000001`). The same pairs are used with umzug and other runners. Both files are required.
 */
import type { MigrationToolKnowledge } from '../types-migrations';
import { datetime14, epochS, sequence } from './schemes';

export default {
  id: 'golang-migrate',
  name: 'golang-migrate',
  docs: 'https://github.com/golang-migrate/migrate/blob/master/MIGRATIONS.md',
  folders: ['**/migrations/**', '**/migration/**', '**/db/migrations/**'],
  extensions: ['.sql'],
  names: [datetime14, epochS, sequence],
  sql: { layout: 'pair', upSuffix: '.up', downSuffix: '.down', hasDown: true },
} satisfies MigrationToolKnowledge;
