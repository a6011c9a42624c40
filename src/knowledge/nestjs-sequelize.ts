import type { LibraryKnowledge } from './types';

/** NestJS's Sequelize module: `synchronize: true` makes it call `sequelize.sync()` at start-up. */
export default {
  id: 'nestjs-sequelize',
  name: 'Sequelize (NestJS)',
  modules: ['@nestjs/sequelize'],
  packages: ['@nestjs/sequelize'],
  docs: 'https://docs.nestjs.com/techniques/database#sequelize-integration',
  schema: {
    syncOptions: [
      {
        site: { callee: { export: ['SequelizeModule.forRoot'] }, argument: 0, path: ['synchronize'] },
        effect: 'runs `sequelize.sync()` every time the application starts, creating tables outside any migration',
        // `synchronize` defaults to true for auto-loaded models.
        impliedBy: 'autoLoadModels',
      },
      {
        site: { callee: { export: ['SequelizeModule.forRootAsync'] }, argument: 0, path: ['useFactory', 'synchronize'] },
        effect: 'runs `sequelize.sync()` every time the application starts, creating tables outside any migration',
        impliedBy: 'autoLoadModels',
      },
    ],
    optionTypes: ['SequelizeModuleOptions'],
    optionTypeKey: 'synchronize',
    migrationAdvice: 'write it as a migration (`sequelize-cli migration:generate`, or umzug) and run the migrations when you deploy',
  },
} satisfies LibraryKnowledge;
