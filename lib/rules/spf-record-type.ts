import { Rule, RuleHit } from './rule';

/** RFC 7208 §3.1 retired the SPF record type (99); only TXT is read. */
export const spfRecordType: Rule = {
  id: 'spf-record-type',
  severity: 'warning',
  summary: 'SPF published as record type SPF instead of TXT',
  why: 'RFC 7208 §3.1 (and §14.1) discontinued the SPF resource record type (99): receivers look up TXT only, so a policy published only as type SPF is never seen and the domain has no SPF at all.',
  sources: ['RFC 7208 §3.1', 'RFC 7208 §14.1'],
  fix: 'Publish the same text as a TXT record at that name and delete the SPF-type record.',
  *check({ zone }): Iterable<RuleHit> {
    for (const record of zone.ofType('SPF')) {
      yield { name: record.name, record, message: `SPF-type record "${record.value}" at ${record.name}: receivers read SPF from TXT only (RFC 7208 §3.1). Publish it as TXT and remove the SPF-type record.` };
    }
  },
};
