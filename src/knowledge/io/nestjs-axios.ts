import type { IoLibraryKnowledge } from '../types-io';

const verbs = ['request', 'get', 'delete', 'head', 'post', 'put', 'patch', 'postForm', 'putForm', 'patchForm', 'query'];

/** `constructor(private readonly http: HttpService)` … `await firstValueFrom(this.http.get(url))`. */
export default {
  id: 'nestjs-axios',
  name: '@nestjs/axios',
  modules: ['@nestjs/axios'],
  packages: ['@nestjs/axios'],
  docs: 'https://docs.nestjs.com/techniques/http-module',
  instanceTypes: { HttpService: 'HttpService' },
  io: {
    what: 'an HTTP request',
    waitsOn: 'the network',
    // `this.http.axiosRef.post()` reaches axios itself.
    calls: [{ instanceOf: 'HttpService', methods: verbs, deep: true }],
  },
} satisfies IoLibraryKnowledge;
