import type { LibraryKnowledge } from './types';

export default {
  id: 'objection',
  name: 'Objection',
  modules: ['objection'],
  packages: ['objection'],
  docs: 'https://vincit.github.io/objection.js/recipes/raw-queries.html',
  aliases: { 'default.Model': 'Model' },
} satisfies LibraryKnowledge;
