import { Rule, RuleHit } from './rule';
import { transportView } from './transport-security';

/** RFC 8460 §3: more than one TLS-RPT record means no reporting. */
export const tlsRptMultiple: Rule = {
  id: 'tls-rpt-multiple',
  severity: 'error',
  summary: 'more than one v=TLSRPTv1 TXT record at an _smtp._tls name',
  why: 'RFC 8460 §3: "If the number of resulting records is not one, senders MUST assume the recipient domain does not implement TLSRPT." Two records switch reporting off.',
  sources: ['RFC 8460 §3'],
  fix: 'Keep one record and list every report address in its rua, separated by commas.',
  *check({ zone }): Iterable<RuleHit> {
    for (const [name, records] of transportView(zone).tlsRptRecords) {
      if (records.length > 1) yield { name: records[1].name, record: records[1], related: records, message: `${name} has ${records.length} TLS-RPT records; senders then send no reports. Merge them into one rua list.` };
    }
  },
};
