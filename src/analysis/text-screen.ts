/**
 * The cheapest question a rule can ask of a file: does its text hold any of the words that every
 * finding of the rule needs (a method name, a decorator, a keyword)? Asked once per file in
 * `create()`, so a rule with nothing to look for registers no listener and ESLint never calls it
 * for that file. Sound as long as the words are the rule's own gates: a listener that only goes on
 * for a callee named `transaction` finds nothing in a file whose text never says `transaction`.
 */

/** A pattern that finds any of the words as written (plain substrings, so `$transaction` and `t.foreign(` alike). */
export function anyOfWords(words: Iterable<string>, flags = ''): RegExp {
  const unique = [...new Set(words)].filter((word) => word.length > 0);
  // An empty list must match nothing, never everything.
  if (unique.length === 0) return /(?!)/;
  return new RegExp(unique.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), flags);
}

/** Whether the linted file's text holds one of the words. */
export function textMentions(sourceText: string, words: RegExp): boolean {
  return words.test(sourceText);
}
