import { Rule } from './rule';
import { targetProblemHits } from './target-problems';

/** A name longer than 253 octets (255 on the wire) cannot be encoded. */
export const dnsNameLength: Rule = {
  id: 'dns-name-length',
  severity: 'error',
  summary: 'a name is longer than 253 octets',
  why: 'RFC 1035 §2.3.4 limits a name to 255 octets on the wire, 253 in presentation form without the trailing dot (after punycode for IDN).',
  sources: ['RFC 1035 §2.3.4'],
  fix: 'Use a shorter name.',
  check: ({ zone }) => targetProblemHits(zone, 'name-length', 'Use a name of 253 octets or fewer.', { owners: true }),
};
