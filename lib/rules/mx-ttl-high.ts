import { Rule, RuleHit } from './rule';
import { ZoneIndex } from './zone-index';

/** Longest MX TTL before mx-ttl-high warns, in seconds. */
export const MAX_MX_TTL = 3600;

/** A long MX TTL makes a vendor change or an emergency reroute take that long to reach senders. */
export const mxTtlHigh: Rule = {
  id: 'mx-ttl-high',
  severity: 'warning',
  summary: 'MX TTL above 3600 seconds',
  why: 'Resolvers cache MX records for their TTL (RFC 1035 §3.2.1, RFC 2181 §8); with a day-long TTL, moving to another mail provider, or away from a failed host, reaches some senders only a day later, and their mail goes to the old place meanwhile. An hour is the usual ceiling for MX; null MX records (parked domains) are exempt.',
  sources: ['RFC 1035 §3.2.1', 'RFC 2181 §8'],
  fix: 'Use a TTL of 3600 seconds or less (cdktf-mx defaults to 3600; Cloudflare\'s automatic TTL is 300).',
  *check({ zone }): Iterable<RuleHit> {
    for (const entry of ZoneIndex.of(zone).names()) {
      let worst;
      for (const record of entry.routing) {
        if (typeof record.ttl === 'number' && record.ttl > MAX_MX_TTL && (!worst || record.ttl > (worst.ttl as number))) worst = record;
      }
      if (worst) yield { name: entry.name, record: worst, message: `MX at ${entry.name} has TTL ${worst.ttl} s (${worst.value}); changes take that long to reach every sender. Use ${MAX_MX_TTL} s or less.` };
    }
  },
};
