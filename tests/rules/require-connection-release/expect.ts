import { libraries } from '../../../src/knowledge';

type MessageId = 'neverReleased' | 'releaseSkippedByThrow' | 'releaseSkippedByReturn' | 'releaseNotOnEveryPath';

/**
 * One expected report, with its message data spelled out: the checkout call as written, the
 * library (by id), and the line of the throw or `return` that skips the release.
 */
export function leak(messageId: MessageId, line: number, column: number, call: string, libraryId: string, at?: number) {
  const library = libraries.find((candidate) => candidate.id === libraryId);
  const spec = library?.connections?.acquire?.[0];
  if (!library || !spec) throw new Error(`no connection knowledge for ${libraryId}`);
  return {
    messageId,
    line,
    column,
    data: { call, library: library.name, release: spec.releaseText, line: at ?? line },
  };
}
