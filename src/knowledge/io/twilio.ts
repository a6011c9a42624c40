import type { IoLibraryKnowledge } from '../types-io';

export default {
  id: 'twilio',
  name: 'Twilio',
  modules: ['twilio'],
  packages: ['twilio'],
  docs: 'https://www.twilio.com/docs/messaging/quickstart/node',
  factories: [
    { export: 'default', via: 'call', creates: 'Twilio' },
    { export: 'Twilio', via: 'new', creates: 'Twilio' },
    { export: 'default.Twilio', via: 'new', creates: 'Twilio' },
  ],
  instanceTypes: { Twilio: 'Twilio' },
  io: {
    what: 'a Twilio API call (SMS, voice)',
    waitsOn: 'the network',
    // `client.messages.create()`, `client.calls(sid).fetch()`, `client.verify.v2.services(sid).verifications.create()`.
    calls: [{ instanceOf: 'Twilio', methods: ['create', 'fetch', 'update', 'remove', 'list', 'each', 'page', 'request'], deep: true }],
    resultTypes: ['MessageInstance', 'CallInstance', 'VerificationInstance', 'VerificationCheckInstance'],
  },
} satisfies IoLibraryKnowledge;
