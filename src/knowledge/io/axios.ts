import type { IoLibraryKnowledge } from '../types-io';

const verbs = ['request', 'get', 'delete', 'head', 'options', 'post', 'put', 'patch', 'postForm', 'putForm', 'patchForm'];

export default {
  id: 'axios',
  name: 'axios',
  modules: ['axios'],
  packages: ['axios'],
  docs: 'https://axios-http.com/docs/api_intro',
  factories: [
    { export: 'create', via: 'call', creates: 'Axios' },
    { export: 'Axios', via: 'new', creates: 'Axios' },
  ],
  instanceTypes: { AxiosInstance: 'Axios', AxiosStatic: 'Axios', Axios: 'Axios' },
  io: {
    what: 'an HTTP request',
    waitsOn: 'the network',
    calls: [
      // `axios(config)`, `axios.get(url)`; not `axios.create()`, `axios.isAxiosError()`.
      { export: 'default' },
      ...verbs.map((verb) => ({ export: verb })),
      { instanceOf: 'Axios', methods: verbs },
    ],
    resultTypes: ['AxiosResponse'],
  },
} satisfies IoLibraryKnowledge;
