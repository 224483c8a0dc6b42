import { Rule, RuleHit } from './rule';
import { transportView } from './transport-security';

/** RFC 8461 §3.1: more than one `v=STSv1` record means no policy. */
export const mtaStsMultiple: Rule = {
  id: 'mta-sts-multiple',
  severity: 'error',
  summary: 'more than one v=STSv1 TXT record at an _mta-sts name',
  why: 'RFC 8461 §3.1: "If the number of resulting records is not one … senders MUST assume the recipient domain does not have an available MTA-STS Policy." Two records (often an old id left beside a new one) switch MTA-STS off.',
  sources: ['RFC 8461 §3.1'],
  fix: 'Keep one "v=STSv1; id=…;" record, with the id of the policy being served.',
  *check({ zone }): Iterable<RuleHit> {
    for (const [name, records] of transportView(zone).mtaStsRecords) {
      if (records.length > 1) yield { name: records[1].name, record: records[1], related: records, message: `${name} has ${records.length} MTA-STS records (${records.map((r) => `"${r.value}"`).join(', ')}); senders then apply no policy. Keep one.` };
    }
  },
};
