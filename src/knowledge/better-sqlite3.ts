import type { LibraryKnowledge } from './types';

export default {
  id: 'better-sqlite3',
  name: 'better-sqlite3',
  modules: ['better-sqlite3'],
  packages: ['better-sqlite3', '@types/better-sqlite3'],
  docs: 'https://github.com/WiseLibs/better-sqlite3/blob/master/docs/api.md#binding-parameters',
  factories: [
    { export: 'default', via: 'new', creates: 'Database' },
    { export: 'default', via: 'call', creates: 'Database' },
  ],
  instanceTypes: { Database: 'Database' },
} satisfies LibraryKnowledge;
