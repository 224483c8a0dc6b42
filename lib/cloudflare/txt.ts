import { quotedTxt, unquotedTxt } from '../dns/txt';

/**
 * TXT content as Cloudflare's API wants it: quoted character-strings of at most 255
 * octets, separated by a space. Sending it pre-split avoids the drift the provider shows
 * when the API splits a long value itself, and quotes avoid the dashboard's warning.
 */
export function toCloudflareTxt(text: string): string {
  return quotedTxt(text);
}

/** The text of TXT content written either way: quoted strings (joined) or plain. */
export function fromCloudflareTxt(content: string): string {
  return unquotedTxt(content);
}
