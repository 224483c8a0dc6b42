import { toCloudflareTxt } from '../cloudflare/txt';
import { fqdn, NULL_MX_EXCHANGE, toAscii } from '../dns/names';
import { HOSTNAME_VALUED_TYPES, RecordSpec } from '../dns/record';

/** What Cloudflare serves for a record with TTL 1 ("automatic"). */
export const CLOUDFLARE_AUTO_TTL_SECONDS = 300;

/** First line of every rendered zone; the jest snapshot serializer recognises zone text by it. */
export const ZONE_TEXT_HEADER = '; cdktf-mx zone ';

/** Options of {@link formatZone}. */
export interface ZoneTextOptions {
  /**
   * Put a placeholder SOA and NS at the apex so DNS software (named-checkzone, knotd)
   * loads the text as a complete zone. Cloudflare publishes its own SOA and NS. Default false.
   */
  readonly soa?: boolean;
}

/** Record types whose data starts with a preference the Cloudflare API keeps apart from `content`. */
const PRIORITY_FIRST_TYPES: ReadonlySet<string> = new Set(['MX', 'SRV', 'URI']);

/**
 * BIND-style zone text for `records` of zone `apex`: one record a line as
 * `name TTL IN TYPE [priority] data`, absolute names with trailing dots, TXT quoted and
 * split at 255 octets, sorted in DNS canonical name order (RFC 4034 §6.1), then by type,
 * priority and data, so the same records always give the same text.
 */
export function formatZone(apex: string, records: readonly RecordSpec[], options: ZoneTextOptions = {}): string {
  const origin = fqdn(apex);
  const lines = [`${ZONE_TEXT_HEADER}${origin}`];
  if (records.some((r) => r.ttl === undefined || r.ttl === 1)) {
    lines.push(`; TTL 1 (Cloudflare automatic) is shown as ${CLOUDFLARE_AUTO_TTL_SECONDS}, the TTL Cloudflare serves for it.`);
  }
  if (options.soa) {
    lines.push(
      '; Placeholder SOA and NS so DNS software loads the zone; Cloudflare publishes its own.',
      `${origin} ${CLOUDFLARE_AUTO_TTL_SECONDS} IN SOA ns.invalid. hostmaster.invalid. 1 7200 3600 1209600 300`,
      `${origin} ${CLOUDFLARE_AUTO_TTL_SECONDS} IN NS ns.invalid.`,
    );
  }
  const rendered = records.map((record) => ({ record, data: recordData(record) }));
  rendered.sort((a, b) =>
    compareCanonicalNames(a.record.name, b.record.name)
    || compare(a.record.type, b.record.type)
    || (a.record.priority ?? -1) - (b.record.priority ?? -1)
    || compare(a.data, b.data));
  for (const { record, data } of rendered) {
    const ttl = record.ttl === undefined || record.ttl === 1 ? CLOUDFLARE_AUTO_TTL_SECONDS : record.ttl;
    const proxied = record.proxied ? ' ; proxied: Cloudflare serves its own addresses here' : '';
    lines.push(`${fqdn(record.name)} ${ttl} IN ${record.type} ${data}${proxied}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The data part of a record line: preference first where the type has one, host names absolute, TXT quoted. */
function recordData(record: RecordSpec): string {
  const value = String(record.value ?? '');
  let data: string;
  if (record.type === 'TXT' || record.type === 'SPF') data = toCloudflareTxt(value);
  else if (HOSTNAME_VALUED_TYPES.has(record.type)) data = absoluteHost(value);
  else data = value.trim();
  if (!PRIORITY_FIRST_TYPES.has(record.type)) return data;
  // A missing preference is shown, not invented: Cloudflare rejects such a record too.
  return `${record.priority ?? '?'} ${data}`;
}

/** `mx.example.com.` for `MX.Example.com`, `.` stays `.` (null MX). */
export function absoluteHost(value: string): string {
  const trimmed = value.trim();
  if (trimmed === NULL_MX_EXCHANGE) return NULL_MX_EXCHANGE;
  const bare = trimmed.replace(/\.$/, '');
  return fqdn(toAscii(bare) ?? bare.toLowerCase());
}

/**
 * DNS canonical order of names (RFC 4034 §6.1): compare labels from the right,
 * case-insensitively, octet by octet; a name sorts before the names below it.
 */
export function compareCanonicalNames(a: string, b: string): number {
  const left = labelsOf(a);
  const right = labelsOf(b);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const order = compare(left[i], right[i]);
    if (order !== 0) return order;
  }
  return left.length - right.length;
}

function labelsOf(name: string): string[] {
  const bare = name.toLowerCase().replace(/\.$/, '');
  return bare === '' ? [] : bare.split('.').reverse();
}

/** Octet order for ASCII strings (not locale order, which would differ between machines). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
