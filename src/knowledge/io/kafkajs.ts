import type { IoLibraryKnowledge } from '../types-io';

export default {
  id: 'kafkajs',
  name: 'KafkaJS',
  modules: ['kafkajs'],
  packages: ['kafkajs'],
  docs: 'https://kafka.js.org/docs/producing',
  // The producer and admin clients talk to the same brokers: one kind of object for the rule.
  factories: [
    { export: 'Kafka', via: 'new', creates: 'Kafka' },
    { instanceOf: 'Kafka', method: ['producer', 'admin'], creates: 'Kafka' },
  ],
  // `const producer = kafka.producer()` … `producer.send()`; a producer injected as `Producer`.
  instanceTypes: { Kafka: 'Kafka', Producer: 'Kafka', Admin: 'Kafka', Transaction: 'Kafka' },
  io: {
    what: 'a call to the Kafka broker',
    waitsOn: 'the network',
    calls: [{ instanceOf: 'Kafka', methods: ['send', 'sendBatch', 'connect', 'createTopics', 'deleteTopics', 'fetchTopicMetadata', 'sendOffsets'], deep: true }],
    resultTypes: ['RecordMetadata'],
  },
} satisfies IoLibraryKnowledge;
