import { Rule, RuleHit } from './rule';
import { uncoveredHits } from './transport-security';

/** RFC 8461 §5: in testing mode senders deliver but report the failure; enforce would refuse it. */
export const mtaStsMxUncoveredTesting: Rule = {
  id: 'mta-sts-mx-uncovered-testing',
  severity: 'warning',
  summary: 'an MX exchange matched by no mx pattern of a testing MTA-STS policy',
  why: 'RFC 8461 §5: in testing mode senders deliver anyway and send TLS-RPT failure reports, so nothing bounces yet; switching the policy to enforce as it stands would make senders refuse this MX host.',
  sources: ['RFC 8461 §4.1', 'RFC 8461 §5'],
  fix: 'Add the pattern the finding names to the policy before moving it to enforce, or remove the MX record.',
  check: ({ zone }): Iterable<RuleHit> => uncoveredHits(zone, 'testing', 'in enforce mode senders would not deliver there'),
};
