/**
 * The lexical layer of RFC 1035 §5.1 master files: one physical line at a time, so a
 * reader can stream. Parentheses let an entry span lines (the caller keeps the depth),
 * `;` starts a comment, `"…"` is one character-string, `\X` and `\DDD` escape a character
 * inside a word or string (the escapes are kept in the token text, decoded by the reader).
 */

/** One word or quoted string of an entry; `text` is as written (escapes kept), without the quotes. */
export interface Token {
  readonly text: string;
  readonly quoted: boolean;
}

/** What the lexer carries from one line to the next of an entry. */
export interface LexState {
  /** Open parentheses. */
  depth: number;
  /** Text so far of a quoted string whose line ended in `\` (an escaped line break, read as BIND reads it: a newline in the string). */
  quote?: string;
}

/** True for the characters (by code) that end an unquoted word: blank, tab, `;`, `(`, `)`, `"`. */
function isBreak(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3b || code === 0x28 || code === 0x29 || code === 0x22;
}

/**
 * Tokens of one line (without its line break) appended to `tokens`, comments to `comments`.
 * Returns an error message when the line cannot be read (unbalanced quote or parenthesis).
 */
export function lexLine(line: string, state: LexState, tokens: Token[], comments: string[]): string | undefined {
  const length = line.length;
  let i = 0;
  if (state.quote !== undefined) {
    const prefix = state.quote;
    state.quote = undefined;
    i = quoted(line, 0, prefix, tokens, state);
    if (i < 0) return i === UNCLOSED ? 'a quoted string is not closed on its line (unbalanced quotes)' : undefined;
  }
  while (i < length) {
    const c = line.charCodeAt(i);
    if (c === 0x20 || c === 0x09) {
      i++;
    } else if (c === 0x3b /* ; */) {
      comments.push(line.slice(i + 1));
      return undefined;
    } else if (c === 0x28 /* ( */) {
      state.depth++;
      i++;
    } else if (c === 0x29 /* ) */) {
      if (state.depth === 0) return 'a ")" closes no "("';
      state.depth--;
      i++;
    } else if (c === 0x22 /* " */) {
      i = quoted(line, i + 1, '', tokens, state);
      if (i < 0) return i === UNCLOSED ? 'a quoted string is not closed on its line (unbalanced quotes)' : undefined;
    } else {
      let j = i;
      let code = c;
      while (j < length && !isBreak(code)) {
        j += code === 0x5c /* \ */ ? 2 : 1;
        code = line.charCodeAt(j);
      }
      tokens.push({ text: line.slice(i, Math.min(j, length)), quoted: false });
      i = j;
    }
  }
  return undefined;
}

/** {@link quoted}: the string is not closed on its line. */
const UNCLOSED = -1;
/** {@link quoted}: the line ends in `\` inside the string, which goes on on the next line. */
const CONTINUED = -2;

/**
 * The quoted string whose text starts at `from` (after the `"`), pushed as a token; returns
 * the index after its closing quote, {@link UNCLOSED}, or {@link CONTINUED} with the text so far
 * (and the escaped line break, kept as `\` + newline like any `\X`) in `state.quote`.
 */
function quoted(line: string, from: number, prefix: string, tokens: Token[], state: LexState): number {
  const length = line.length;
  let j = from;
  let code = line.charCodeAt(j);
  while (j < length && code !== 0x22) {
    j += code === 0x5c ? 2 : 1;
    code = line.charCodeAt(j);
  }
  if (j === length + 1) {
    state.quote = `${prefix}${line.slice(from)}\n`;
    return CONTINUED;
  }
  if (j >= length) return UNCLOSED;
  tokens.push({ text: prefix + line.slice(from, j), quoted: true });
  return j + 1;
}

/** True when the text has no escape and only printable ASCII: the fast path of every decoder. */
export function isPlain(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code > 0x7e || code === 0x5c) return false;
  }
  return true;
}

/**
 * The octets a token stands for, as a binary string (one char per octet): `\DDD` is the
 * octet DDD, `\X` is X, other characters are their UTF-8 octets. Undefined when a `\DDD`
 * is above 255 or an escape ends the text.
 */
export function decodeOctets(text: string): string | undefined {
  if (isPlain(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      if (i + 1 >= text.length) return undefined;
      const digits = text.slice(i + 1, i + 4);
      if (/^\d{3}$/.test(digits)) {
        const octet = Number(digits);
        if (octet > 255) return undefined;
        out += String.fromCharCode(octet);
        i += 3;
      } else {
        out += utf8Octets(text[i + 1]);
        i += 1;
      }
    } else {
      out += utf8Octets(c);
    }
  }
  return out;
}

function utf8Octets(char: string): string {
  const code = char.charCodeAt(0);
  return code < 0x80 ? char : Buffer.from(char, 'utf8').toString('latin1');
}

/** Octets as BIND prints a character-string: printable ASCII plain, `"` and `\` escaped, the rest `\DDD`. */
export function escapeString(octets: string): string {
  let out = '';
  for (let i = 0; i < octets.length; i++) {
    const code = octets.charCodeAt(i);
    if (code === 0x22 || code === 0x5c) out += `\\${octets[i]}`;
    else if (code >= 0x20 && code <= 0x7e) out += octets[i];
    else out += `\\${String(code).padStart(3, '0')}`;
  }
  return out;
}
