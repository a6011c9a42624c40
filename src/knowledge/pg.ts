import type { LibraryKnowledge } from './types';

export default {
  id: 'pg',
  name: 'node-postgres (pg)',
  modules: ['pg', 'pg-pool'],
  packages: ['pg', '@types/pg', 'pg-pool'],
  docs: 'https://node-postgres.com/features/queries#parameterized-query',
  factories: [
    { export: 'Pool', via: 'new', creates: 'Pool' },
    { export: 'Client', via: 'new', creates: 'Client' },
    { export: 'native.Pool', via: 'new', creates: 'Pool' },
  ],
  instanceTypes: { Pool: 'Pool', Client: 'Client', PoolClient: 'Client' },
} satisfies LibraryKnowledge;
