import { Rule } from './rule';
import { targetProblemHits } from './target-problems';

/** A label longer than 63 octets cannot be encoded on the wire. */
export const dnsLabelLength: Rule = {
  id: 'dns-label-length',
  severity: 'error',
  summary: 'a label of a name is longer than 63 octets',
  why: 'RFC 1035 §2.3.4 limits each label to 63 octets (after punycode for IDN); longer names cannot be encoded, so neither the record nor the host it names can be resolved.',
  sources: ['RFC 1035 §2.3.4', 'RFC 5890 (IDNA)'],
  fix: 'Shorten the label; check for a pasted token or a missing dot.',
  check: ({ zone }) => targetProblemHits(zone, 'label-length', 'Shorten the label to 63 octets or fewer.', { owners: true }),
};
