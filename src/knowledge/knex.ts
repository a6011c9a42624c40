import type { LibraryKnowledge } from './types';

export default {
  id: 'knex',
  name: 'Knex',
  modules: ['knex'],
  packages: ['knex'],
  docs: 'https://knexjs.org/guide/raw.html',
  factories: [
    { export: 'default', via: 'call', creates: 'Knex' },
    { export: 'knex', via: 'call', creates: 'Knex' },
  ],
  instanceTypes: { Knex: 'Knex', 'Knex.Transaction': 'Knex' },
} satisfies LibraryKnowledge;
