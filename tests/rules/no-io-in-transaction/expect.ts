/**
 * Expected errors for no-io-in-transaction tests, with the full message data: the call, what it
 * is (from the I/O library's knowledge), and where the transaction was opened.
 */
import { ioLibraries } from '../../../src/knowledge/io';

type MessageIds = 'ioInTransaction' | 'ioInTransactionThrough';

function kind(library: string): { what: string; waitsOn: string } {
  if (library === 'option') return { what: 'I/O (listed in the rule options)', waitsOn: 'the I/O' };
  const found = ioLibraries.find((candidate) => candidate.id === library);
  if (!found) throw new Error(`unknown I/O library ${library}`);
  return { what: found.io.what, waitsOn: found.io.waitsOn };
}

export interface Opened {
  /** The opener as the message shows it, without backticks: `prisma.$transaction()`, `@Transactional()`. */
  readonly by: string;
  readonly line: number;
  /** The after-commit hint, when the library has one: `t.afterCommit(() => …)`. */
  readonly afterCommit?: string;
}

/** A report on an I/O call made directly inside the transaction. */
export function io(line: number, column: number, call: string, library: string, opened: Opened) {
  return {
    messageId: 'ioInTransaction' as MessageIds,
    line,
    column,
    data: {
      call,
      path: '',
      ...kind(library),
      opener: `\`${opened.by}\``,
      line: opened.line,
      afterCommit: opened.afterCommit ? ` (\`${opened.afterCommit}\`)` : '',
    },
  };
}

/** A report on a call inside the transaction that reaches I/O through functions of the same file. */
export function through(
  line: number,
  column: number,
  call: string,
  /** The calls on the way; `[call, file]` where the path enters another file (named relative to the linted file). */
  path: readonly (string | readonly [string, string])[],
  library: string,
  opened: Opened,
) {
  return {
    messageId: 'ioInTransactionThrough' as MessageIds,
    line,
    column,
    data: {
      call,
      path: path.map((step) => (typeof step === 'string' ? `\`${step}\`` : `\`${step[0]}\` in ${step[1]}`)).join(', which calls '),
      ...kind(library),
      opener: `\`${opened.by}\``,
      line: opened.line,
      afterCommit: opened.afterCommit ? ` (\`${opened.afterCommit}\`)` : '',
    },
  };
}
