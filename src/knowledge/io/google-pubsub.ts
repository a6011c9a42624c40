import type { IoLibraryKnowledge } from '../types-io';

export default {
  id: 'google-pubsub',
  name: 'Google Cloud Pub/Sub',
  modules: ['@google-cloud/pubsub'],
  packages: ['@google-cloud/pubsub'],
  docs: 'https://cloud.google.com/nodejs/docs/reference/pubsub/latest',
  factories: [{ export: 'PubSub', via: 'new', creates: 'PubSub' }],
  instanceTypes: { PubSub: 'PubSub', Topic: 'PubSub' },
  io: {
    what: 'a message published to Pub/Sub',
    waitsOn: 'the network',
    // `pubsub.topic(name)` only makes a handle.
    calls: [{ instanceOf: 'PubSub', methods: ['publish', 'publishMessage', 'publishJSON', 'createTopic', 'getTopics', 'flush'], deep: true }],
  },
} satisfies IoLibraryKnowledge;
