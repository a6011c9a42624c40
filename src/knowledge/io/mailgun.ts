import type { IoLibraryKnowledge } from '../types-io';

export default {
  id: 'mailgun',
  name: 'Mailgun',
  modules: ['mailgun.js', 'mailgun-js'],
  packages: ['mailgun.js', 'mailgun-js', '@types/mailgun-js'],
  docs: 'https://github.com/mailgun/mailgun.js#messages',
  factories: [
    // mailgun.js: `new Mailgun(FormData).client({ username, key })`; mailgun-js: `require('mailgun-js')({ apiKey, domain })`.
    { export: 'default', via: 'new', creates: 'Mailgun' },
    { export: 'default', via: 'call', creates: 'Mailgun' },
  ],
  io: {
    what: 'an email sent through Mailgun',
    waitsOn: 'the network',
    calls: [{ instanceOf: 'Mailgun', methods: ['create', 'send', 'list', 'get', 'update', 'destroy', 'validate'], deep: true }],
  },
} satisfies IoLibraryKnowledge;
