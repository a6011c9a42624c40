import type { IoLibraryKnowledge } from '../types-io';

export default {
  id: 'node-net',
  name: 'node:net / node:tls / node:dgram',
  modules: ['net', 'node:net', 'tls', 'node:tls', 'dgram', 'node:dgram'],
  packages: [],
  docs: 'https://nodejs.org/api/net.html#netconnect',
  factories: [{ export: 'createSocket', via: 'call', creates: 'Socket' }],
  io: {
    what: 'a network connection',
    waitsOn: 'the network',
    calls: [
      { export: 'connect' },
      { export: 'createConnection' },
      // dgram: making the socket is not I/O; sending through it is.
      { instanceOf: 'Socket', methods: ['send', 'connect'] },
    ],
  },
} satisfies IoLibraryKnowledge;
