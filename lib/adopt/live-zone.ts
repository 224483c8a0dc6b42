import { fromCloudflareTxt } from '../cloudflare/txt';
import { NULL_MX_EXCHANGE, resolveOwnerName, toAscii } from '../dns/names';
import { HOSTNAME_VALUED_TYPES } from '../dns/record';

/**
 * One record of a live zone, as an adoption source read it. Names and host-name values
 * are normalised the way our constructs write them, so a live record and the record a
 * construct would publish compare equal with `===`.
 */
export interface LiveRecord {
  /** The host's record id (Cloudflare: 32 hex digits); absent for sources without ids (zone file, DNS). */
  readonly id?: string;
  /** Owner name: lower-case ASCII FQDN without the trailing dot. */
  readonly name: string;
  /** Record type in upper case. */
  readonly type: string;
  /** MX exchange / CNAME target: lower-case ASCII without trailing dot (`.` for a null MX); TXT: the text, strings joined. */
  readonly value: string;
  /** The content exactly as the host stores it (Cloudflare: TXT quoted or not, host names in their case), when the source is the host's API. */
  readonly content?: string;
  /** MX preference. */
  readonly priority?: number;
  /** TTL in seconds; 1 is Cloudflare's automatic TTL. */
  readonly ttl: number;
  /** Cloudflare proxy status (orange cloud). */
  readonly proxied?: boolean;
  /** Note stored with the record at Cloudflare. */
  readonly comment?: string;
  /** Cloudflare tags (`name:value`), kept so adopting does not remove them. */
  readonly tags?: readonly string[];
}

/** Terraform template sequences (interpolation `${` and directives `%{`): text holding them needs escaping in Terraform JSON. */
export const TEMPLATE_SEQUENCE = /[$%]\{/;

/** A live zone as a source read it. */
export interface LiveZone {
  /** The zone apex: lower-case ASCII without trailing dot. */
  readonly domain: string;
  /** Cloudflare zone id, when the source is the Cloudflare API. */
  readonly zoneId?: string;
  /** What was read, for the generated file's header, e.g. `Cloudflare API` or a file path. */
  readonly source: string;
  readonly records: readonly LiveRecord[];
  /** What could not be read (a record of an unknown shape, a failed lookup), one line each: never dropped silently. */
  readonly unreadable: readonly string[];
}

/** The fields a source gives for one record before normalisation. */
export interface RawLiveRecord {
  readonly id?: string;
  readonly name: string;
  readonly type: string;
  /** MX: the exchange; TXT: quoted strings or plain text; others: the data. */
  readonly content: string;
  readonly priority?: number;
  readonly ttl: number;
  readonly proxied?: boolean;
  readonly comment?: string;
  readonly tags?: readonly string[];
}

/**
 * A source's record in the normalised form: absolute lower-case names, host names without
 * trailing dot, TXT text joined from its strings (RFC 7208 §3.3), the stored content kept.
 */
export function normaliseLiveRecord(raw: RawLiveRecord, domain: string, options: { keepContent?: boolean } = {}): LiveRecord {
  const type = raw.type.toUpperCase();
  const content = raw.content;
  let value: string;
  if (type === 'TXT' || type === 'SPF') value = fromCloudflareTxt(content);
  else if (HOSTNAME_VALUED_TYPES.has(type)) value = hostValue(content);
  else value = content.trim();
  return {
    ...(raw.id !== undefined ? { id: raw.id } : {}),
    name: resolveOwnerName(raw.name, domain),
    type,
    value,
    ...(options.keepContent ? { content } : {}),
    ...(raw.priority !== undefined ? { priority: raw.priority } : {}),
    ttl: raw.ttl,
    ...(raw.proxied !== undefined ? { proxied: raw.proxied } : {}),
    ...(raw.comment !== undefined && raw.comment !== null && raw.comment !== '' ? { comment: raw.comment } : {}),
    ...(raw.tags !== undefined && raw.tags.length > 0 ? { tags: [...raw.tags] } : {}),
  };
}

/** `Mail.Example.com.` → `mail.example.com`; a lone `.` (or an empty exchange) is the null MX. */
function hostValue(content: string): string {
  const trimmed = content.trim();
  if (trimmed === '' || trimmed === NULL_MX_EXCHANGE) return NULL_MX_EXCHANGE;
  const bare = trimmed.replace(/\.$/, '');
  return toAscii(bare) ?? bare.toLowerCase();
}
