/**
 * Token streams of migration files, for the content hash (a formatting-only change keeps the
 * stream) and for the CLI's quick "is this a migration" check. Our own small lexers rather than a
 * parser's: the hash must be the same in the CLI (no parser at hand, TypeScript optional) and in
 * the rule (whatever parser the user configured), and must not change when a dependency is
 * upgraded, or every recorded migration would suddenly look edited.
 *
 * The script lexer reads JavaScript and TypeScript alike (type syntax is made of the same tokens).
 * It tells a regular expression from a division by the previous token, as every JS tokenizer
 * without a parser does; a wrong guess on odd code only makes the stream different, never unstable.
 */

export type ScriptTokenType = 'word' | 'number' | 'string' | 'template' | 'regex' | 'punct';

export interface ScriptToken {
  readonly type: ScriptTokenType;
  /** Identifiers and punctuators as written; strings cooked (their value); numbers normalised; templates raw. */
  readonly value: string;
  /** Whether a line break separates this token from the previous one. */
  readonly newlineBefore: boolean;
}

const PUNCTUATORS = [
  '>>>=', '...', '===', '!==', '**=', '<<=', '>>=', '>>>', '&&=', '||=', '??=',
  '=>', '==', '!=', '<=', '>=', '&&', '||', '??', '?.', '++', '--', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '**', '<<', '>>',
];

/** Multi-character punctuators by their first character, longest first: one map lookup per punctuator. */
const PUNCTUATORS_BY_FIRST = new Map<string, string[]>();
for (const punctuator of PUNCTUATORS) {
  const list = PUNCTUATORS_BY_FIRST.get(punctuator[0]!) ?? [];
  list.push(punctuator);
  PUNCTUATORS_BY_FIRST.set(punctuator[0]!, list);
}
for (const list of PUNCTUATORS_BY_FIRST.values()) list.sort((a, b) => b.length - a.length);

/** Keywords after which a `/` starts a regular expression, not a division. */
const REGEX_AFTER_WORDS = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);

function isIdentifierStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 36 || code === 95 || code >= 128;
}

function isIdentifierPart(code: number): boolean {
  return isIdentifierStart(code) || (code >= 48 && code <= 57);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isLineBreak(char: string | undefined): boolean {
  return char === '\n' || char === '\r' || char === '\u2028' || char === '\u2029';
}

/** Normalises a numeric literal to its value: `1_000`, `1000` and `1e3` are one number. */
function normaliseNumber(text: string): string {
  const plain = text.replace(/_/g, '');
  if (/n$/.test(plain)) {
    try {
      return `${BigInt(plain.slice(0, -1)).toString()}n`;
    } catch {
      return plain.toLowerCase();
    }
  }
  // Legacy octal (`017`) reads differently from its decimal spelling: keep it as written.
  if (/^0\d/.test(plain)) return plain;
  const value = Number(plain);
  return Number.isFinite(value) ? String(value) : plain.toLowerCase();
}

/** The value of a string literal's body (between the quotes). */
function cook(body: string): string {
  if (!body.includes('\\')) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    if (char !== '\\') {
      out += char;
      continue;
    }
    const next = body[++i];
    switch (next) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'v': out += '\v'; break;
      case '0':
        if (!isDigit(body.charCodeAt(i + 1))) { out += '\0'; break; }
        out += '\\0';
        break;
      case 'x': {
        const hex = body.slice(i + 1, i + 3);
        if (/^[0-9a-fA-F]{2}$/.test(hex)) { out += String.fromCharCode(parseInt(hex, 16)); i += 2; } else out += 'x';
        break;
      }
      case 'u': {
        const braced = /^\{([0-9a-fA-F]+)\}/.exec(body.slice(i + 1));
        if (braced) {
          const codePoint = parseInt(braced[1]!, 16);
          out += codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : braced[0];
          i += braced[0].length;
          break;
        }
        const hex = body.slice(i + 1, i + 5);
        if (/^[0-9a-fA-F]{4}$/.test(hex)) { out += String.fromCharCode(parseInt(hex, 16)); i += 4; } else out += 'u';
        break;
      }
      case '\r':
        if (body[i + 1] === '\n') i++;
        break;
      case '\n':
      case '\u2028':
      case '\u2029':
        break;
      case undefined:
        out += '\\';
        break;
      default:
        out += next;
    }
  }
  return out;
}

