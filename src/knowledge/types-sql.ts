/** The raw-SQL part of a library's knowledge: filled in with no-interpolated-sql. */
export interface SqlKnowledge {
  readonly _placeholder?: never;
}
