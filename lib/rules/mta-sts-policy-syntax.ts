import { Rule, RuleHit } from './rule';
import { policyRecord, transportView } from './transport-security';

/** RFC 8461 §3.2: a policy senders cannot read protects nothing. */
export const mtaStsPolicySyntax: Rule = {
  id: 'mta-sts-policy-syntax',
  severity: 'error',
  summary: 'MTA-STS policy text senders cannot use (version, mode, mx, max_age)',
  why: 'RFC 8461 §3.2: the policy is "key: value" lines with version STSv1, mode enforce, testing or none, at least one mx pattern (["*."] host) unless the mode is none, and max_age; senders treat an invalid policy as none, so the domain is unprotected.',
  sources: ['RFC 8461 §3.2'],
  fix: 'Serve the text MtaSts renders (its policyText and stack output), or correct the fields the finding names.',
  *check({ zone }): Iterable<RuleHit> {
    for (const [name, { document, parsed }] of transportView(zone).policies) {
      // max_age has its own rule.
      const problems = parsed.problems.filter((problem) => !problem.startsWith('max_age '));
      if (problems.length > 0) yield { name, record: policyRecord(document), message: `the MTA-STS policy of ${name} is not usable: ${problems.join('; ')}.` };
    }
  },
};
