import type { IoLibraryKnowledge } from '../types-io';

export default {
  id: 'amqplib',
  name: 'amqplib (RabbitMQ)',
  modules: ['amqplib', 'amqplib/callback_api', 'amqp-connection-manager'],
  packages: ['amqplib', '@types/amqplib', 'amqp-connection-manager'],
  docs: 'https://amqp-node.github.io/amqplib/channel_api.html#channel_publish',
  factories: [
    // `const conn = await amqp.connect(url); const ch = await conn.createChannel()`: the channel is reached from the connection.
    { export: 'connect', via: 'call', creates: 'Amqp' },
    { export: 'default.connect', via: 'call', creates: 'Amqp' },
  ],
  instanceTypes: {
    Channel: 'Amqp',
    ConfirmChannel: 'Amqp',
    Connection: 'Amqp',
    ChannelModel: 'Amqp',
    ChannelWrapper: 'Amqp',
    AmqpConnectionManager: 'Amqp',
  },
  io: {
    what: 'a call to the RabbitMQ broker',
    waitsOn: 'the network',
    calls: [
      { export: 'connect' },
      {
        instanceOf: 'Amqp',
        methods: ['publish', 'sendToQueue', 'assertQueue', 'assertExchange', 'bindQueue', 'checkQueue', 'deleteQueue', 'purgeQueue', 'get', 'waitForConfirms', 'createChannel', 'createConfirmChannel'],
        deep: true,
      },
    ],
  },
} satisfies IoLibraryKnowledge;