/** The tokens of a JavaScript or TypeScript text, without whitespace and comments. */
export function tokenizeScript(text: string): ScriptToken[] {
  const tokens: ScriptToken[] = [];
  const length = text.length;
  /** Open `{` and template `${`: true for a template substitution. */
  const braces: boolean[] = [];
  let i = 0;
  let newline = false;
  if (text.startsWith('#!')) {
    while (i < length && !isLineBreak(text[i])) i++;
  }
  const push = (type: ScriptTokenType, value: string): void => {
    tokens.push({ type, value, newlineBefore: newline });
    newline = false;
  };
  const regexAllowed = (): boolean => {
    const previous = tokens[tokens.length - 1];
    if (!previous) return true;
    if (previous.type === 'word') return REGEX_AFTER_WORDS.has(previous.value);
    if (previous.type === 'punct') return previous.value !== ')' && previous.value !== ']' && previous.value !== '++' && previous.value !== '--';
    if (previous.type === 'template') return previous.value.endsWith('${');
    return false;
  };
  /** Scans a template chunk starting at `start` (just after `` ` `` or `}`), up to `` ` `` or `${`. */
  const scanTemplate = (start: number, opening: string): number => {
    let j = start;
    while (j < length) {
      const char = text[j]!;
      if (char === '\\') { j += 2; continue; }
      if (char === '`') {
        push('template', `${opening}${text.slice(start, j)}\``);
        return j + 1;
      }
      if (char === '$' && text[j + 1] === '{') {
        push('template', `${opening}${text.slice(start, j)}\${`);
        braces.push(true);
        return j + 2;
      }
      j++;
    }
    push('template', `${opening}${text.slice(start)}`);
    return length;
  };

  while (i < length) {
    const char = text[i]!;
    const code = text.charCodeAt(i);
    // Whitespace.
    if (code === 32 || code === 9) {
      i++;
      continue;
    }
    if (char === ' ' || char === '\t' || char === '\f' || char === '\v' || code === 0xa0 || code === 0xfeff || (code > 0x2000 && code <= 0x200b) || code === 0x3000 || code === 0x1680 || code === 0x202f || code === 0x205f) {
      i++;
      continue;
    }
    if (isLineBreak(char)) {
      newline = true;
      i++;
      continue;
    }
    // Comments.
    if (char === '/' && text[i + 1] === '/') {
      while (i < length && !isLineBreak(text[i])) i++;
      continue;
    }
    if (char === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? length : end + 2;
      if (/[\n\r\u2028\u2029]/.test(text.slice(i, stop))) newline = true;
      i = stop;
      continue;
    }
    // Identifiers, keywords, private names.
    if (isIdentifierStart(code) || (char === '#' && isIdentifierStart(text.charCodeAt(i + 1)))) {
      let j = i + 1;
      while (j < length && isIdentifierPart(text.charCodeAt(j))) j++;
      push('word', text.slice(i, j));
      i = j;
      continue;
    }
    // Numbers.
    if (isDigit(code) || (char === '.' && isDigit(text.charCodeAt(i + 1)))) {
      let j = i;
      if (char === '0' && /[xXbBoO]/.test(text[i + 1] ?? '')) {
        j = i + 2;
        while (j < length && /[0-9a-fA-F_]/.test(text[j]!)) j++;
      } else {
        while (j < length && (isDigit(text.charCodeAt(j)) || text.charCodeAt(j) === 95)) j++;
        if (text[j] === '.') {
          j++;
          while (j < length && (isDigit(text.charCodeAt(j)) || text.charCodeAt(j) === 95)) j++;
        }
        if ((text[j] === 'e' || text[j] === 'E') && /[-+0-9]/.test(text[j + 1] ?? '')) {
          j += 2;
          while (j < length && (isDigit(text.charCodeAt(j)) || text.charCodeAt(j) === 95)) j++;
        }
      }
      if (text[j] === 'n') j++;
      push('number', normaliseNumber(text.slice(i, j)));
      i = j;
      continue;
    }
    // Strings.
    if (char === '"' || char === "'") {
      let j = i + 1;
      while (j < length && text[j] !== char && !isLineBreak(text[j])) j += text[j] === '\\' ? 2 : 1;
      push('string', cook(text.slice(i + 1, Math.min(j, length))));
      i = j + 1;
      continue;
    }
    // Templates.
    if (char === '`') {
      i = scanTemplate(i + 1, '`');
      continue;
    }
    if (char === '}' && braces[braces.length - 1] === true) {
      braces.pop();
      i = scanTemplate(i + 1, '}');
      continue;
    }
    // Regular expressions.
    if (char === '/' && regexAllowed()) {
      let j = i + 1;
      let inClass = false;
      while (j < length && !isLineBreak(text[j])) {
        const c = text[j]!;
        if (c === '\\') { j += 2; continue; }
        if (c === '[') inClass = true;
        else if (c === ']') inClass = false;
        else if (c === '/' && !inClass) break;
        j++;
      }
      j++;
      while (j < length && isIdentifierPart(text.charCodeAt(j))) j++;
      push('regex', text.slice(i, j));
      i = j;
      continue;
    }
    // Punctuators.
    if (char === '{') braces.push(false);
    else if (char === '}') braces.pop();
    let punctuator = char;
    const candidates = PUNCTUATORS_BY_FIRST.get(char);
    if (candidates) {
      for (const candidate of candidates) {
        if (text.startsWith(candidate, i)) {
          punctuator = candidate;
          break;
        }
      }
    }
    // `a?.5:b` is a conditional, not optional chaining.
    if (punctuator === '?.' && isDigit(text.charCodeAt(i + 2))) punctuator = '?';
    push('punct', punctuator);
    i += punctuator.length;
  }
  return tokens;
}

