import { maxAgeProblem } from '../transport/mta-sts-policy';
import { Rule, RuleHit } from './rule';
import { policyRecord, transportView } from './transport-security';

/** RFC 8461 §3.2: max_age is at most 31557600 seconds. */
export const mtaStsMaxAge: Rule = {
  id: 'mta-sts-max-age',
  severity: 'error',
  summary: 'MTA-STS policy max_age outside 0–31557600 seconds',
  why: 'RFC 8461 §3.2: max_age is a non-negative integer of seconds with a maximum of 31557600 (about a year); senders may reject a policy with a larger value, which leaves the domain unprotected.',
  sources: ['RFC 8461 §3.2'],
  fix: 'Give maxAge between 0 and 31557600; MtaSts defaults to 604800 (one week).',
  *check({ zone }): Iterable<RuleHit> {
    for (const [name, { document, parsed }] of transportView(zone).policies) {
      const problem = parsed.maxAge !== undefined ? maxAgeProblem(parsed.maxAge) : undefined;
      if (problem) yield { name, record: policyRecord(document), message: `the MTA-STS policy of ${name} has ${problem}.` };
    }
  },
};
