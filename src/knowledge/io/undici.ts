import type { IoLibraryKnowledge } from '../types-io';

export default {
  id: 'undici',
  name: 'undici',
  modules: ['undici'],
  packages: ['undici', 'undici-types'],
  docs: 'https://undici.nodejs.org/#/docs/api/Dispatcher',
  factories: [
    { export: 'Client', via: 'new', creates: 'Dispatcher' },
    { export: 'Pool', via: 'new', creates: 'Dispatcher' },
    { export: 'Agent', via: 'new', creates: 'Dispatcher' },
  ],
  instanceTypes: { Client: 'Dispatcher', Pool: 'Dispatcher', Agent: 'Dispatcher', Dispatcher: 'Dispatcher' },
  io: {
    what: 'an HTTP request',
    waitsOn: 'the network',
    calls: [
      ...['request', 'fetch', 'stream', 'pipeline', 'connect', 'upgrade'].map((name) => ({ export: name })),
      { instanceOf: 'Dispatcher', methods: ['request', 'stream', 'pipeline', 'connect', 'upgrade', 'dispatch'] },
    ],
    resultTypes: ['ResponseData', 'Response'],
  },
} satisfies IoLibraryKnowledge;
