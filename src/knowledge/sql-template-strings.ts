import type { LibraryKnowledge } from './types';

/** A tag that turns a template into `{ text, values }` for pg and mysql: safe by construction. */
export default {
  id: 'sql-template-strings',
  name: 'sql-template-strings',
  modules: ['sql-template-strings', 'sql-template-tag'],
  packages: ['sql-template-strings', 'sql-template-tag'],
  docs: 'https://github.com/felixfbecker/node-sql-template-strings#readme',
  sql: {
    safeTags: [{ export: ['default', 'SQL', 'sql'] }],
    safeCalls: [{ export: ['join', 'raw.empty'] }],
    sinks: [
      {
        callee: { export: 'raw' },
        sqlArgument: 0,
        kind: 'raw',
        safeForm: '`raw()` inlines its text: keep it constant and let the tag bind values',
      },
    ],
  },
} satisfies LibraryKnowledge;
