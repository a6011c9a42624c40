/** One transaction API of a library: filled in with no-io-in-transaction. */
export interface TransactionSpec {
  readonly _placeholder?: never;
}
