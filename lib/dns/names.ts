import { isIP } from 'node:net';
import { domainToASCII } from 'node:url';

/** Longest label in octets (RFC 1035 §2.3.4). */
export const MAX_LABEL_OCTETS = 63;
/** Longest name in presentation form without the trailing dot (RFC 1035 §2.3.4: 255 octets on the wire). */
export const MAX_NAME_OCTETS = 253;

/** The value that means "no mail" in a null MX (RFC 7505). */
export const NULL_MX_EXCHANGE = '.';

/** What is wrong with a host name, one code per problem a rule can report. */
export type HostnameProblem =
  | { code: 'empty'; detail: string }
  | { code: 'ip'; detail: string }
  | { code: 'syntax'; detail: string }
  | { code: 'label-length'; detail: string }
  | { code: 'name-length'; detail: string };

/** A host name after normalisation, or the problems that prevent it. */
export interface ParsedHostname {
  /** Lower-case ASCII (punycode) name without the trailing dot; undefined when it cannot be parsed. */
  readonly ascii?: string;
  readonly problems: readonly HostnameProblem[];
}

/** True when `value` is an IPv4 or IPv6 literal, bracketed or not (`[2001:db8::1]`). */
export function isIpLiteral(value: string): boolean {
  const bare = value.trim().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  return isIP(bare) !== 0;
}

const LDH_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/** Characters WHATWG's host parser would silently accept or rewrite but that a DNS host name may not hold. */
const FORBIDDEN = /[\s_*@/\\:?#[\]%<>^|"'`{}]/u;

/**
 * Parse a host name as an MX exchange or CNAME target must be written: LDH labels
 * (RFC 1123 §2.1), IDN converted to punycode with UTS-46 (node's `domainToASCII`),
 * label ≤ 63 and name ≤ 253 octets. Never throws.
 */
export function parseHostname(input: string): ParsedHostname {
  const raw = typeof input === 'string' ? input.trim() : '';
  if (raw === '' || raw === NULL_MX_EXCHANGE) {
    return { problems: [{ code: 'empty', detail: 'no host name given' }] };
  }
  if (isIpLiteral(raw)) {
    return { problems: [{ code: 'ip', detail: `"${raw}" is an IP address, not a host name` }] };
  }
  const withoutDot = raw.endsWith('.') ? raw.slice(0, -1) : raw;
  if (withoutDot.endsWith('.') || withoutDot.startsWith('.') || withoutDot.includes('..')) {
    return { problems: [{ code: 'syntax', detail: `"${raw}" has an empty label` }] };
  }
  const forbidden = FORBIDDEN.exec(withoutDot);
  if (forbidden) {
    return { problems: [{ code: 'syntax', detail: `"${raw}" contains ${describeChar(forbidden[0])}, which a host name may not hold` }] };
  }
  const ascii = toAscii(withoutDot);
  if (ascii === undefined) {
    return { problems: [{ code: 'syntax', detail: `"${raw}" is not a valid internationalised name (UTS-46)` }] };
  }
  return { ascii, problems: checkAsciiHostname(ascii, raw) };
}

/** Convert to lower-case punycode; undefined when UTS-46 rejects the name. */
export function toAscii(name: string): string | undefined {
  // domainToASCII lower-cases, maps full-width dots and rejects invalid IDN with ''.
  // Plain ASCII names without an A-label skip it (LDH syntax is checked separately);
  // A-labels (xn--) go through it so invalid punycode is caught.
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(name) && !/(^|\.)xn--/i.test(name)) return name.toLowerCase();
  const ascii = domainToASCII(name);
  return ascii === '' ? undefined : ascii.replace(/\.$/, '');
}

function checkAsciiHostname(ascii: string, raw: string): HostnameProblem[] {
  const problems: HostnameProblem[] = [];
  if (ascii.length > MAX_NAME_OCTETS) {
    problems.push({ code: 'name-length', detail: `"${raw}" is ${ascii.length} octets long; a name may have at most ${MAX_NAME_OCTETS}` });
  }
  for (const label of ascii.split('.')) {
    if (label.length > MAX_LABEL_OCTETS) {
      problems.push({ code: 'label-length', detail: `label "${label.slice(0, 20)}…" of "${raw}" is ${label.length} octets long; a label may have at most ${MAX_LABEL_OCTETS}` });
    } else if (!LDH_LABEL.test(label)) {
      problems.push({ code: 'syntax', detail: `label "${label}" of "${raw}" must be letters, digits and inner hyphens only` });
    }
  }
  const tld = ascii.split('.').pop() ?? '';
  if (problems.length === 0 && /^[0-9]+$/.test(tld)) {
    problems.push({ code: 'syntax', detail: `"${raw}" ends in an all-numeric label, which no top-level domain is` });
  }
  return problems;
}

