/**
 * A DNS record as cdktf-mx reasons about it: the provider-neutral shape that
 * constructs produce, rules check and adapters (Cloudflare, zone text) consume.
 */
export interface RecordSpec {
  /** Owner name: lower-case ASCII FQDN without the trailing dot (the zone apex is the zone name). */
  readonly name: string;
  /** Record type in upper case: MX, A, AAAA, CNAME, TXT, … */
  readonly type: string;
  /**
   * Record data. MX: the exchange host name without trailing dot, or `.` for a null MX.
   * CNAME: the target. TXT: the unquoted text. A/AAAA: the address.
   */
  readonly value: string;
  /** MX preference (0–65535). Only for MX. */
  readonly priority?: number;
  /** TTL in seconds; 1 means Cloudflare's automatic TTL. */
  readonly ttl?: number;
  /** Cloudflare proxy flag (A/AAAA/CNAME only). */
  readonly proxied?: boolean;
  /** Free-text note stored with the record at Cloudflare. */
  readonly comment?: string;
}

/** Where a record came from, so findings can point at the code that declared it. */
export interface RecordOrigin {
  /** Construct path, e.g. `stack/corp-mail`. */
  readonly path?: string;
  /** Field of the construct's props that produced the record, e.g. `records[1]`. */
  readonly field?: string;
  /** Vendor preset that produced it, for vendor-aware rules. */
  readonly vendor?: { readonly preset: string; readonly variant: string };
  /** The `MxMigration` step that published it, for rules that judge a migration's companions (MTA-STS). */
  readonly migration?: { readonly step: 'overlap' | 'cutover'; readonly role: 'from' | 'to' };
  /** File the record was read from (a zone file, a stack's cdk.tf.json): findings about it are placed there. */
  readonly file?: string;
  /** Line (1-based) in {@link file} where the record is written. */
  readonly line?: number;
  /** Terraform address of the resource holding the record, when read from synthesized output. */
  readonly address?: string;
}

/**
 * What the user's Terraform resource says about a record beyond the record itself, for host
 * rules that judge how it is written (lifecycle settings, the host's quoting of TXT).
 */
export interface ResourceFacts {
  /** Terraform address, e.g. `aws_route53_record.mx`. */
  readonly address: string;
  /** The resource sets `lifecycle { create_before_destroy = true }`. */
  readonly createBeforeDestroy?: boolean;
  /** The value exactly as the resource writes it (TXT: in the host's quoting, before it is undone). */
  readonly written?: string;
  /**
   * The resource holds every record of its name and type (a record-set resource: hashicorp/dns
   * `dns_mx_record_set`, Route 53 `aws_route53_record` without `set_identifier`, Google
   * `google_dns_record_set`): its apply replaces the whole RRset, so a second resource at the same
   * name and type overwrites it.
   */
  readonly ownsRecordSet?: boolean;
}

/** A record plus where it came from. */
export interface SourcedRecord extends RecordSpec {
  readonly origin?: RecordOrigin;
  /** The user's raw resource holding the record, when it was read from one. */
  readonly resource?: ResourceFacts;
}

/**
 * A record as written in a stack or in its synth output, before its owner name is
 * resolved against a zone: what both readers (configured resources, cdk.tf.json) return.
 */
export interface WrittenRecord {
  /** The host's identity of the zone as written (a Cloudflare zone id, …): a literal, or an expression such as `${var.corp_zone_id}`. */
  readonly zoneId: string;
  /** The name as written: `@`, relative or FQDN. */
  readonly name: string;
  readonly type: string;
  /** Record data; TXT unquoted and joined. */
  readonly value: string;
  readonly priority?: number;
  readonly ttl?: number;
  readonly proxied?: boolean;
  /** The resource holding the record, for host rules. */
  readonly resource?: ResourceFacts;
}

/** The record types whose value is a host name. */
export const HOSTNAME_VALUED_TYPES: ReadonlySet<string> = new Set(['MX', 'CNAME', 'NS', 'PTR']);
