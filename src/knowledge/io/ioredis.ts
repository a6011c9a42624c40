import type { IoLibraryKnowledge } from '../types-io';

/** Methods of a Redis client that do not talk to the server (events, configuration, building a pipeline). */
export const redisLocalMethods = [
  'on', 'once', 'off', 'addListener', 'removeListener', 'removeAllListeners', 'emit', 'listeners', 'listenerCount',
  'setMaxListeners', 'getMaxListeners', 'duplicate', 'pipeline', 'multi', 'defineCommand', 'createBuiltinCommand',
  'getBuiltinCommands', 'nodes', 'isReady', 'isOpen', 'withTypeMapping', 'withCommandOptions',
];

export default {
  id: 'ioredis',
  name: 'ioredis',
  modules: ['ioredis'],
  packages: ['ioredis'],
  docs: 'https://github.com/redis/ioredis#basic-usage',
  factories: [
    { export: 'default', via: 'new', creates: 'Redis' },
    { export: 'Redis', via: 'new', creates: 'Redis' },
    { export: 'Cluster', via: 'new', creates: 'Redis' },
    { export: 'default.Cluster', via: 'new', creates: 'Redis' },
    // `redis.multi().incr(key).expire(key, 60).exec()`: commands queue up, `exec` sends them.
    { instanceOf: 'Redis', method: ['multi', 'pipeline'], creates: 'Pipeline' },
  ],
  fluent: ['Pipeline'],
  instanceTypes: { Redis: 'Redis', Cluster: 'Redis', ChainableCommander: 'Pipeline', Pipeline: 'Pipeline' },
  io: {
    what: 'a Redis command',
    waitsOn: 'the network',
    calls: [
      { instanceOf: 'Redis', methods: '*', except: redisLocalMethods },
      { instanceOf: 'Pipeline', methods: ['exec', 'execBuffer'] },
    ],
  },
} satisfies IoLibraryKnowledge;