/** Statement keywords whose parenthesised header may be followed by an empty statement `;`. */
const HEADER_KEYWORDS = new Set(['if', 'while', 'for', 'with']);
/** Keywords after which an empty `;` would change what the statement means (`return;` vs `return x`). */
const RESTRICTED = new Set(['return', 'break', 'continue', 'throw', 'yield', 'else', 'do']);
/** Tokens that would join the previous statement if the `;` before them went away (ASI hazards). */
const HAZARDS = new Set(['(', '[', '+', '-', '/', '<', '++', '--', '`', '*', ',', '.', '?.']);

/**
 * The stream the formatting-insensitive hash reads: the tokens, minus what formatters add or
 * remove without changing the program. Dropped: trailing commas (`f(a, b,)`), statement-ending
 * semicolons where no ASI hazard follows (Prettier's `semi`), and the parentheses around a lone
 * arrow-function parameter (`(x) => …`, Prettier's `arrowParens`). Strings are already compared by
 * value (quote style), numbers by value, and whitespace, line breaks and comments are gone.
 */
export function normaliseScriptTokens(tokens: readonly ScriptToken[]): ScriptToken[] {
  const out: ScriptToken[] = [];
  /** For every open `(`: whether it opens a statement header (`if (`, `for (`). */
  const parens: boolean[] = [];
  /** Index in `out` of the `)` that closed the most recent statement header. */
  let headerClose = -1;
  let forDepth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const previous = out[out.length - 1];
    const next = tokens[i + 1];
    if (token.type === 'punct') {
      if (token.value === '(') {
        const isHeader = previous?.type === 'word' && HEADER_KEYWORDS.has(previous.value) && !(out[out.length - 2]?.value === '.');
        parens.push(isHeader);
        if (isHeader && previous.value === 'for') forDepth++;
        // `(x) =>`: drop the parentheses around a lone parameter.
        if (next?.type === 'word' && tokens[i + 2]?.value === ')' && tokens[i + 3]?.value === '=>' && tokens[i + 3]?.type === 'punct') {
          out.push(next);
          i += 2;
          parens.pop();
          continue;
        }
      } else if (token.value === ')') {
        const wasHeader = parens.pop() ?? false;
        if (wasHeader) {
          const keyword = findHeaderKeyword(out);
          if (keyword === 'for') forDepth--;
          out.push(token);
          headerClose = out.length - 1;
          continue;
        }
      } else if (token.value === ',') {
        const closes = next?.type === 'punct' && (next.value === ')' || next.value === ']' || next.value === '}');
        const holeBefore = previous?.type === 'punct' && (previous.value === '[' || previous.value === ',' || previous.value === '(');
        if (closes && !holeBefore) continue;
      } else if (token.value === ';') {
        if (forDepth > 0 && parens.length > 0 && parens.includes(true)) {
          out.push(token);
          continue;
        }
        const afterHeader = headerClose === out.length - 1 && headerClose !== -1;
        const afterRestricted = previous?.type === 'word' && RESTRICTED.has(previous.value);
        const atBlockEnd = !next || (next.type === 'punct' && next.value === '}');
        if (afterHeader || (afterRestricted && !atBlockEnd)) {
          out.push(token);
          continue;
        }
        if (atBlockEnd) continue;
        const hazard = next.type === 'template' || next.type === 'regex' || (next.type === 'punct' && HAZARDS.has(next.value)) || (next.type === 'number' && next.value.startsWith('.'));
        if (!hazard && !(next.type === 'punct' && next.value === ';')) continue;
        out.push(token);
        continue;
      }
    }
    out.push(token);
  }
  return out;
}

