/**
 * Expected errors for no-outer-client-in-transaction, with the whole message: the call, the client it
 * goes through, where the transaction was opened, and the library's advice (from its knowledge).
 */
import { libraries } from '../../../src/knowledge';

type MessageIds = 'outerClient' | 'outerTransaction' | 'useHandle';

const cost =
  'it runs on another pooled connection, outside the transaction: it is not rolled back when the transaction fails, it cannot see the rows the transaction has written, and with a small pool it waits for a connection the transaction holds (a deadlock)';

function advice(library: string | undefined, handle: string): string {
  const text =
    library === undefined
      ? 'run it through `{{handle}}`, the handle the transaction gives you'
      : (libraries.find((candidate) => candidate.id === library)?.transactionWork?.advice ?? '');
  if (!text) throw new Error(`no transactionWork for ${library}`);
  return text.replace(/\{\{handle\}\}/g, handle);
}

export interface Expected {
  /** The call as the message shows it: `prisma.user.create()`. */
  readonly call: string;
  readonly client: string;
  /** The opener as the message shows it, without backticks: `prisma.$transaction()`. */
  readonly by: string;
  readonly line: number;
  /** The library whose advice the message gives; undefined when the library is not known (by shape). */
  readonly library: string | undefined;
  readonly handle: string;
  /** The source after the suggested swap, when one is offered. */
  readonly output?: string;
  readonly kind?: 'transaction';
}

export function outer(line: number, column: number, expected: Expected) {
  return {
    messageId: (expected.kind === 'transaction' ? 'outerTransaction' : 'outerClient') as MessageIds,
    line,
    column,
    data: {
      call: expected.call,
      client: expected.client,
      opener: `\`${expected.by}\``,
      line: expected.line,
      cost,
      advice: advice(expected.library, expected.handle),
    },
    suggestions:
      expected.output === undefined
        ? []
        : [{ messageId: 'useHandle' as MessageIds, data: { handle: expected.handle }, output: expected.output }],
  };
}
