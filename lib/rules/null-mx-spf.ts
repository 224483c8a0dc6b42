import { isRejectAllSpf, looksLikeSpf } from './mail-policy';
import { isNullMx } from './mx-exchange';
import { Rule, RuleHit } from './rule';
import { ZoneIndex } from './zone-index';

/** A domain that takes no mail should also say it sends none. */
export const nullMxSpf: Rule = {
  id: 'null-mx-spf',
  severity: 'warning',
  summary: 'null-MX name without "v=spf1 -all"',
  why: 'A null MX (RFC 7505) says the domain receives no mail; receivers may reject mail whose sender domain has a null MX (RFC 7505 §4.2, reply code 550 5.7.27), because replies and bounces cannot reach it. Publishing "v=spf1 -all" completes the statement for senders: nobody may send as the domain, so spoofed mail fails SPF. An SPF that authorises senders contradicts the null MX.',
  sources: ['RFC 7505 §4.2', 'RFC 7208 §4.7', 'M3AAWG: Protecting Parked Domains'],
  fix: 'Publish TXT "v=spf1 -all" at the name (NullMx does this by default), and remove any SPF that authorises senders.',
  *check({ zone }): Iterable<RuleHit> {
    for (const entry of ZoneIndex.of(zone).names()) {
      if (entry.mx.length === 0 || !entry.mx.every(isNullMx)) continue;
      if (entry.spf.length === 0) {
        // A TXT that reads like SPF once trimmed is discarded by receivers (RFC 7208 §4.5): say why it does not count.
        const nearMiss = entry.all.find((r) => r.type === 'TXT' && looksLikeSpf(String(r.value)));
        const why = nearMiss ? ` (TXT ${JSON.stringify(String(nearMiss.value))} is not SPF: it must begin with exactly "v=spf1" followed by a space, RFC 7208 §4.5)` : '';
        yield { name: entry.name, record: nearMiss ?? entry.mx[0], message: `${entry.name} has a null MX (takes no mail) but no SPF record${why}; add TXT "v=spf1 -all" so nobody can send as it.` };
      } else if (!entry.spf.some((r) => isRejectAllSpf(String(r.value)))) {
        yield { name: entry.name, record: entry.spf[0], related: entry.mx, message: `${entry.name} has a null MX (takes no mail) but its SPF "${entry.spf[0].value}" authorises senders; mail from it cannot receive replies or bounces and receivers may reject it (RFC 7505 §4.2). Use "v=spf1 -all", or replace the null MX with real MX records if the domain sends mail.` };
      }
    }
  },
};
