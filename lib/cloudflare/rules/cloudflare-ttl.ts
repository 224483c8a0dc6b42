import { describeRecord } from '../../rules/mx-exchange';
import { Rule, RuleHit } from '../../rules/rule';
import { describeValue } from '../../dns/errors';

/** Cloudflare's automatic TTL. */
export const CLOUDFLARE_AUTO_TTL = 1;
/** Cloudflare's TTL range for non-Enterprise zones, in seconds. */
export const CLOUDFLARE_MIN_TTL = 60;
export const CLOUDFLARE_MAX_TTL = 86400;

/** True when Cloudflare accepts `ttl`. */
export function isCloudflareTtl(ttl: unknown): boolean {
  return ttl === CLOUDFLARE_AUTO_TTL || (typeof ttl === 'number' && Number.isInteger(ttl) && ttl >= CLOUDFLARE_MIN_TTL && ttl <= CLOUDFLARE_MAX_TTL);
}

/** Cloudflare accepts TTL 1 (automatic) or 60–86400 seconds; anything else fails at apply time. */
export const cloudflareTtl: Rule = {
  id: 'cloudflare-ttl',
  severity: 'error',
  summary: 'TTL is not 1 (automatic) or 60–86400 seconds, or not 1 on a proxied record',
  why: 'Cloudflare\'s DNS API accepts ttl 1 (automatic) or an integer from 60 to 86400 seconds (30 on Enterprise), and a proxied record must use 1; other values fail at apply time (API error 9021, or the provider\'s "ttl must be set to 1 when proxied is true"), after the plan looked fine. The apex SOA and NS, which Cloudflare serves itself, are not checked.',
  sources: ['Cloudflare API: DNS records (ttl)', 'Cloudflare API error 9021'],
  fix: 'Use 1 for automatic, or a TTL from 60 to 86400 seconds (3600 is a good MX default); use 1 on proxied records.',
  *check({ zone }): Iterable<RuleHit> {
    for (const record of zone.records) {
      // Cloudflare serves the apex SOA and NS itself; zone files list them with registry TTLs (172800).
      if (record.name === zone.apex && (record.type === 'SOA' || record.type === 'NS')) continue;
      if (record.ttl !== undefined && !isCloudflareTtl(record.ttl)) {
        yield { name: record.name, record, message: `${describeRecord(record)}: TTL ${describeValue(record.ttl)} is not allowed; use 1 (automatic) or ${CLOUDFLARE_MIN_TTL}–${CLOUDFLARE_MAX_TTL} seconds.` };
      } else if (record.proxied === true && record.ttl !== undefined && record.ttl !== CLOUDFLARE_AUTO_TTL) {
        yield { name: record.name, record, message: `${describeRecord(record)}: a proxied record must have TTL 1 (automatic), not ${record.ttl}; Cloudflare refuses it ("ttl must be set to 1 when proxied is true").` };
      }
    }
  },
};
