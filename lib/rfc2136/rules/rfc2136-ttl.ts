import { MAX_DNS_TTL, ttlRangeRule } from '../../zones/rules/ttl-range';

/** hashicorp/dns writes the TTL into an RFC 2136 update; DNS allows 0–2147483647 seconds. */
export const rfc2136Ttl = ttlRangeRule({
  id: 'rfc2136-ttl',
  host: 'an RFC 2136 server',
  min: 0,
  max: MAX_DNS_TTL,
  why: 'A TTL is an unsigned 31-bit number of seconds (RFC 2181 §8, 0–2147483647); hashicorp/dns sends it in the update message as written, and a server refuses or misreads other values at apply time. Note that on hashicorp/dns a TTL change replaces the record set (ttl is ForceNew).',
  sources: ['RFC 2181 §8', 'RFC 2136 §2.5'],
});
