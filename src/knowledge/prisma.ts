import type { LibraryKnowledge } from './types';

export default {
  id: 'prisma',
  name: 'Prisma',
  // `.prisma/client` and custom `output` folders are where `prisma generate` writes the client.
  modules: ['@prisma/client', '.prisma/client', '@prisma/client/sql'],
  packages: ['@prisma/client', '.prisma'],
  docs: 'https://www.prisma.io/docs/orm/prisma-client/using-raw-sql/raw-queries',
  sql: {
    sinks: [
      {
        callee: { instanceOf: 'PrismaClient', method: '$queryRawUnsafe' },
        sqlArgument: 0,
        kind: 'query',
        safeForm: 'use the tagged template, {{receiver}}.$queryRaw`… ${value}`, which sends every value as a parameter',
        rewrite: { style: 'tagged-method', method: '$queryRaw' },
        byShape: 'name',
      },
      {
        callee: { instanceOf: 'PrismaClient', method: '$executeRawUnsafe' },
        sqlArgument: 0,
        kind: 'query',
        safeForm: 'use the tagged template, {{receiver}}.$executeRaw`… ${value}`, which sends every value as a parameter',
        rewrite: { style: 'tagged-method', method: '$executeRaw' },
        byShape: 'name',
      },
      {
        callee: { export: ['Prisma.raw', 'raw'] },
        sqlArgument: 0,
        kind: 'raw',
        safeForm: '`Prisma.raw` inlines its text unescaped: use `Prisma.sql` for values, and an allow-list for identifiers',
      },
    ],
    safeTags: [
      { export: ['Prisma.sql', 'sql'] },
      { instanceOf: 'PrismaClient', method: ['$queryRaw', '$executeRaw'] },
    ],
    safeCalls: [{ export: ['Prisma.join', 'join'] }],
  },
  factories: [
    { export: 'PrismaClient', via: 'new', creates: 'PrismaClient' },
    { instanceOf: 'PrismaClient', method: '$transaction', callbackParameter: 0, creates: 'PrismaClient' },
    { instanceOf: 'PrismaClient', method: '$extends', creates: 'PrismaClient' },
  ],
  instanceTypes: { PrismaClient: 'PrismaClient' },
  transactions: [
    // Interactive transactions; the array form `$transaction([…])` has no callback and holds nothing open between queries.
    { kind: 'callback', callee: { instanceOf: 'PrismaClient', method: '$transaction' }, callback: 0, handle: 0, byShape: true },
  ],
  connections: {
    poolSize: [
      {
        callee: { export: 'PrismaClient', via: 'new' },
        options: 0,
        sizePaths: [],
        urlParameter: { name: 'connection_limit', paths: [['datasourceUrl'], ['datasources', 'db', 'url']] },
        onlyInUrl: true,
        defaultSize: 'the number of CPUs × 2 + 1',
        example: '`?connection_limit=20` in the connection string',
      },
    ],
    clients: [
      {
        callee: { export: 'PrismaClient', via: 'new' },
        what: 'a Prisma client with a connection pool of its own',
        byShape: true,
        share: 'Create one `PrismaClient` per process in a module of its own and import it (in development, keep it on `globalThis` so hot reloads reuse it)',
      },
    ],
  },
  transactionWork: {
    swap: true,
    advice: 'run it through `{{handle}}`, the client the callback receives (`{{handle}}.model.method()`)',
  },
  writes: {
    methods: ['create', 'createMany', 'createManyAndReturn', 'update', 'updateMany', 'updateManyAndReturn', 'upsert', 'delete', 'deleteMany', '$executeRaw', '$executeRawUnsafe'],
    wrapIn: '`prisma.$transaction(async (tx) => …)`',
  },
} satisfies LibraryKnowledge;
