import type { IoLibraryKnowledge } from '../types-io';
import { redisLocalMethods } from './ioredis';

/** node-redis (`redis`, `@redis/client`) and Upstash's HTTP client. */
export default {
  id: 'redis',
  name: 'node-redis',
  modules: ['redis', '@redis/client', '@upstash/redis'],
  packages: ['redis', '@redis/client', '@upstash/redis'],
  docs: 'https://github.com/redis/node-redis#usage',
  factories: [
    { export: 'createClient', via: 'call', creates: 'Redis' },
    { export: 'createCluster', via: 'call', creates: 'Redis' },
    { export: 'Redis', via: 'new', creates: 'Redis' },
    { export: 'Redis.fromEnv', via: 'call', creates: 'Redis' },
    { instanceOf: 'Redis', method: ['multi', 'pipeline'], creates: 'Pipeline' },
  ],
  fluent: ['Pipeline'],
  instanceTypes: { RedisClientType: 'Redis', RedisClusterType: 'Redis', Redis: 'Redis' },
  io: {
    what: 'a Redis command',
    waitsOn: 'the network',
    // `client.set()`, `client.hSet()`, and the v4 `client.json.set()` style modules.
    calls: [
      { instanceOf: 'Redis', methods: '*', except: redisLocalMethods, deep: true },
      { instanceOf: 'Pipeline', methods: ['exec', 'execAsPipeline'] },
    ],
  },
} satisfies IoLibraryKnowledge;
