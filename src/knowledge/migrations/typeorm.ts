/**
 * TypeORM migrations: a class implementing `MigrationInterface` with `up(queryRunner)` and
 * `down(queryRunner)`, written by `typeorm migration:create|generate` as
 * `<Date.now()>-<Name>.ts` holding `class <Name><Date.now()>` (generate also writes a `name` field
 * with the class name). The JavaScript template (`-o`) has no `implements` clause.
 */
import type { MigrationToolKnowledge } from '../types-migrations';
import { datetime14, epochMs, epochMsSuffix } from './schemes';

export default {
  id: 'typeorm',
  name: 'TypeORM',
  docs: 'https://typeorm.io/docs/migrations/why',
  library: 'typeorm',
  folders: ['**/migrations/**', '**/migration/**'],
  extensions: ['.ts', '.js', '.mts', '.cts', '.mjs', '.cjs'],
  names: [epochMs, datetime14],
  classNames: [epochMsSuffix],
  script: {
    shapes: ['class'],
    class: { implements: ['MigrationInterface'], nameField: 'name' },
    modules: ['typeorm'],
    upParameters: ['queryRunner', 'runner', 'qr'],
    omittedDown: 'no-rollback',
  },
} satisfies MigrationToolKnowledge;
