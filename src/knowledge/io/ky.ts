import type { IoLibraryKnowledge } from '../types-io';

const verbs = ['get', 'post', 'put', 'patch', 'head', 'delete'];

export default {
  id: 'ky',
  name: 'ky',
  modules: ['ky', 'ky-universal'],
  packages: ['ky', 'ky-universal'],
  docs: 'https://github.com/sindresorhus/ky#api',
  factories: [
    { export: 'create', via: 'call', creates: 'Ky' },
    { export: 'extend', via: 'call', creates: 'Ky' },
  ],
  instanceTypes: { KyInstance: 'Ky' },
  io: {
    what: 'an HTTP request',
    waitsOn: 'the network',
    calls: [{ export: 'default' }, ...verbs.map((verb) => ({ export: verb })), { instanceOf: 'Ky', methods: verbs }],
    resultTypes: ['ResponsePromise', 'KyResponse'],
  },
} satisfies IoLibraryKnowledge;
