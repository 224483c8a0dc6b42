import { DMARC_LABEL } from './mail-policy';
import { Rule, RuleHit } from './rule';
import { ZoneIndex } from './zone-index';

/** Receivers look for DMARC at `_dmarc.<domain>` only (RFC 7489 §6.1). */
export const dmarcMisplaced: Rule = {
  id: 'dmarc-misplaced',
  severity: 'warning',
  summary: 'DMARC record published at a name other than _dmarc.<domain>',
  why: 'RFC 7489 §6.1: receivers query the TXT records of "_dmarc." followed by the author domain; a v=DMARC1 record anywhere else (most often at the domain itself) is never read, so the domain has no DMARC policy.',
  sources: ['RFC 7489 §6.1'],
  fix: 'Move the record to _dmarc.<domain> (for the apex: name "_dmarc").',
  *check({ zone }): Iterable<RuleHit> {
    for (const entry of ZoneIndex.of(zone).names()) {
      if (entry.dmarc.length === 0 || entry.name.startsWith(`${DMARC_LABEL}.`)) continue;
      for (const record of entry.dmarc) {
        yield { name: entry.name, record, message: `DMARC record "${record.value}" at ${entry.name} is never read: receivers look at ${DMARC_LABEL}.${entry.name} (RFC 7489 §6.1). Move it there.` };
      }
    }
  },
};
