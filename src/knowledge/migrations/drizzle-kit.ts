/**
 * drizzle-kit: `drizzle-kit generate` writes `<out>/<prefix>_<name>.sql` and records it in
 * `<out>/meta/_journal.json`. The prefix is `0000` by default (`index`), or a 14-digit time
 * (`timestamp`, `supabase`) or epoch seconds (`unix`). Without `--name`, the name is made up from
 * a random adjective and a Marvel character (`0000_swift_blackbird`, `0007_soft_captain_marvel`):
 * it says nothing about what the migration does. Such a name shares no word with the SQL it names,
 * which is how it is told from a real one. drizzle-kit has no down migrations.
 */
import type { MigrationToolKnowledge } from '../types-migrations';
import { datetime14, epochS, sequence } from './schemes';

export default {
  id: 'drizzle-kit',
  name: 'drizzle-kit',
  docs: 'https://orm.drizzle.team/docs/drizzle-kit-generate',
  library: 'drizzle',
  folders: ['**/drizzle/**', '**/migrations/**'],
  extensions: ['.sql'],
  names: [datetime14, epochS, sequence],
  generatedNames: [
    {
      pattern: String.raw`^(?:\d{4}|\d{10}|\d{14})_[a-z]+(?:_[a-z]+){1,3}$`,
      description: "drizzle-kit's made-up name (a random adjective and a Marvel character)",
      hint: 'generate with a name: `npx drizzle-kit generate --name add_orders_table`',
      unlessWordsInContent: true,
    },
  ],
  sql: { layout: 'file', marker: 'meta/_journal.json', hasDown: false },
} satisfies MigrationToolKnowledge;
