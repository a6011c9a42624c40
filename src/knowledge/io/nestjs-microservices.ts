import type { IoLibraryKnowledge } from '../types-io';

/** `@Inject('BILLING') private readonly client: ClientProxy` … `this.client.emit('order_created', order)`. */
export default {
  id: 'nestjs-microservices',
  name: '@nestjs/microservices',
  modules: ['@nestjs/microservices'],
  packages: ['@nestjs/microservices'],
  docs: 'https://docs.nestjs.com/microservices/basics#publishing-events',
  factories: [{ export: 'ClientProxyFactory.create', via: 'call', creates: 'ClientProxy' }],
  instanceTypes: {
    ClientProxy: 'ClientProxy',
    ClientKafka: 'ClientProxy',
    ClientRMQ: 'ClientProxy',
    ClientRedis: 'ClientProxy',
    ClientNats: 'ClientProxy',
    ClientMqtt: 'ClientProxy',
    ClientTCP: 'ClientProxy',
    ClientGrpcProxy: 'ClientProxy',
  },
  io: {
    what: 'a message sent to another service',
    waitsOn: 'the network',
    calls: [{ instanceOf: 'ClientProxy', methods: ['send', 'emit', 'connect'] }],
  },
} satisfies IoLibraryKnowledge;
