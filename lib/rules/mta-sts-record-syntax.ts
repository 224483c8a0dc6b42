import { parseMtaStsRecord } from '../transport/mta-sts-record';
import { Rule, RuleHit } from './rule';
import { transportView } from './transport-security';

/** RFC 8461 §3.1: a malformed `_mta-sts` record means no policy at all. */
export const mtaStsRecordSyntax: Rule = {
  id: 'mta-sts-record-syntax',
  severity: 'error',
  summary: 'malformed _mta-sts TXT record (v=STSv1; id=<1–32 letters and digits>)',
  why: 'RFC 8461 §3.1: the record is "v=STSv1" followed by ";"-separated fields with exactly one "id" of 1 to 32 letters and digits; a sender that finds it syntactically invalid assumes the domain has no MTA-STS policy, so the protection silently stops.',
  sources: ['RFC 8461 §3.1'],
  fix: 'Publish "v=STSv1; id=<id>;" with an id of 1 to 32 letters and digits (MtaSts derives it from the policy).',
  *check({ zone }): Iterable<RuleHit> {
    for (const [name, records] of transportView(zone).mtaStsRecords) {
      for (const record of records) {
        const { problem } = parseMtaStsRecord(String(record.value));
        if (problem) yield { name: record.name, record, message: `_mta-sts record for ${name} is malformed: ${problem}; senders then ignore MTA-STS for the domain.` };
      }
    }
  },
};
