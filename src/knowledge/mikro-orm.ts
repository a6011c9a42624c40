import type { LibraryKnowledge } from './types';

const relationDecorators = ['ManyToOne', 'OneToMany', 'OneToOne', 'ManyToMany'];

// Every driver package re-exports @mikro-orm/core, and v7 moved the decorators out of core.
const driverPackages = [
  '@mikro-orm/postgresql',
  '@mikro-orm/mysql',
  '@mikro-orm/mariadb',
  '@mikro-orm/sqlite',
  '@mikro-orm/better-sqlite',
  '@mikro-orm/libsql',
  '@mikro-orm/mssql',
  '@mikro-orm/mongodb',
  '@mikro-orm/knex',
  '@mikro-orm/sql',
];

export default {
  id: 'mikro-orm',
  name: 'MikroORM',
  modules: ['@mikro-orm/core', '@mikro-orm/decorators/legacy', '@mikro-orm/decorators/es', ...driverPackages],
  packages: ['@mikro-orm/core', '@mikro-orm/decorators', ...driverPackages],
  docs: 'https://mikro-orm.io/docs/populating-relations',
  factories: [
    { export: 'MikroORM.init', via: 'call', creates: 'MikroORM' },
    { export: 'MikroORM.initSync', via: 'call', creates: 'MikroORM' },
    { export: 'MikroORM', via: 'new', creates: 'MikroORM' },
  ],
  instanceTypes: {
    MikroORM: 'MikroORM',
    EntityManager: 'EntityManager',
    EntityRepository: 'EntityRepository',
  },
  eagerLoading: {
    eagerOption: [
      ...relationDecorators.map((name) => ({ callee: { export: name }, argument: 'any' as const, path: [] })),
      { callee: { export: 'EntitySchema' }, argument: 0, path: ['properties', '*'] },
      { callee: { export: 'defineEntity' }, argument: 0, path: ['properties', '*'] },
    ],
    eagerBuilder: {
      method: 'eager',
      roots: ['p', 'defineEntity.properties'],
      builderParameterOf: [{ callee: { export: 'defineEntity' }, argument: 0, path: ['properties'] }],
    },
    perQueryAdvice: "`em.find({{model}}, where, { populate: ['{{relation}}'] })`",
    modelPlaceholder: 'Entity',
  },
} satisfies LibraryKnowledge;
