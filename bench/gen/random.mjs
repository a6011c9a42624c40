// Seeded randomness and naming helpers for the generated corpus. Same seed, same corpus, byte for byte.

/** mulberry32: small, fast, good enough for picking templates. */
export function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r = {
    next,
    /** Integer in [min, max]. */
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
    /** `n` distinct items, in random order. */
    sample: (items, n) => r.shuffle(items).slice(0, Math.min(n, items.length)),
    shuffle: (items) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
    /** Weighted pick from [[weight, value], …]. */
    weighted: (pairs) => {
      const total = pairs.reduce((sum, [w]) => sum + w, 0);
      let x = next() * total;
      for (const [w, value] of pairs) {
        x -= w;
        if (x < 0) return value;
      }
      return pairs.at(-1)[1];
    },
    /** A file length target: most files mid-sized, a tail of long ones (30–400 lines). */
    fileLength: () =>
      r.weighted([
        [30, () => r.int(30, 80)],
        [42, () => r.int(80, 180)],
        [21, () => r.int(180, 300)],
        [7, () => r.int(300, 400)],
      ])(),
  };
  return r;
}

export const pascal = (s) => s.replace(/(^|[-_\s])(\w)/g, (_, __, c) => c.toUpperCase());
export const camel = (s) => {
  const p = pascal(s);
  return p[0].toLowerCase() + p.slice(1);
};
export const snake = (s) =>
  s
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[-\s]/g, '_')
    .toLowerCase();
export const kebab = (s) => snake(s).replace(/_/g, '-');
export function plural(word) {
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

/** Indent every line of a block by `n` spaces (blank lines stay blank). */
export function indent(text, n) {
  const pad = ' '.repeat(n);
  return text
    .split('\n')
    .map((line) => (line.length ? pad + line : line))
    .join('\n');
}

export const lineCount = (text) => text.split('\n').length;
