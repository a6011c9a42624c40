import type { IoLibraryKnowledge } from '../types-io';

export default {
  id: 'stripe',
  name: 'Stripe',
  modules: ['stripe'],
  packages: ['stripe'],
  docs: 'https://docs.stripe.com/api?lang=node',
  factories: [
    { export: 'default', via: 'new', creates: 'Stripe' },
    { export: 'default', via: 'call', creates: 'Stripe' },
    { export: 'Stripe', via: 'new', creates: 'Stripe' },
  ],
  instanceTypes: { Stripe: 'Stripe' },
  io: {
    what: 'a Stripe API call',
    waitsOn: 'the network',
    // Every resource method is a request (`stripe.paymentIntents.create()`); verifying a webhook's signature is local.
    calls: [
      {
        instanceOf: 'Stripe',
        methods: '*',
        except: ['constructEvent', 'constructEventAsync', 'generateTestHeaderString', 'generateTestHeaderStringAsync', 'signature', 'on', 'off', 'once', 'getApiField', 'getConstant', 'getClientUserAgent', 'setAppInfo', 'setHost', 'setTimeout', 'setMaxNetworkRetries', 'parseThinEvent', 'parseEventNotification'],
        deep: true,
      },
    ],
    resultTypes: ['Response', 'ApiListPromise', 'ApiSearchResultPromise'],
  },
} satisfies IoLibraryKnowledge;
