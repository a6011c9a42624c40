import type { LibraryKnowledge } from './types';

export default {
  id: 'pg-promise',
  name: 'pg-promise',
  modules: ['pg-promise'],
  packages: ['pg-promise'],
  docs: 'https://github.com/vitaly-t/pg-promise#query-formatting',
  // `require('pg-promise')()` makes the library root; calling that root with a connection makes a database.
  factories: [{ export: 'default', via: 'call', creates: 'IMain' }],
  instanceTypes: { IDatabase: 'Database', ITask: 'Database' },
} satisfies LibraryKnowledge;
