/**
 * A small glob matcher for the migration folders (`**\/migrations/**`), so the plugin needs no glob
 * dependency of its own: `**` (any number of path segments), `*` (anything but `/`), `?`, `{a,b}`
 * and `[abc]`. Paths are POSIX (`/`), relative to the project root; matching is case-sensitive.
 */

const cache = new Map<string, RegExp>();

/** The regular expression a glob compiles to (cached: option values are few and stable). */
export function globToRegExp(glob: string): RegExp {
  let compiled = cache.get(glob);
  if (!compiled) {
    compiled = new RegExp(`^${translate(glob.replace(/\\/g, '/').replace(/^\.\//, ''))}$`);
    cache.set(glob, compiled);
  }
  return compiled;
}

function translate(glob: string): string {
  let out = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === '*') {
      if (glob[i + 1] === '*') {
        const atStart = i === 0 || glob[i - 1] === '/';
        let end = i + 2;
        while (glob[end] === '*') end++;
        if (atStart && glob[end] === '/') {
          // `**/`: zero or more whole segments.
          out += '(?:[^/]*/)*';
          i = end;
        } else if (atStart && end === glob.length) {
          // trailing `**`: everything below.
          out += '.*';
          i = end - 1;
        } else {
          out += '[^/]*';
          i = end - 1;
        }
      } else {
        out += '[^/]*';
      }
    } else if (char === '?') {
      out += '[^/]';
    } else if (char === '{') {
      braces++;
      out += '(?:';
    } else if (char === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (char === ',' && braces > 0) {
      out += '|';
    } else if (char === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close === -1) {
        out += '\\[';
      } else {
        const body = glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        out += `[${body}]`;
        i = close;
      }
    } else {
      out += /[.+^$()|\\/]/.test(char) ? `\\${char}` : char;
    }
  }
  return out;
}

export function matchesGlob(path: string, glob: string): boolean {
  return globToRegExp(glob).test(path);
}

const anyCache = new WeakMap<readonly string[], RegExp>();
const anyByText = new Map<string, RegExp>();

/**
 * One expression for the whole list, asked once per linted file by several rules: a dozen
 * separate tests cost a dozen scans of the path. Keyed by the list, and by its text, since ESLint
 * hands every file a fresh copy of the options.
 */
export function matchesAnyGlob(path: string, globs: readonly string[]): boolean {
  let compiled = anyCache.get(globs);
  if (!compiled) {
    const key = globs.join('\0');
    compiled = anyByText.get(key);
    if (!compiled) {
      compiled = globs.length === 0 ? /(?!)/ : new RegExp(globs.map((glob) => globToRegExp(glob).source).join('|'));
      if (anyByText.size > 100) anyByText.clear();
      anyByText.set(key, compiled);
    }
    anyCache.set(globs, compiled);
  }
  return compiled.test(path);
}
