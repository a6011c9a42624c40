import type { LibraryKnowledge } from './types';

/** pg-format escapes with %I (identifier) and %L (literal); %s splices text as it is. */
export default {
  id: 'pg-format',
  name: 'pg-format',
  modules: ['pg-format'],
  packages: ['pg-format', '@types/pg-format'],
  docs: 'https://github.com/datalanche/node-pg-format#readme',
  sql: {
    escapes: [
      { callee: { export: ['default', 'format', 'withArray'] }, unsafeIfFormatContains: '%s' },
      { callee: { export: ['ident', 'literal', 'string'] } },
    ],
  },
} satisfies LibraryKnowledge;
