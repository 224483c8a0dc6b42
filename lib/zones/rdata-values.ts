import { fqdn } from '../dns/names';
import { HOSTNAME_VALUED_TYPES, ResourceFacts, WrittenRecord } from '../dns/record';
import { RawResource } from './host';
import { isObject } from './raw-resources';
import { ResolvedMember } from './record-sets';
import { terraformLiteral } from './terraform-strings';

/**
 * A record's data in presentation form (RFC 1035 §5.1), for hosts whose record sets take RDATA
 * text (Route 53 `records`, Google `rrdatas`): MX `10 mx.example.net.`, host names fully
 * qualified, the null MX `0 .`. TXT is each host's own (see its `txt.ts`).
 */
export function presentationRdata(type: string, member: ResolvedMember): string {
  if (type === 'MX') return `${member.priority ?? 0} ${fqdn(member.value)}`;
  return HOSTNAME_VALUED_TYPES.has(type) ? fqdn(member.value) : member.value;
}

/** One presentation-form RDATA read back (TXT aside): MX `10 mx.example.net.` → priority 10, `mx.example.net`. */
export function readPresentationRdata(type: string, rdata: string): { value: string; priority?: number } | undefined {
  const text = rdata.trim();
  if (type === 'MX') {
    const match = /^(\d+)\s+(\S+)$/.exec(text);
    if (!match) return undefined;
    return { priority: Number(match[1]), value: bareHost(match[2]!) };
  }
  return { value: HOSTNAME_VALUED_TYPES.has(type) ? bareHost(text) : text };
}

/** A host name without its trailing dot; the root stays `.`. */
export function bareHost(name: string): string {
  return name === '.' ? name : name.replace(/\.$/, '');
}

/** True when the raw resource has `lifecycle { create_before_destroy = true }`. */
export function createsBeforeDestroy(attributes: Readonly<Record<string, unknown>>): boolean {
  const lifecycle = attributes.lifecycle;
  return isObject(lifecycle) && lifecycle.create_before_destroy === true;
}

/** How a host's RDATA-list resource (Route 53, Google) names its attributes and quotes TXT. */
export interface PresentationSetFields {
  /** Attribute holding the zone identity, e.g. `zone_id`. */
  readonly zone: string;
  /** Attribute holding the RDATA list, e.g. `records`. */
  readonly values: string;
  /** The text of one TXT element as the host stores it. */
  readonly txt: (written: string) => string;
}

/**
 * The records of a record-set resource that lists presentation-form RDATA (`aws_route53_record`,
 * `google_dns_record_set`), read from its synthesized attributes; elements that are Terraform
 * expressions, and unreadable MX data, are left out (known only at apply, or refused by the API).
 */
export function readPresentationSet({ address, attributes: a }: RawResource, fields: PresentationSetFields): WrittenRecord[] {
  const zoneId = a[fields.zone];
  const name = terraformLiteral(a.name);
  const type = terraformLiteral(a.type)?.toUpperCase();
  const values = a[fields.values];
  if (typeof zoneId !== 'string' || name === undefined || type === undefined || !Array.isArray(values)) return [];
  // With `set_identifier` (Route 53 weighted, latency, failover … routing) several resources share a name and type by design.
  const ownsRecordSet = a.set_identifier === undefined || a.set_identifier === null;
  const facts: ResourceFacts = { address, ...(ownsRecordSet ? { ownsRecordSet } : {}), ...(createsBeforeDestroy(a) ? { createBeforeDestroy: true } : {}) };
  const records: WrittenRecord[] = [];
  for (const element of values) {
    const written = terraformLiteral(element);
    if (written === undefined) continue;
    const data = type === 'TXT' ? { value: fields.txt(written) } : readPresentationRdata(type, written);
    if (!data) continue;
    records.push({
      zoneId,
      name,
      type,
      ...data,
      ...(typeof a.ttl === 'number' ? { ttl: a.ttl } : {}),
      resource: type === 'TXT' ? { ...facts, written } : facts,
    });
  }
  return records;
}
