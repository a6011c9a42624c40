/**
 * MikroORM migrations: `class Migration20240101120000 extends Migration` (from
 * `@mikro-orm/migrations`) with `up()` and `down()` that queue SQL through `this.addSql(…)`.
 * The generator names file and class `Migration<yyyyMMddHHmmss>` and appends `_<name>` only when a
 * name is given; it writes `down()` only when the schema diff has down statements, and the base
 * class's `down()` throws "This migration cannot be reverted" (no reason given).
 */
import type { MigrationToolKnowledge } from '../types-migrations';
import { mikroOrmClass } from './schemes';

export default {
  id: 'mikro-orm',
  name: 'MikroORM',
  docs: 'https://mikro-orm.io/docs/migrations',
  library: 'mikro-orm',
  folders: ['**/migrations/**', '**/migration/**'],
  extensions: ['.ts', '.js', '.mts', '.cts', '.mjs', '.cjs'],
  names: [mikroOrmClass],
  classNames: [mikroOrmClass],
  generatedNames: [
    {
      pattern: String.raw`^Migration(?:\d{14}|\d{12})$`,
      description: "MikroORM's default name (`Migration` and a timestamp)",
      hint: 'create migrations with a name: `npx mikro-orm migration:create --name add_orders_table`',
    },
  ],
  script: {
    shapes: ['class'],
    class: { extends: ['Migration'] },
    modules: ['@mikro-orm/migrations', '@mikro-orm/migrations-mongodb'],
    omittedDown: 'base-class-throws',
  },
} satisfies MigrationToolKnowledge;
