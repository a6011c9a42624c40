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

let lastText: string | undefined;
const answersForLastText = new Map<RegExp, boolean>();

/**
 * Whether the linted file's text holds one of the words. Rules that share a screen (the two
 * transaction rules share their openers') ask it of the same file one after the other: the
 * answer for the last text is kept.
 */
export function textMentions(sourceText: string, words: RegExp): boolean {
  if (sourceText !== lastText) {
    lastText = sourceText;
    answersForLastText.clear();
  }
  let answer = answersForLastText.get(words);
  if (answer === undefined) answersForLastText.set(words, (answer = words.test(sourceText)));
  return answer;
}
