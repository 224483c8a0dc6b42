import { Rule, RuleHit } from './rule';
import { uncoveredHits } from './transport-security';

/** RFC 8461 §4.1, §5: in enforce mode senders refuse an MX host no `mx:` pattern matches. */
export const mtaStsMxUncovered: Rule = {
  id: 'mta-sts-mx-uncovered',
  severity: 'error',
  summary: 'an MX exchange matched by no mx pattern of an enforce MTA-STS policy',
  why: 'RFC 8461 §4.1 and §5: a sender that honours MTA-STS (Gmail, Exchange Online, Yahoo, …) and holds an enforce policy does not deliver to an MX host that no "mx:" line matches; a leading "*." matches exactly one label. Mail to that host bounces or queues, silently for the domain owner, for as long as senders cache the policy (max_age).',
  sources: ['RFC 8461 §4.1', 'RFC 8461 §5'],
  fix: 'Add the pattern the finding names to the policy (MtaSts derives it from the MX set unless mx is given; give extraMx during a migration), or remove the MX record.',
  check: ({ zone }): Iterable<RuleHit> => uncoveredHits(zone, 'enforce', 'senders that honour it will not deliver there'),
};