function describeChar(c: string): string {
  if (/\s/u.test(c)) return 'white space';
  return `"${c}"`;
}

/**
 * Normalise an owner name against its zone: `@` or '' is the apex, a name ending in
 * the zone (with or without trailing dot) is taken as is, anything else without a
 * trailing dot is relative to the zone. Returns lower-case ASCII without the trailing dot.
 * Owner names may hold `_` and `*` (DKIM, DMARC, wildcards), so only lengths and empty labels are judged here.
 */
export function resolveOwnerName(name: string, zone: string): string {
  const apex = normalisedApex(zone);
  const raw = (name ?? '').trim();
  if (raw === '' || raw === '@') return apex;
  const absolute = raw.endsWith('.');
  const bare = absolute ? raw.slice(0, -1) : raw;
  const ascii = toAscii(bare) ?? bare.toLowerCase();
  if (absolute || isInZone(ascii, apex)) return ascii;
  return `${ascii}.${apex}`;
}

/** The zone as {@link resolveOwnerName} normalises it, remembered for the last zone asked: a zone's many names ask for the same one. */
function normalisedApex(zone: string): string {
  if (zone !== lastZone) {
    lastApex = toAscii(zone.trim().replace(/\.$/, '')) ?? zone.toLowerCase();
    lastZone = zone;
  }
  return lastApex;
}
let lastZone: string | undefined;
let lastApex = '';

/** True when `name` is the zone apex or below it. Both normalised. (No `.${apex}` is built: it runs for every record of a zone.) */
export function isInZone(name: string, apex: string): boolean {
  return name === apex || isBelow(name, apex);
}

/** True when `name` ends in `.` + `suffix`: a name strictly below `suffix`. */
export function isBelow(name: string, suffix: string): boolean {
  return name.length > suffix.length && name.charCodeAt(name.length - suffix.length - 1) === 0x2e && name.endsWith(suffix);
}

/** An owner name's labels: letters, digits, hyphens and `_` (DKIM, DMARC), with an optional leading `*` label. */
const OWNER_NAME = /^(?:\*\.)?[a-z0-9_-]+(?:\.[a-z0-9_-]+)*$/;

/**
 * What is wrong with the characters of a normalised owner name (see {@link resolveOwnerName}),
 * or undefined: empty labels (`a..b`, `.eu`) and characters no DNS name may hold (`a b`, `a/b`).
 */
export function ownerNameSyntaxProblem(owner: string): string | undefined {
  if (OWNER_NAME.test(owner)) return undefined;
  return owner.split('.').includes('')
    ? 'has an empty label (two dots in a row, or a leading dot)'
    : 'holds characters a DNS name may not (letters, digits, hyphens, "_" and a leading "*" label only)';
}

/** Problems of an owner name (lengths, empty labels); `_` and `*` are allowed there. */
export function ownerNameProblems(name: string): HostnameProblem[] {
  const problems: HostnameProblem[] = [];
  if (name.length > MAX_NAME_OCTETS) {
    problems.push({ code: 'name-length', detail: `owner name "${name}" is ${name.length} octets long; at most ${MAX_NAME_OCTETS} are allowed` });
  }
  for (const label of name.split('.')) {
    if (label === '') problems.push({ code: 'syntax', detail: `owner name "${name}" has an empty label` });
    else if (label.length > MAX_LABEL_OCTETS) {
      problems.push({ code: 'label-length', detail: `label "${label.slice(0, 20)}…" of owner name "${name}" is ${label.length} octets; at most ${MAX_LABEL_OCTETS} are allowed` });
    }
  }
  return problems;
}

/** Presentation form with trailing dot, as findings and zone files show names. */
export function fqdn(name: string): string {
  return name === '.' || name.endsWith('.') ? name : `${name}.`;
}
