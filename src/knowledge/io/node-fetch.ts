import type { IoLibraryKnowledge } from '../types-io';

export default {
  id: 'node-fetch',
  name: 'node-fetch',
  modules: ['node-fetch', 'cross-fetch', 'isomorphic-fetch', 'make-fetch-happen'],
  packages: ['node-fetch', '@types/node-fetch', 'cross-fetch', 'make-fetch-happen'],
  docs: 'https://github.com/node-fetch/node-fetch#api',
  io: {
    what: 'an HTTP request',
    waitsOn: 'the network',
    calls: [{ export: 'default' }, { export: 'fetch' }],
    resultTypes: ['Response'],
  },
} satisfies IoLibraryKnowledge;
