import type { LibraryKnowledge } from './types';

const drivers = [
  'node-postgres', 'postgres-js', 'mysql2', 'better-sqlite3', 'libsql', 'neon-http', 'neon-serverless',
  'pglite', 'planetscale-serverless', 'd1', 'bun-sqlite', 'vercel-postgres', 'singlestore', 'tidb-serverless',
];

export default {
  id: 'drizzle',
  name: 'Drizzle',
  modules: ['drizzle-orm', ...drivers.map((driver) => `drizzle-orm/${driver}`)],
  packages: ['drizzle-orm'],
  docs: 'https://orm.drizzle.team/docs/sql',
  factories: [{ export: 'drizzle', via: 'call', creates: 'Database' }],
} satisfies LibraryKnowledge;
