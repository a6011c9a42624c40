/** Expected errors for require-transaction-end, with the whole message data. */
import { libraries } from '../../../src/knowledge';

type MessageIds = 'noCommit' | 'openAtReturn' | 'openAtEnd' | 'noRollback' | 'notAwaited' | 'noRelease';

/** The managed form a library's region (or statements) entry names, found by the start method or statement. */
export function managedOf(library: string | undefined, start: string): string {
  if (library === undefined) return "the library's callback form (`transaction(async (trx) => …)`), which commits when the callback resolves and rolls back when it throws";
  const found = libraries.find((candidate) => candidate.id === library);
  for (const spec of found?.transactions ?? []) {
    if (spec.kind === 'statements' && spec.methods.includes(start)) return spec.managed;
    if (spec.kind === 'region') {
      const names = 'export' in spec.start ? [spec.start.export].flat() : [spec.start.method].flat();
      if (names.some((name) => name.endsWith(start))) return spec.managed;
    }
  }
  throw new Error(`no region ${start} in ${library}`);
}

export function end(
  messageId: MessageIds,
  line: number,
  column: number,
  opener: string,
  library: string | undefined,
  start: string,
  extra: { line?: number; end?: string } = {},
) {
  return {
    messageId,
    line,
    column,
    data: { opener: `\`${opener}\``, managed: managedOf(library, start), line: extra.line ?? 0, end: extra.end ?? '' },
  };
}
