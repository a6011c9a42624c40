import type { LibraryKnowledge } from './types';

export default {
  id: 'postgres',
  name: 'postgres.js',
  modules: ['postgres'],
  packages: ['postgres'],
  docs: 'https://github.com/porsager/postgres#unsafe-raw-string-queries',
  factories: [{ export: 'default', via: 'call', creates: 'Sql' }],
  instanceTypes: { Sql: 'Sql' },
} satisfies LibraryKnowledge;
