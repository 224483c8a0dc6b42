import type { TerraformResource } from 'cdktf';
import type { Construct } from 'constructs';
import type { RecordOrigin, SourcedRecord, WrittenRecord } from '../dns/record';
import type { Rule } from '../rules/rule';

/**
 * A Terraform resource or data source as the stack configures it or `cdk.tf.json` holds it:
 * its type, address and attributes in Terraform JSON form (snake_case keys; strings escaped as
 * Terraform reads them, expressions as `${…}`). Both readers produce this shape, so a host
 * reads the user's resources one way whichever class (prebuilt binding, `cdktf get`, cdktn)
 * created them.
 */
export interface RawResource {
  /** Terraform type, e.g. `cloudflare_dns_record`. */
  readonly type: string;
  /** Address: `cloudflare_dns_record.x`, or `data.cloudflare_zone.x` for a data source. */
  readonly address: string;
  /** Attributes as synthesized, overrides applied, tokens resolved. */
  readonly attributes: Readonly<Record<string, unknown>>;
  /** Construct path, when known. */
  readonly path?: string;
}

/** What the host-neutral code needs to read a host's resources: pure, loads no cdktf. */
export interface HostReader {
  /** Stable id, as `cdktf-mx lint --host` and the `host` lint option take it: `cloudflare`, `route53`, `google-dns`, `rfc2136`. */
  readonly id: string;
  /** Human name, e.g. `Cloudflare`, for messages. */
  readonly name: string;
  /** Terraform types of the resources that hold DNS records. */
  readonly recordTypes: readonly string[];
  /**
   * True when one resource holds every record of a (name, type) (Route 53, Google, RFC 2136):
   * records it reads carry `resource.ownsRecordSet`. False for one resource per record (Cloudflare).
   */
  readonly recordSets: boolean;
  /** Terraform types (resource or data source) that name a zone, so two references to one zone are one zone. */
  readonly zoneTypes: readonly string[];
  /** Rules only this host needs (API limits, proxying); run with the zone-wide rules on its zones. */
  readonly rules: readonly Rule[];
  /**
   * The records one raw resource publishes (a record-set resource publishes several), with the
   * zone identity as written (`zoneId`). Values that are Terraform expressions cannot be judged
   * before apply: such records are left out.
   */
  readRecords(resource: RawResource): WrittenRecord[];
  /**
   * A comparable key for a zone identity as written (a literal or a resolved expression such as
   * `${data.cloudflare_zone.z.zone_id}`): references to zone resources or data sources that
   * name the same zone give the same key. `zones` finds those resources by address.
   */
  zoneKey(identity: string, zones: ReadonlyMap<string, RawResource>): string;
}

/**
 * A DNS host: reads its resources (see {@link HostReader}) and emits records as resources.
 *
 * Design note — one resource per record is a Cloudflare property, not an assumption here.
 * Record-set hosts (Route 53 `aws_route53_record`, Google `google_dns_record_set`, RFC 2136
 * `dns_mx_record_set` / `dns_txt_record_set` / `dns_cname_record`) hold every value of a
 * (zone, name, type) in ONE resource. Their `publish` keeps a per-stack map from (zone key,
 * name, type) to a resource created on first use, whose record list is a cdktf `Lazy` value
 * rendered at synth from every spec published into it by then; so constructs added later join
 * the set, and the address derives from zone + name + type, never from construct order. That is
 * why `publish` returns the resource HOLDING the record (possibly shared), and why the stack's
 * {@link ZoneRegistry} keeps every published record with its spec, zone and resource: rules
 * read specs (one per record) from the registry rather than re-reading our resources, and a
 * later feature (adoption) can attach an import id to the resource holding a record
 * (`TerraformResource.importFrom`) once per resource.
 */
export interface ZoneHost extends HostReader {
  /** `terraformGeneratorMetadata.providerName` of the host's resources, e.g. `cloudflare`. */
  readonly providerName: string;
  /** What to add when a stack has the host's records but no provider for them (one or two sentences). */
  readonly providerHint: string;
  /**
   * The provider as `terraformProviders` in cdktf.json names it for `cdktf get` / `cdktn get`,
   * e.g. `cloudflare/cloudflare@~> 5.0`: cdktn has no prebuilt provider packages, so its users
   * generate the provider class from this.
   */
  readonly providerSource: string;
  /**
   * Emit `record` into `zone` below `scope`; returns the resource that holds it. `identity`
   * is what makes the record itself within its (name, type), for stable addresses.
   */
  publish(scope: Construct, zone: ZoneTarget, record: SourcedRecord, identity: string): TerraformResource;
  /**
   * Give `resource` (one `publish` returned, holding `records`) an import block that adopts the
   * records live in the zone, with an id known at plan time: how a stack takes over records that
   * another Terraform state created (a domain of an estate changing stack) without creating them
   * again. Undefined for a host that cannot.
   */
  adoptExisting?(resource: TerraformResource, records: readonly SourcedRecord[]): void;
}

/**
 * Where a construct publishes: a zone at a DNS host. Constructs take it as `zone` (or the
 * Cloudflare shorthand `{ zoneId, domain }`) and never look inside.
 */
export interface ZoneTarget {
  /** The zone apex: lower-case ASCII, no trailing dot. */
  readonly apex: string;
  /** The host's identity for the zone as written: a literal (zone id, hosted zone id, zone name) or a token. */
  readonly identity: string;
  /** The host that emits and reads the zone's resources. */
  readonly host: ZoneHost;
}

/** A record one of our constructs published, and where. */
export interface PublishedRecord {
  /** The record as declared (absolute name, TXT text unquoted). */
  readonly spec: SourcedRecord & { readonly origin: RecordOrigin };
  readonly zone: ZoneTarget;
  /** The resource holding the record (shared by every record of a set on record-set hosts). */
  readonly resource: TerraformResource;
}
