import { parseTlsa, smtpUsageProblem } from '../transport/tlsa';
import { Rule, RuleHit } from './rule';
import { transportView } from './transport-security';

/** RFC 7672 §3.1: SMTP uses TLSA usages 2 and 3 only. */
export const daneTlsaUsage: Rule = {
  id: 'dane-tlsa-usage',
  severity: 'error',
  summary: 'TLSA record for an SMTP server with usage 0 or 1 (PKIX), or unreadable data',
  why: 'RFC 7672 §3.1.3: SMTP senders treat TLSA records with usage PKIX-TA(0) or PKIX-EE(1) as unusable, and RFC 6698 §2.1 data must fit its matching type (32 octets for SHA-256, 64 for SHA-512); if every TLSA record of a host is unusable, DANE authentication fails or does not apply.',
  sources: ['RFC 7672 §3.1.3', 'RFC 6698 §2.1'],
  fix: 'Publish "3 1 1 <SHA-256 of the server\'s public key>" (DANE-EE) or usage 2 (DANE-TA) for the issuing CA.',
  *check({ zone }): Iterable<RuleHit> {
    for (const [host, records] of transportView(zone).tlsa) {
      for (const record of records) {
        const { tlsa, problems } = parseTlsa(String(record.value));
        const problem = tlsa ? smtpUsageProblem(tlsa.usage) : problems.join('; ');
        if (problem) yield { name: record.name, record, message: `TLSA for ${host}: ${problem}.` };
      }
    }
  },
};
