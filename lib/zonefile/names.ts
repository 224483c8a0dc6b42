import { decodeOctets } from './tokens';

/** Longest label and name in octets on the wire (RFC 1035 §2.3.4). */
const MAX_LABEL = 63;
const MAX_WIRE = 255;
/** Labels that need no escaping when printed: the fast path. */
const SIMPLE_NAME = /^[A-Za-z0-9_*/+=-]+(?:\.[A-Za-z0-9_*/+=-]+)*\.?$/;
/** Characters BIND prints escaped in a name (dns_name_totext). */
const SPECIAL = new Set(['"', '(', ')', '.', ';', '\\', '@', '$']);

/**
 * A domain name of a zone file, absolute and canonical: lower-case, printed as BIND prints
 * it (special characters `\`-escaped, other non-printable octets `\DDD`), trailing dot.
 * `@` is the origin; a name without a final unescaped dot is relative to the origin.
 * Returns an error message instead when the name cannot be a DNS name.
 */
export function absoluteName(text: string, origin: string): string | { error: string } {
  if (text === '@') return origin;
  if (text === '.') return '.';
  let relative: string;
  let absolute: boolean;
  if (SIMPLE_NAME.test(text)) {
    absolute = text.endsWith('.');
    relative = (absolute ? text.slice(0, -1) : text).toLowerCase();
  } else {
    const labels = splitLabels(text);
    if (typeof labels === 'string') return { error: `${labels} in "${text}"` };
    absolute = labels.absolute;
    relative = labels.labels.map(printLabel).join('.');
  }
  const name = absolute ? `${relative}.` : origin === '.' ? `${relative}.` : `${relative}.${origin}`;
  const problem = nameProblem(name);
  return problem ? { error: `${problem} in "${text}"` } : name;
}

/** Labels of a name as octets (binary strings), split at unescaped dots. */
function splitLabels(text: string): { labels: string[]; absolute: boolean } | string {
  const labels: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      const digits = text.slice(i + 1, i + 4);
      const take = /^\d{3}$/.test(digits) ? 4 : 2;
      current += text.slice(i, i + take);
      i += take - 1;
    } else if (c === '.') {
      if (current === '') return 'an empty label (two dots in a row, or a leading dot)';
      labels.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  const absolute = current === '';
  if (!absolute) labels.push(current);
  const decoded: string[] = [];
  for (const label of labels) {
    const octets = decodeOctets(label);
    if (octets === undefined) return `a bad escape in label "${label}" (\\DDD must be 000–255)`;
    decoded.push(octets);
  }
  return { labels: decoded, absolute };
}

/** A label's octets as BIND prints them, lower-cased. */
function printLabel(octets: string): string {
  let out = '';
  for (let i = 0; i < octets.length; i++) {
    let c = octets[i];
    const code = octets.charCodeAt(i);
    if (code >= 0x41 && code <= 0x5a) c = c.toLowerCase();
    if (SPECIAL.has(c)) out += `\\${c}`;
    else if (code > 0x20 && code < 0x7f) out += c;
    else out += `\\${String(code).padStart(3, '0')}`;
  }
  return out;
}

/** Octets of a printed label (escapes counted once). */
function labelOctets(label: string): number {
  if (!label.includes('\\')) return label.length;
  return label.replace(/\\\d{3}|\\./g, 'x').length;
}

/** Why a printed absolute name is not a DNS name (empty label, label or name too long), or undefined. */
export function nameProblem(name: string): string | undefined {
  // Fast path: a name this short has no label over 63 octets and fits 255.
  if (name === '.' || (name.length <= MAX_LABEL && name.charCodeAt(0) !== 0x2e && !name.includes('..'))) return undefined;
  const labels = name.includes('\\') ? name.slice(0, -1).split(/(?<!\\)\./) : name.slice(0, -1).split('.');
  let wire = 1;
  for (const label of labels) {
    const octets = labelOctets(label);
    if (octets === 0) return 'an empty label (two dots in a row, or a leading dot)';
    if (octets > MAX_LABEL) return `a label of ${octets} octets (at most ${MAX_LABEL})`;
    wire += octets + 1;
  }
  return wire > MAX_WIRE ? `a name of ${wire} octets (at most ${MAX_WIRE})` : undefined;
}

/** True when `name` is `apex` or below it (both absolute, canonical). */
export function isAtOrBelow(name: string, apex: string): boolean {
  // Both end in a dot: `name` is below when it ends in `apex` right after a label's own dot.
  return apex === '.' || name === apex || (name.length > apex.length && name.charCodeAt(name.length - apex.length - 1) === 0x2e && name.endsWith(apex));
}

const TTL_TEXT = /^(?:\d+[wdhms])*\d*$/i;
const UNIT: Readonly<Record<string, number>> = { w: 604800, d: 86400, h: 3600, m: 60, s: 1 };
/** Largest TTL (RFC 2181 §8). */
export const MAX_TTL = 2147483647;

/**
 * Seconds of a TTL as BIND reads it: a number, or units `1w2d3h4m5s` in any case, a last
 * bare number being seconds. Undefined when the text is not a TTL.
 */
export function parseTtl(text: string): number | undefined {
  const first = text.charCodeAt(0);
  if (!(first >= 0x30 && first <= 0x39)) return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  if (!TTL_TEXT.test(text)) return undefined;
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+)([wdhms]?)/gi)) total += Number(amount) * (unit ? UNIT[unit.toLowerCase()] : 1);
  return total;
}
