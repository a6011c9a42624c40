import type { LibraryKnowledge } from './types';

export default {
  id: 'kysely',
  name: 'Kysely',
  modules: ['kysely'],
  packages: ['kysely'],
  docs: 'https://kysely.dev/docs/recipes/raw-sql',
  factories: [{ export: 'Kysely', via: 'new', creates: 'Kysely' }],
  instanceTypes: { Kysely: 'Kysely', Transaction: 'Kysely' },
} satisfies LibraryKnowledge;
