import { Rule, RuleHit } from './rule';
import { ZoneIndex } from './zone-index';

/** RFC 7489 §6.6.3: more than one DMARC record means no DMARC policy at all. */
export const dmarcMultiple: Rule = {
  id: 'dmarc-multiple',
  severity: 'error',
  summary: 'more than one DMARC (v=DMARC1) TXT record at a _dmarc name',
  why: 'RFC 7489 §6.6.3: "If the remaining set contains multiple records or no records, policy discovery terminates and DMARC processing is not applied to this message." Two DMARC records silently switch DMARC off: spoofed mail is no longer rejected and no reports arrive.',
  sources: ['RFC 7489 §6.6.3'],
  fix: 'Keep one v=DMARC1 record at _dmarc.<domain>, merging the tags you need (p=, rua=, …) into it.',
  *check({ zone }): Iterable<RuleHit> {
    for (const entry of ZoneIndex.of(zone).names()) {
      if (entry.dmarc.length > 1) {
        yield { name: entry.name, record: entry.dmarc[1], related: entry.dmarc, message: `${entry.name} has ${entry.dmarc.length} DMARC records (${entry.dmarc.map((r) => `"${r.value}"`).join(', ')}); receivers then apply no DMARC policy at all (RFC 7489 §6.6.3). Keep one.` };
      }
    }
  },
};
