import type { LibraryKnowledge } from './types';

export default {
  id: 'mysql2',
  name: 'mysql2',
  modules: ['mysql2', 'mysql2/promise', 'mysql'],
  packages: ['mysql2', 'mysql', '@types/mysql'],
  docs: 'https://sidorares.github.io/node-mysql2/docs#using-prepared-statements',
  factories: [
    { export: 'createConnection', via: 'call', creates: 'Connection' },
    { export: 'createPool', via: 'call', creates: 'Pool' },
    { export: 'createPoolCluster', via: 'call', creates: 'Pool' },
  ],
  instanceTypes: { Connection: 'Connection', Pool: 'Pool', PoolConnection: 'Connection' },
} satisfies LibraryKnowledge;
