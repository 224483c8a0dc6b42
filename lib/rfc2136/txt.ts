import { escapeTxt, unescapeTxt } from '../dns/txt';

/**
 * TXT text as a `dns_txt_record_set` `txt` element: zone-file escaped (`"` → `\"`, `\` → `\\`)
 * and unsplit. The provider writes `name ttl TXT "<value>"` and parses it as a zone-file line,
 * which splits at 255 octets; it reads the strings back joined, in the same escaped form, so
 * the next plan is empty. Unescaped, `"` and `\` are mangled and drift on every plan (deployed
 * against BIND: docs/hosts.md, test/real-dns/rfc2136-deploy.test.ts).
 */
export function toRfc2136Txt(text: string): string {
  return escapeTxt(text);
}

/** The text of a `txt` element written in the escaped form. */
export function fromRfc2136Txt(written: string): string {
  return unescapeTxt(written);
}

/**
 * What the provider would mangle in a `txt` element, or undefined: a `"` not escaped (it ends
 * the provider's quoted string), or a `\` that escapes neither `"`, `\` nor three digits (the
 * backslash is lost). A lone `\` at the end breaks the line.
 */
export function rfc2136TxtProblem(written: string): string | undefined {
  for (let i = 0; i < written.length; i++) {
    const c = written[i];
    if (c === '"') return `an unescaped " at position ${i + 1}`;
    if (c !== '\\') continue;
    const next = written[i + 1];
    if (next === '"' || next === '\\') i++;
    else if (/^\d{3}$/.test(written.slice(i + 1, i + 4))) i += 3;
    else return `a \\ at position ${i + 1} that escapes ${next === undefined ? 'the end of the value' : `"${next}"`}, so it is lost`;
  }
  return undefined;
}
