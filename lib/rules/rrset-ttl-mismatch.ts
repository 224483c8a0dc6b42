import { SourcedRecord } from '../dns/record';
import { Rule, RuleHit } from './rule';
import { ZoneIndex } from './zone-index';

/**
 * RFC 2181 §5.2: the records of one name, class and type are one RRset, and an RRset has one
 * TTL. Where they differ, servers and resolvers each pick one (BIND keeps the first it reads,
 * resolvers the lowest), so what senders cache is not what the zone says.
 */
export const rrsetTtlMismatch: Rule = {
  id: 'rrset-ttl-mismatch',
  severity: 'warning',
  summary: 'records of one name and type (one RRset) with different TTLs',
  why: 'RFC 2181 §5.2: "the TTLs of all RRs in an RRSet must be the same"; a resolver that receives differing TTLs treats them all as the lowest, and BIND loads such a zone with the TTL of the first record it reads (named-checkzone warns "TTL set to prior TTL"). The TTL senders cache is then not the one declared, and on a host that stores one resource per record set the TTL written last wins.',
  sources: ['RFC 2181 §5.2'],
  fix: 'Give every record of the name and type the same TTL.',
  *check({ zone }): Iterable<RuleHit> {
    for (const entry of ZoneIndex.of(zone).names()) {
      // Most names give every record one TTL: nothing to group there.
      if (oneTtl(entry.all)) continue;
      const byType = new Map<string, SourcedRecord[]>();
      for (const record of entry.all) {
        if (typeof record.ttl !== 'number') continue;
        const list = byType.get(record.type);
        if (list) list.push(record);
        else byType.set(record.type, [record]);
      }
      for (const [type, records] of byType) {
        const ttls = [...new Set(records.map((r) => r.ttl as number))];
        if (ttls.length < 2) continue;
        const odd = records.find((r) => r.ttl !== records[0].ttl)!;
        const listed = records.map((r) => `${r.ttl} (${r.value})`).join(', ');
        yield { name: entry.name, record: odd, related: records, message: `the ${type} records at ${entry.name} are one RRset with ${ttls.length} TTLs: ${listed}; an RRset has one TTL (RFC 2181 §5.2). Give them all the same TTL.` };
      }
    }
  },
};

/** True when the records' numeric TTLs are all the same (or there are none). */
function oneTtl(records: readonly SourcedRecord[]): boolean {
  let ttl: number | undefined;
  for (const record of records) {
    if (typeof record.ttl !== 'number') continue;
    if (ttl === undefined) ttl = record.ttl;
    else if (record.ttl !== ttl) return false;
  }
  return true;
}
