import type { IoLibraryKnowledge } from '../types-io';

/** The global `fetch` of Node 18+ and browsers (and `globalThis.fetch`). */
export default {
  id: 'fetch',
  name: 'fetch (global)',
  modules: [],
  // Where the global is declared: TypeScript's lib.dom.d.ts, @types/node's web globals, undici's types.
  packages: ['typescript', '@types/node', 'undici-types'],
  docs: 'https://developer.mozilla.org/en-US/docs/Web/API/Window/fetch',
  io: {
    what: 'an HTTP request',
    waitsOn: 'the network',
    calls: [],
    globals: ['fetch'],
    resultTypes: ['Response'],
  },
} satisfies IoLibraryKnowledge;
