/** Control characters (C0, DEL, C1) and the bidirectional and invisible format characters. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/**
 * Text from live DNS or a live server (or a message that quotes it) as reports show it: at most
 * `max` characters, with every control, bidirectional and invisible format character escaped
 * (`\x1b`, `\u202e`), so it cannot drive a terminal or hide what it says.
 */
export function escapeLive(text: string, max = 200): string {
  const chars = [...text];
  const cut = chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
  return cut.replace(/\\/g, '\\\\').replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Live text quoted, `"` escaped too, so it cannot pass for our own words: `"v=STSv1; id=\x1b[31m"`. */
export function liveText(text: string, max = 120): string {
  return `"${escapeLive(text, max).replace(/"/g, '\\"')}"`;
}
