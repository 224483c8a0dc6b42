/**
 * Reading SPF (RFC 7208) and DMARC (RFC 7489) TXT records: just enough to classify
 * them and find the mistakes that break mail. Regular expressions are compiled once.
 */

/** Exactly `v=spf1` at the start, then a space or the end (RFC 7208 §4.5; §12 separates terms by SP only). */
const SPF_VERSION = /^v=spf1(?: |$)/i;
const DMARC_VERSION = /^v\s*=\s*dmarc1\s*(?:;|$)/i;

/**
 * True when a TXT text is an SPF record: it begins with exactly `v=spf1`, followed by a
 * space or nothing (RFC 7208 §4.5). A text with leading white space, or a tab after the
 * version, is not one: receivers discard it and the name has no SPF.
 */
export function isSpf(text: string): boolean {
  return SPF_VERSION.test(text);
}

/** True for a text receivers do not take as SPF although it reads like one once trimmed (leading space, tab). */
export function looksLikeSpf(text: string): boolean {
  return !isSpf(text) && /^v=spf1(?:\s|$)/i.test(text.trim());
}

/** True when a TXT text announces itself as DMARC (`v=DMARC1`, however spaced or cased). */
export function isDmarc(text: string): boolean {
  return DMARC_VERSION.test(text.trim());
}

/**
 * The terms of an SPF record after `v=spf1`, in order. Terms are separated by spaces
 * (RFC 7208 §12: `1*SP`), so a tab stays inside its term and the term does not parse.
 */
export function spfTerms(text: string): string[] {
  return text.split(' ').slice(1).filter((term) => term !== '');
}

/** An SPF term split into its parts: qualifier, mechanism or modifier name, and argument. */
export interface SpfTerm {
  readonly raw: string;
  /** `+`, `-`, `~` or `?` for mechanisms (default `+`); undefined for modifiers. */
  readonly qualifier?: string;
  /** Lower-case mechanism or modifier name: `all`, `include`, `redirect`, … */
  readonly name: string;
  /** What follows `:` (mechanism) or `=` (modifier), or after `/` for a bare a/mx with a prefix length. */
  readonly argument?: string;
  readonly kind: 'mechanism' | 'modifier';
}

const MODIFIER = /^([a-z][a-z0-9_.-]*)=(.*)$/i;
const MECHANISM = /^([+\-~?]?)([a-z][a-z0-9_.-]*)(?:([:/])(.*))?$/i;

/** Parse one SPF term; undefined when it is neither a mechanism nor a modifier. */
export function parseSpfTerm(raw: string): SpfTerm | undefined {
  const modifier = MODIFIER.exec(raw);
  if (modifier) return { raw, name: modifier[1].toLowerCase(), argument: modifier[2], kind: 'modifier' };
  const mechanism = MECHANISM.exec(raw);
  if (!mechanism) return undefined;
  const argument = mechanism[3] === ':' ? mechanism[4] : mechanism[3] === '/' ? `/${mechanism[4]}` : undefined;
  return { raw, qualifier: mechanism[1] || '+', name: mechanism[2].toLowerCase(), argument, kind: 'mechanism' };
}

/** SPF mechanisms and modifiers that cost a DNS lookup (RFC 7208 §4.6.4). */
export const SPF_LOOKUP_TERMS: ReadonlySet<string> = new Set(['include', 'a', 'mx', 'ptr', 'exists', 'redirect']);

/** True for an SPF record that authorises no sender: `v=spf1 -all` (an `exp=` modifier aside). */
export function isRejectAllSpf(text: string): boolean {
  const terms = spfTerms(text).map(parseSpfTerm);
  const mechanisms = terms.filter((term) => term?.kind === 'mechanism');
  const others = terms.filter((term) => term === undefined || (term.kind === 'modifier' && term.name !== 'exp'));
  return others.length === 0 && mechanisms.length === 1 && mechanisms[0]!.name === 'all' && mechanisms[0]!.qualifier === '-';
}

/** The tags of a DMARC record, tag names lower-cased, values trimmed, in order. */
export function dmarcTags(text: string): Array<[string, string]> {
  const tags: Array<[string, string]> = [];
  for (const part of text.split(';')) {
    const equals = part.indexOf('=');
    if (equals < 0) continue;
    tags.push([part.slice(0, equals).trim().toLowerCase(), part.slice(equals + 1).trim()]);
  }
  return tags;
}

/** DMARC policies (RFC 7489 §6.3). */
export const DMARC_POLICIES: ReadonlySet<string> = new Set(['none', 'quarantine', 'reject']);

/** A DMARC record's policies, as receivers read them; undefined where a tag is missing or invalid. */
export interface DmarcPolicy {
  /** `p=`: policy for the domain itself. */
  readonly p?: string;
  /** `sp=`: policy for its subdomains. */
  readonly sp?: string;
}

/** The `p=` and `sp=` of a DMARC record, lower-cased, only when valid. */
export function dmarcPolicy(text: string): DmarcPolicy {
  const tags = new Map(dmarcTags(text));
  const valid = (value: string | undefined) => (value !== undefined && DMARC_POLICIES.has(value.toLowerCase()) ? value.toLowerCase() : undefined);
  return { p: valid(tags.get('p')), sp: valid(tags.get('sp')) };
}

/** The label DMARC policies live under (RFC 7489 §6.1). */
export const DMARC_LABEL = '_dmarc';
