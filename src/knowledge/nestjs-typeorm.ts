import type { LibraryKnowledge } from './types';

/** NestJS's TypeORM module: it hands its options to a DataSource, `synchronize` included. */
export default {
  id: 'nestjs-typeorm',
  name: 'TypeORM (NestJS)',
  modules: ['@nestjs/typeorm'],
  packages: ['@nestjs/typeorm'],
  docs: 'https://docs.nestjs.com/techniques/database',
  schema: {
    syncOptions: [
      {
        site: { callee: { export: ['TypeOrmModule.forRoot'] }, argument: 0, path: ['synchronize'] },
        effect: 'alters the tables to match the entities every time the application starts',
      },
      {
        site: { callee: { export: ['TypeOrmModule.forRootAsync'] }, argument: 0, path: ['useFactory', 'synchronize'] },
        effect: 'alters the tables to match the entities every time the application starts',
      },
    ],
    optionTypes: ['TypeOrmModuleOptions'],
    optionTypeKey: 'synchronize',
    migrationAdvice: '`typeorm migration:generate` writes the change as a migration; `migrationsRun: true` applies pending ones at start-up',
    // What Nest adds to TypeORM's soft delete: the injected repository names its entity in the decorator.
    softDelete: {
      marker: '`@DeleteDateColumn()`',
      tableNaming: 'snake_case',
      repositories: { decorators: ['InjectRepository'] },
      advice: '`softDelete()` / `softRemove()`',
    },
  },
} satisfies LibraryKnowledge;
