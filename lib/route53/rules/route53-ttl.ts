import { MAX_DNS_TTL, ttlRangeRule } from '../../zones/rules/ttl-range';

/** Route 53 takes TTLs of 0–2147483647 seconds; anything else fails at apply. */
export const route53Ttl = ttlRangeRule({
  id: 'route53-ttl',
  host: 'Route 53',
  min: 0,
  max: MAX_DNS_TTL,
  why: 'Route 53\'s ChangeResourceRecordSets takes a TTL from 0 to 2147483647 seconds (RFC 2181 §8) on every non-alias record set; another value fails at apply time (InvalidInput), after the plan looked fine.',
  sources: ['Amazon Route 53 API Reference: ResourceRecordSet (TTL, valid range 0–2147483647)', 'RFC 2181 §8'],
});
