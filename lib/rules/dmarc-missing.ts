import { isRejectAllSpf } from './mail-policy';
import { Rule, RuleHit } from './rule';
import { ZoneIndex } from './zone-index';

/** Advice: a domain that takes or sends mail without DMARC can be spoofed freely. */
export const dmarcMissing: Rule = {
  id: 'dmarc-missing',
  severity: 'info',
  summary: 'a domain that receives or sends mail has no DMARC policy',
  why: 'Without a v=DMARC1 record at _dmarc.<domain> (or at a parent domain, whose sp=/p= covers subdomains), receivers have no policy for mail that fails SPF and DKIM, so the domain can be spoofed, and Google and Yahoo require DMARC from bulk senders since 2024. Names holding only a null MX are covered by null-mx-dmarc instead.',
  sources: ['RFC 7489 §6.1', 'RFC 7489 §6.6.3', 'Google: Email sender guidelines (2024)'],
  fix: 'Publish TXT "v=DMARC1; p=none; rua=mailto:dmarc@<domain>" at _dmarc.<domain>, read the reports, then move to p=quarantine or p=reject.',
  *check({ zone }): Iterable<RuleHit> {
    const index = ZoneIndex.of(zone);
    for (const entry of index.names()) {
      if (entry.name.startsWith('*.') || entry.name.startsWith('_')) continue;
      const receives = entry.routing.length > 0;
      const sends = !receives && entry.spf.some((r) => !index.memo('spf-reject-all', String(r.value), isRejectAllSpf));
      if (!receives && !sends) continue;
      if (index.hasDmarc(entry.name)) continue;
      yield { name: entry.name, record: entry.mx[0] ?? entry.spf[0], message: `${entry.name} ${receives ? 'receives' : 'sends'} mail but no DMARC record covers it; add TXT "v=DMARC1; p=none; rua=mailto:dmarc@${entry.name}" at _dmarc.${entry.name} (a mailbox of yours for the reports) and tighten the policy once reports look clean.` };
    }
  },
};
