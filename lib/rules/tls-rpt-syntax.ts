import { parseTlsRptRecord } from '../transport/tls-rpt';
import { Rule, RuleHit } from './rule';
import { transportView } from './transport-security';

/** RFC 8460 §3: a malformed TLS-RPT record sends no reports. */
export const tlsRptSyntax: Rule = {
  id: 'tls-rpt-syntax',
  severity: 'error',
  summary: 'malformed _smtp._tls TXT record (v=TLSRPTv1; rua=mailto:…/https:…)',
  why: 'RFC 8460 §3: the record is "v=TLSRPTv1" then exactly one "rua=" with comma-separated mailto: or https: URIs; senders ignore an invalid record, so TLS failures under MTA-STS or DANE go unreported.',
  sources: ['RFC 8460 §3'],
  fix: 'Publish "v=TLSRPTv1; rua=mailto:tls-reports@<domain>" (several URIs separated by commas).',
  *check({ zone }): Iterable<RuleHit> {
    for (const [name, records] of transportView(zone).tlsRptRecords) {
      for (const record of records) {
        const { problem } = parseTlsRptRecord(String(record.value));
        if (problem) yield { name: record.name, record, message: `TLS-RPT record for ${name} is malformed: ${problem}; senders send no reports.` };
      }
    }
  },
};
