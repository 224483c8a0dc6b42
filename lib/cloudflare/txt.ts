/** Longest character-string in a TXT record (RFC 1035 §3.3). */
const MAX_TXT_CHUNK = 255;

/**
 * TXT content as Cloudflare's API wants it: quoted character-strings of at most 255
 * octets, separated by a space. Sending it pre-split avoids the drift the provider shows
 * when the API splits a long value itself, and quotes avoid the dashboard's warning.
 */
export function toCloudflareTxt(text: string): string {
  const chunks: string[] = [];
  const bytes = Buffer.from(text, 'utf8');
  for (let start = 0; start < bytes.length || chunks.length === 0; start += MAX_TXT_CHUNK) {
    chunks.push(bytes.subarray(start, start + MAX_TXT_CHUNK).toString('utf8'));
    if (bytes.length === 0) break;
  }
  return chunks.map((chunk) => `"${chunk.replace(/["\\]/g, '\\$&')}"`).join(' ');
}

/** The text of TXT content written either way: quoted strings (joined) or plain. */
export function fromCloudflareTxt(content: string): string {
  const trimmed = content.trim();
  if (!trimmed.startsWith('"')) return trimmed;
  const strings = trimmed.match(/"((?:[^"\\]|\\.)*)"/g);
  if (!strings) return trimmed;
  return strings.map((s) => s.slice(1, -1).replace(/\\(.)/g, '$1')).join('');
}
