import type { IoLibraryKnowledge } from '../types-io';

const lookups = [
  'lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCaa', 'resolveCname', 'resolveMx',
  'resolveNaptr', 'resolveNs', 'resolvePtr', 'resolveSoa', 'resolveSrv', 'resolveTxt', 'reverse',
];

export default {
  id: 'node-dns',
  name: 'node:dns',
  modules: ['dns', 'node:dns', 'dns/promises', 'node:dns/promises'],
  packages: [],
  docs: 'https://nodejs.org/api/dns.html',
  factories: [
    { export: 'Resolver', via: 'new', creates: 'Resolver' },
    { export: 'promises.Resolver', via: 'new', creates: 'Resolver' },
  ],
  instanceTypes: { Resolver: 'Resolver' },
  io: {
    what: 'a DNS lookup',
    waitsOn: 'the network',
    calls: [
      ...lookups.map((name) => ({ export: name })),
      ...lookups.map((name) => ({ export: `promises.${name}` })),
      { instanceOf: 'Resolver', methods: lookups },
    ],
  },
} satisfies IoLibraryKnowledge;
