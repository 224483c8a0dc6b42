import { Lazy, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { MxInputError } from '../dns/errors';
import { fqdn } from '../dns/names';
import { SourcedRecord } from '../dns/record';
import { zoneApex } from '../zones/apex';
import { ZoneHost, ZoneTarget } from '../zones/host';
import { publishToRecordSet, RecordSet, RecordSetEmitter, resolvedMembers } from '../zones/record-sets';
import { escapeTerraformString } from '../zones/terraform-strings';
import { rfc2136Reader } from './reader';
import {
  DNS_CNAME_RECORD_TYPE, DNS_GENERATOR_METADATA, DNS_MX_RECORD_SET_TYPE, DNS_TXT_RECORD_SET_TYPE, DnsCnameRecord, DnsMxRecordSet, DnsTxtRecordSet,
  Rfc2136RecordConfig,
} from './record-sets';
import { toRfc2136Txt } from './txt';

const RESOURCE_TYPES: Readonly<Record<string, string>> = { MX: DNS_MX_RECORD_SET_TYPE, TXT: DNS_TXT_RECORD_SET_TYPE, CNAME: DNS_CNAME_RECORD_TYPE };

/** One hashicorp/dns resource per (zone, name, type): MX and TXT sets, a CNAME record. */
const rfc2136Sets: RecordSetEmitter = {
  hostName: 'an RFC 2136 server (hashicorp/dns)',
  resourceType: (type) => RESOURCE_TYPES[type],
  unsupported: (type) =>
    type === 'TLSA'
      ? 'the hashicorp/dns provider has no TLSA resource, so Terraform cannot manage them there: add the TLSA records to the zone on the server (or nsupdate them) outside Terraform, or host the zone where TLSA can be declared (Cloudflare, Route 53, Google Cloud DNS)'
      : undefined,
  create: (scope: Construct, id: string, set: RecordSet): TerraformResource => {
    const common: Rfc2136RecordConfig = {
      zone: fqdn(set.zone.apex),
      ...(set.name !== set.zone.apex ? { name: escapeTerraformString(set.name.slice(0, -(set.zone.apex.length + 1))) } : {}),
      ttl: set.ttl,
    };
    const host = (value: string) => escapeTerraformString(fqdn(value));
    if (set.type === 'MX') {
      return new DnsMxRecordSet(scope, id, {
        ...common,
        mx: Lazy.anyValue({ produce: (context) => resolvedMembers(set, context).map((m) => ({ exchange: host(m.value), preference: m.priority ?? 0 })) }),
      });
    }
    if (set.type === 'TXT') {
      return new DnsTxtRecordSet(scope, id, {
        ...common,
        txt: Lazy.listValue({ produce: (context) => resolvedMembers(set, context).map((m) => escapeTerraformString(toRfc2136Txt(m.value))) }),
      });
    }
    if (common.name === undefined) {
      throw new MxInputError(set.members[0]!.record.origin?.field ?? 'records', `a CNAME at the zone apex ${set.zone.apex} (${set.members[0]!.declaredBy.node.path}) cannot coexist with the zone's SOA and NS (RFC 1034 §3.6.2); dns_cname_record needs a name below the apex.`);
    }
    return new DnsCnameRecord(scope, id, { ...common, name: common.name, cname: Lazy.stringValue({ produce: (context) => host(resolvedMembers(set, context)[0]!.value) }) });
  },
};

/**
 * An authoritative server updated with RFC 2136 (BIND, Knot, PowerDNS, Windows DNS) as a DNS
 * host, through hashicorp/dns: one `dns_mx_record_set` / `dns_txt_record_set` /
 * `dns_cname_record` per name holding every record our constructs publish there, zone and
 * exchanges fully qualified, names relative, TXT zone-file escaped, never with
 * `create_before_destroy` (terraform-provider-dns #97); read back by Terraform type ({@link rfc2136Reader}).
 */
export const rfc2136Host: ZoneHost = {
  ...rfc2136Reader,
  providerName: DNS_GENERATOR_METADATA.providerName,
  providerSource: `hashicorp/dns@${DNS_GENERATOR_METADATA.providerVersionConstraint}`,
  providerHint:
    "add `new DnsProvider(stack, 'dns', {})` (from '@cdktf/provider-dns/lib/provider', or from the binding `cdktf get` or `cdktn get` generates) to the stack, with no update block; " +
    'the provider then reads the server and TSIG key from DNS_UPDATE_SERVER, DNS_UPDATE_KEYNAME, DNS_UPDATE_KEYALGORITHM and DNS_UPDATE_KEYSECRET, so keep the secret out of the code.',
  publish: (scope: Construct, zone: ZoneTarget, record: SourcedRecord, identity: string) => publishToRecordSet(scope, zone, record, identity, rfc2136Sets),
  // hashicorp/dns imports a record set by its fully qualified name (`mail.example.com.`).
  adoptExisting: (resource: TerraformResource, records: readonly SourcedRecord[]) => {
    if (records[0] !== undefined) resource.importFrom(fqdn(records[0].name));
  },
};

/**
 * A zone on an authoritative DNS server that takes RFC 2136 dynamic updates, managed through
 * hashicorp/dns (server and TSIG key from the environment).
 *
 * ```ts
 * new NullMx(stack, 'parked', { zone: Rfc2136Zone.of('parked.example') });
 * ```
 */
export class Rfc2136Zone implements ZoneTarget {
  /** The zone `domain` (any case, trailing dot or Unicode). */
  public static of(domain: string): Rfc2136Zone {
    return new Rfc2136Zone(zoneApex(domain));
  }

  /** RFC 2136 through hashicorp/dns. */
  public readonly host: ZoneHost = rfc2136Host;
  /** The zone's DNS name with the trailing dot, as the provider's `zone` takes it. */
  public readonly identity: string;

  private constructor(
    /** The apex, lower-case ASCII without trailing dot. */
    public readonly apex: string,
  ) {
    this.identity = fqdn(apex);
  }

  /** The import id of the record set at `name` (a full name): the name with the trailing dot, as the provider takes it. */
  public importId(name: string): string {
    return fqdn(name.toLowerCase());
  }
}
