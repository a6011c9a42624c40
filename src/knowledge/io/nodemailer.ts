import type { IoLibraryKnowledge } from '../types-io';

export default {
  id: 'nodemailer',
  name: 'Nodemailer',
  modules: ['nodemailer'],
  packages: ['nodemailer', '@types/nodemailer'],
  docs: 'https://nodemailer.com/usage/',
  factories: [{ export: 'createTransport', via: 'call', creates: 'Transporter' }],
  instanceTypes: { Transporter: 'Transporter', Mail: 'Transporter' },
  io: {
    what: 'an email sent through SMTP or a mail API',
    waitsOn: 'the network',
    calls: [{ instanceOf: 'Transporter', methods: ['sendMail', 'verify'] }, { export: 'createTestAccount' }],
  },
} satisfies IoLibraryKnowledge;
