import { MAX_DNS_TTL, ttlRangeRule } from '../../zones/rules/ttl-range';

/** Cloud DNS takes a non-negative TTL in seconds (a 32-bit integer in the API); anything else fails at apply. */
export const googleDnsTtl = ttlRangeRule({
  id: 'google-dns-ttl',
  host: 'Google Cloud DNS',
  min: 0,
  max: MAX_DNS_TTL,
  why: 'Cloud DNS stores a record set\'s ttl as a 32-bit integer number of seconds (ResourceRecordSet.ttl) and DNS allows 0–2147483647 (RFC 2181 §8); a negative, fractional or larger TTL fails at apply time, after the plan looked fine.',
  sources: ['Cloud DNS API: ResourceRecordSet (ttl)', 'RFC 2181 §8'],
});
