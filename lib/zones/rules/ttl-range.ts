import { describeValue } from '../../dns/errors';
import { describeRecord } from '../../rules/mx-exchange';
import { Rule, RuleHit } from '../../rules/rule';

/** What a host's TTL rule says: its id, host, range and where the range comes from. */
export interface TtlRange {
  readonly id: string;
  /** Host name for messages, e.g. `Route 53`. */
  readonly host: string;
  readonly min: number;
  readonly max: number;
  /** Why the range (the host's API or server) and what happens outside it. */
  readonly why: string;
  readonly sources: readonly string[];
}

/** A host's rule that every record's TTL is an integer in the host's range (the apex SOA and NS aside: the host serves them). */
export function ttlRangeRule(range: TtlRange): Rule {
  return {
    id: range.id,
    severity: 'error',
    summary: `TTL is not an integer from ${range.min} to ${range.max} seconds (${range.host})`,
    why: range.why,
    sources: range.sources,
    fix: `Use a TTL from ${range.min} to ${range.max} seconds (3600 is a good MX default).`,
    *check({ zone }): Iterable<RuleHit> {
      for (const record of zone.records) {
        if (record.name === zone.apex && (record.type === 'SOA' || record.type === 'NS')) continue;
        const ttl = record.ttl;
        if (ttl === undefined || (Number.isInteger(ttl) && ttl >= range.min && ttl <= range.max)) continue;
        yield { name: record.name, record, message: `${describeRecord(record)}: TTL ${describeValue(ttl)} is not allowed on ${range.host}; use ${range.min}–${range.max} seconds.` };
      }
    },
  };
}

/** The largest TTL DNS allows: RFC 2181 §8 (a TTL is an unsigned 31-bit number). */
export const MAX_DNS_TTL = 2147483647;
