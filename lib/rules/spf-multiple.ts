import { Rule, RuleHit } from './rule';
import { ZoneIndex } from './zone-index';

/** RFC 7208 §3.2 / §4.5: two SPF records at one name make every SPF check a permerror. */
export const spfMultiple: Rule = {
  id: 'spf-multiple',
  severity: 'error',
  summary: 'more than one SPF (v=spf1) TXT record at a name',
  why: 'RFC 7208 §3.2: "A domain name MUST NOT have multiple records that would cause an authorization check to select more than one record", and §4.5 makes that a permerror. Receivers then treat all mail from the domain as failing SPF, which with DMARC means quarantine or rejection. It usually happens when a second vendor\'s SPF is added beside the first instead of merged into it.',
  sources: ['RFC 7208 §3.2', 'RFC 7208 §4.5'],
  fix: 'Merge the records into one: a single "v=spf1" with every include: and ip4:/ip6: term, ending in one -all or ~all.',
  *check({ zone }): Iterable<RuleHit> {
    for (const entry of ZoneIndex.of(zone).names()) {
      if (entry.spf.length > 1) {
        yield { name: entry.name, record: entry.spf[1], related: entry.spf, message: `${entry.name} has ${entry.spf.length} SPF records (${entry.spf.map((r) => `"${r.value}"`).join(', ')}); receivers treat that as a permanent error and SPF fails for all its mail (RFC 7208 §4.5). Merge them into one v=spf1 record.` };
      }
    }
  },
};
