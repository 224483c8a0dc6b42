import { DMARC_LABEL } from './mail-policy';
import { isNullMx } from './mx-exchange';
import { Rule, RuleHit } from './rule';
import { ZoneIndex } from './zone-index';

/** Parked-domain practice: null MX, SPF -all and DMARC p=reject together. */
export const nullMxDmarc: Rule = {
  id: 'null-mx-dmarc',
  severity: 'warning',
  summary: 'null-MX name without DMARC p=reject',
  why: 'A domain that sends and receives no mail is a favourite for spoofing because nobody watches it. Parked-domain guidance (M3AAWG, UK NCSC, CISA BOD 18-01) pairs the null MX and "v=spf1 -all" with DMARC "p=reject" so receivers reject mail forged in its name; without it, SPF failure alone is only a signal. A parent domain\'s sp= (or p=) counts.',
  sources: ['RFC 7489 §6.3', 'M3AAWG: Protecting Parked Domains', 'UK NCSC: Protecting parked domains'],
  fix: 'Publish TXT "v=DMARC1; p=reject;" at _dmarc.<domain> (NullMx does this by default).',
  *check({ zone }): Iterable<RuleHit> {
    const index = ZoneIndex.of(zone);
    for (const entry of index.names()) {
      if (entry.mx.length === 0 || !entry.mx.every(isNullMx)) continue;
      const dmarc = index.dmarcFor(entry.name);
      if (dmarc?.policy === 'reject') continue;
      const now = dmarc ? `its DMARC policy is ${dmarc.policy ?? 'missing or invalid'}${dmarc.inherited ? ` (inherited from ${dmarc.record.name})` : ''}` : 'no DMARC record covers it';
      yield { name: entry.name, record: entry.mx[0], ...(dmarc ? { related: [dmarc.record] } : {}), message: `${entry.name} has a null MX (takes no mail) but ${now}; publish "v=DMARC1; p=reject;" at ${DMARC_LABEL}.${entry.name} so mail forged in its name is rejected.` };
    }
  },
};
