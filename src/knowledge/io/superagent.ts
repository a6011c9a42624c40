import type { IoLibraryKnowledge } from '../types-io';

const verbs = ['get', 'post', 'put', 'patch', 'head', 'delete', 'del', 'options', 'request'];

export default {
  id: 'superagent',
  name: 'superagent',
  modules: ['superagent'],
  packages: ['superagent', '@types/superagent'],
  docs: 'https://ladjs.github.io/superagent/',
  factories: [{ export: 'agent', via: 'call', creates: 'Agent' }],
  instanceTypes: { SuperAgentStatic: 'Agent' },
  io: {
    what: 'an HTTP request',
    waitsOn: 'the network',
    // The request is sent when the chain is awaited (`.send(body)` only sets the body): the report sits on the verb.
    calls: [{ export: 'default' }, ...verbs.map((verb) => ({ export: verb })), { instanceOf: 'Agent', methods: verbs }],
    resultTypes: ['Response', 'SuperAgentRequest'],
  },
} satisfies IoLibraryKnowledge;
