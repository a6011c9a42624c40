import type { IoLibraryKnowledge } from '../types-io';

export default {
  id: 'node-http',
  name: 'node:http / node:https / node:http2',
  modules: ['http', 'node:http', 'https', 'node:https', 'http2', 'node:http2'],
  packages: [],
  docs: 'https://nodejs.org/api/http.html#httprequestoptions-callback',
  factories: [{ export: 'connect', via: 'call', creates: 'Http2Session' }],
  instanceTypes: { ClientHttp2Session: 'Http2Session' },
  io: {
    what: 'an HTTP request',
    waitsOn: 'the network',
    calls: [
      { export: 'request' },
      { export: 'get' },
      // http2: the session connects; its `request` sends.
      { export: 'connect' },
      { instanceOf: 'Http2Session', methods: ['request', 'ping'] },
    ],
  },
} satisfies IoLibraryKnowledge;
