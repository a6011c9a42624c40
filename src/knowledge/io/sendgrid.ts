import type { IoLibraryKnowledge } from '../types-io';

export default {
  id: 'sendgrid',
  name: 'SendGrid',
  modules: ['@sendgrid/mail', '@sendgrid/client'],
  packages: ['@sendgrid/mail', '@sendgrid/client'],
  docs: 'https://github.com/sendgrid/sendgrid-nodejs/tree/main/packages/mail',
  factories: [
    { export: 'MailService', via: 'new', creates: 'SendGrid' },
    { export: 'Client', via: 'new', creates: 'SendGrid' },
  ],
  instanceTypes: { MailService: 'SendGrid' },
  io: {
    what: 'an email sent through SendGrid',
    waitsOn: 'the network',
    // `sgMail.send(msg)`; `setApiKey` is configuration.
    calls: [{ export: 'send' }, { export: 'sendMultiple' }, { export: 'request' }, { instanceOf: 'SendGrid', methods: ['send', 'sendMultiple', 'request'] }],
    resultTypes: ['ClientResponse'],
  },
} satisfies IoLibraryKnowledge;
