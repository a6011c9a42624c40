import { libraries } from '../../../src/knowledge';

/** An explicit ignore list, so that the library cases do not depend on the defaults (defaults.test.ts covers those). */
export const options = [{ ignoreFiles: ['**/migrations/**', '**/seeds/**', '**/scripts/**', '**/*.test.*'] }] as [{ ignoreFiles: string[] }];

export const where = {
  route: 'in a route handler, which runs on every request',
  controller: 'in a controller method, which runs on every request',
  method: 'in a method, which runs on every call',
  callback: 'in a callback, which runs every time it is called (per job, event or request)',
  handler: 'in a request handler, which runs on every request',
  runs: (name: string) => `in \`${name}()\`, which runs on every call`,
  builds: (name: string) => `in \`${name}()\`, which builds a new one on each call`,
  constructor: (name: string, line: number) => `in the constructor of \`${name}\`, which this file instantiates per call (line ${line})`,
};

/** One expected report: the creating call as written, the library (by id) and which of its client factories. */
export function perCall(line: number, column: number, call: string, libraryId: string, whereText: string, factory = 0) {
  const library = libraries.find((candidate) => candidate.id === libraryId);
  const spec = library?.connections?.clients?.[factory];
  if (!spec) throw new Error(`no client knowledge for ${libraryId}[${factory}]`);
  return { messageId: 'clientPerCall' as const, line, column, data: { call, what: spec.what, where: whereText, share: spec.share } };
}
