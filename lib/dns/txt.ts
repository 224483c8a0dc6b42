/**
 * TXT text in the forms DNS hosts store it. A TXT record is a sequence of character-strings
 * of at most 255 octets each (RFC 1035 §3.3.14); longer text is split, and readers join the
 * strings back. Presentation form quotes each string and escapes `"` and `\` (RFC 1035 §5.1).
 */

/** Longest character-string in a TXT record (RFC 1035 §3.3). */
export const MAX_TXT_STRING = 255;

/** `text` as character-strings of at most 255 UTF-8 octets, split between characters (never inside one). */
export function txtStrings(text: string): string[] {
  const chunks: string[] = [];
  let chunk = '';
  let octets = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > MAX_TXT_STRING) {
      chunks.push(chunk);
      chunk = '';
      octets = 0;
    }
    chunk += char;
    octets += size;
  }
  chunks.push(chunk);
  return chunks;
}

/** `"` and `\` escaped with a backslash, as inside a quoted presentation-form string. */
export function escapeTxt(text: string): string {
  return text.replace(/["\\]/g, '\\$&');
}

/** The text of an escaped string: `\x` stands for `x`. */
export function unescapeTxt(text: string): string {
  return text.replace(/\\(.)/gs, '$1');
}

/** Presentation form: each 255-octet string quoted and escaped, separated by a space (`"a…" "b…"`). */
export function quotedTxt(text: string): string {
  return txtStrings(text).map((s) => `"${escapeTxt(s)}"`).join(' ');
}

/** The text of TXT content written either way: quoted strings (joined, unescaped) or plain (as is, trimmed). */
export function unquotedTxt(content: string): string {
  const trimmed = content.trim();
  if (!trimmed.startsWith('"')) return trimmed;
  const strings = trimmed.match(/"((?:[^"\\]|\\.)*)"/gs);
  if (!strings) return trimmed;
  return strings.map((s) => unescapeTxt(s.slice(1, -1))).join('');
}

/** The octet lengths of the quoted strings in presentation-form `content` (escapes count as the octet they stand for). */
export function quotedStringOctets(content: string): number[] {
  const strings = content.trim().match(/"((?:[^"\\]|\\.)*)"/gs) ?? [];
  return strings.map((s) => Buffer.byteLength(unescapeTxt(s.slice(1, -1)), 'utf8'));
}
