import type { LibraryKnowledge } from './types';

const relationDecorators = ['ManyToOne', 'OneToMany', 'OneToOne', 'ManyToMany'];

export default {
  id: 'typeorm',
  name: 'TypeORM',
  modules: ['typeorm'],
  packages: ['typeorm'],
  docs: 'https://typeorm.io/docs/relations/eager-and-lazy-relations/',
  factories: [
    { export: 'DataSource', via: 'new', creates: 'DataSource' },
    { export: 'createConnection', via: 'call', creates: 'DataSource' },
  ],
  instanceTypes: {
    DataSource: 'DataSource',
    Connection: 'DataSource',
    EntityManager: 'EntityManager',
    Repository: 'Repository',
    QueryRunner: 'QueryRunner',
  },
  eagerLoading: {
    eagerOption: [
      // The options object is the 1st, 2nd or 3rd argument depending on the overload.
      ...relationDecorators.map((name) => ({ callee: { export: name }, argument: 'any' as const, path: [] })),
      { callee: { export: 'EntitySchema' }, argument: 0, path: ['relations', '*'] },
    ],
    perQueryAdvice:
      "`find({ relations: { {{relation}}: true } })`, or `leftJoinAndSelect()` in a QueryBuilder",
    caveat:
      ' TypeORM also ignores `eager` in QueryBuilder queries, so the same entity comes back with and without the relation depending on the API used.',
  },
} satisfies LibraryKnowledge;
