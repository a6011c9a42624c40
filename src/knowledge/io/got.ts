import type { IoLibraryKnowledge } from '../types-io';

const verbs = ['get', 'post', 'put', 'patch', 'head', 'delete', 'paginate', 'stream'];

export default {
  id: 'got',
  name: 'got',
  modules: ['got'],
  packages: ['got'],
  docs: 'https://github.com/sindresorhus/got/blob/main/documentation/1-promise.md',
  factories: [
    { export: 'extend', via: 'call', creates: 'Got' },
    { export: 'default.extend', via: 'call', creates: 'Got' },
  ],
  instanceTypes: { Got: 'Got' },
  io: {
    what: 'an HTTP request',
    waitsOn: 'the network',
    calls: [
      { export: 'default' },
      { export: 'got' },
      ...verbs.map((verb) => ({ export: verb })),
      { instanceOf: 'Got', methods: verbs },
    ],
    resultTypes: ['Response', 'CancelableRequest'],
  },
} satisfies IoLibraryKnowledge;