/** The keyword before the `(` that the `)` about to be pushed closes. */
function findHeaderKeyword(out: readonly ScriptToken[]): string | undefined {
  let depth = 0;
  for (let i = out.length - 1; i >= 0; i--) {
    const token = out[i]!;
    if (token.type !== 'punct') continue;
    if (token.value === ')') depth++;
    else if (token.value === '(') {
      if (depth === 0) return out[i - 1]?.value;
      depth--;
    }
  }
  return undefined;
}

export type SqlTokenType = 'word' | 'number' | 'string' | 'quoted' | 'punct';

export interface SqlToken {
  readonly type: SqlTokenType;
  /** As written (strings and quoted identifiers with their quotes). */
  readonly value: string;
}

/**
 * The tokens of a SQL text, without whitespace and comments (`-- …`, `/* … *\/`, nested as in
 * PostgreSQL). Strings (`'…'`, `E'…'`, `$tag$…$tag$`) and quoted identifiers (`"…"`, `` `…` ``) keep
 * every character, whitespace included; case is kept (a quoted identifier's case matters, and so
 * does a table name's on MySQL).
 */
export function tokenizeSql(text: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    const char = text[i]!;
    const code = text.charCodeAt(i);
    if (/\s/.test(char) || code === 0xfeff) {
      i++;
      continue;
    }
    if (char === '-' && text[i + 1] === '-') {
      while (i < length && text[i] !== '\n' && text[i] !== '\r') i++;
      continue;
    }
    if (char === '/' && text[i + 1] === '*') {
      let depth = 1;
      i += 2;
      while (i < length && depth > 0) {
        if (text[i] === '/' && text[i + 1] === '*') { depth++; i += 2; } else if (text[i] === '*' && text[i + 1] === '/') { depth--; i += 2; } else i++;
      }
      continue;
    }
    // E'…' (backslash escapes), '…' ('' escapes), N'…'.
    if (char === "'" || ((char === 'E' || char === 'e' || char === 'N' || char === 'n') && text[i + 1] === "'")) {
      const backslash = char === 'E' || char === 'e';
      let j = char === "'" ? i + 1 : i + 2;
      while (j < length) {
        if (backslash && text[j] === '\\') { j += 2; continue; }
        if (text[j] === "'") {
          if (text[j + 1] === "'") { j += 2; continue; }
          break;
        }
        j++;
      }
      tokens.push({ type: 'string', value: text.slice(i, j + 1) });
      i = j + 1;
      continue;
    }
    if (char === '$') {
      const tag = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(i, i + 64));
      if (tag) {
        const end = text.indexOf(tag[0], i + tag[0].length);
        const stop = end === -1 ? length : end + tag[0].length;
        tokens.push({ type: 'string', value: text.slice(i, stop) });
        i = stop;
        continue;
      }
    }
    if (char === '"' || char === '`') {
      let j = i + 1;
      while (j < length) {
        if (text[j] === char) {
          if (text[j + 1] === char) { j += 2; continue; }
          break;
        }
        j++;
      }
      tokens.push({ type: 'quoted', value: text.slice(i, j + 1) });
      i = j + 1;
      continue;
    }
    if (/[A-Za-z_\u0080-\uffff]/.test(char)) {
      let j = i + 1;
      while (j < length && /[\w$\u0080-\uffff]/.test(text[j]!)) j++;
      tokens.push({ type: 'word', value: text.slice(i, j) });
      i = j;
      continue;
    }
    if (/[0-9]/.test(char) || (char === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      let j = i + 1;
      while (j < length && /[0-9.eE]/.test(text[j]!)) {
        if ((text[j] === 'e' || text[j] === 'E') && /[-+]/.test(text[j + 1] ?? '')) j++;
        j++;
      }
      tokens.push({ type: 'number', value: text.slice(i, j) });
      i = j;
      continue;
    }
    tokens.push({ type: 'punct', value: char });
    i++;
  }
  return tokens;
}
