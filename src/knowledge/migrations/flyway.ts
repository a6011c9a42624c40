/**
 * Flyway SQL migrations: `V<version>__<description>.sql` (versioned; the version may use `.` or `_`
 * between parts), `U<version>__` (undo, Teams edition), `B<version>__` (baseline) and
 * `R__<description>.sql` (repeatable: re-applied whenever its checksum changes, so editing it is the
 * workflow). Default location `db/migration`. Flyway checks every applied script's CRC32 checksum,
 * computed line by line, so line endings do not count, but any other change does.
 */
import type { MigrationToolKnowledge } from '../types-migrations';
import { flywayRepeatable, flywayVersioned } from './schemes';

export default {
  id: 'flyway',
  name: 'Flyway',
  docs: 'https://documentation.red-gate.com/fd/migrations-184127470.html',
  folders: ['**/db/migration/**', '**/migrations/**', '**/migration/**'],
  extensions: ['.sql'],
  names: [flywayVersioned, flywayRepeatable],
  sql: { layout: 'file', fileName: String.raw`^(?:[VUB]\d+(?:[._]\d+)*|R)__.+\.sql$`, hasDown: false },
} satisfies MigrationToolKnowledge;
