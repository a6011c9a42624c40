import type { LibraryKnowledge } from './types';

export default {
  id: 'slonik',
  name: 'Slonik',
  modules: ['slonik'],
  packages: ['slonik'],
  docs: 'https://github.com/gajus/slonik#readme',
  factories: [{ export: 'createPool', via: 'call', creates: 'DatabasePool' }],
  instanceTypes: { DatabasePool: 'DatabasePool', DatabaseConnection: 'DatabasePool' },
} satisfies LibraryKnowledge;
