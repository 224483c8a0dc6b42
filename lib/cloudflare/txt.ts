/** Longest character-string in a TXT record (RFC 1035 §3.3). */
const MAX_TXT_CHUNK = 255;

/**
 * TXT content as Cloudflare's API wants it: quoted character-strings of at most 255
 * octets, separated by a space. Sending it pre-split avoids the drift the provider shows
 * when the API splits a long value itself, and quotes avoid the dashboard's warning.
 */
export function toCloudflareTxt(text: string): string {
  const chunks: string[] = [];
  let chunk = '';
  let octets = 0;
  for (const char of text) {
    // Split between characters, never inside a multi-byte UTF-8 sequence.
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > MAX_TXT_CHUNK) {
      chunks.push(chunk);
      chunk = '';
      octets = 0;
    }
    chunk += char;
    octets += size;
  }
  chunks.push(chunk);
  return chunks.map((c) => `"${c.replace(/["\\]/g, '\\$&')}"`).join(' ');
}

/** The text of TXT content written either way: quoted strings (joined) or plain. */
export function fromCloudflareTxt(content: string): string {
  const trimmed = content.trim();
  if (!trimmed.startsWith('"')) return trimmed;
  const strings = trimmed.match(/"((?:[^"\\]|\\.)*)"/g);
  if (!strings) return trimmed;
  return strings.map((s) => s.slice(1, -1).replace(/\\(.)/g, '$1')).join('');
}
