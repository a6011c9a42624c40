import type { IoLibraryKnowledge } from '../types-io';

export default {
  id: 'postmark',
  name: 'Postmark',
  modules: ['postmark'],
  packages: ['postmark'],
  docs: 'https://postmarkapp.com/developer/integration/official-libraries#node-js',
  factories: [
    { export: 'ServerClient', via: 'new', creates: 'Postmark' },
    { export: 'AccountClient', via: 'new', creates: 'Postmark' },
    { export: 'Client', via: 'new', creates: 'Postmark' },
  ],
  instanceTypes: { ServerClient: 'Postmark', AccountClient: 'Postmark' },
  io: {
    what: 'an email sent through Postmark',
    waitsOn: 'the network',
    calls: [{ instanceOf: 'Postmark', methods: '*', except: ['on', 'once', 'setClientOptions'] }],
  },
} satisfies IoLibraryKnowledge;
