import { libraries } from '../../../src/knowledge';

/** One expected report, with the message data from the library's knowledge. */
export function unsized(line: number, column: number, call: string, libraryId: string) {
  const library = libraries.find((candidate) => candidate.id === libraryId);
  const spec = library?.connections?.poolSize?.[0];
  if (!library || !spec) throw new Error(`no pool-size knowledge for ${libraryId}`);
  return { messageId: 'unsizedPool' as const, line, column, data: { call, library: library.name, default: spec.defaultSize, example: spec.example } };
}
