import type { LibraryKnowledge } from './types';

export default {
  id: 'prisma',
  name: 'Prisma',
  // `.prisma/client` and custom `output` folders are where `prisma generate` writes the client.
  modules: ['@prisma/client', '.prisma/client'],
  packages: ['@prisma/client', '.prisma'],
  docs: 'https://www.prisma.io/docs/orm/prisma-client/using-raw-sql/raw-queries',
  factories: [{ export: 'PrismaClient', via: 'new', creates: 'PrismaClient' }],
  instanceTypes: { PrismaClient: 'PrismaClient' },
} satisfies LibraryKnowledge;
