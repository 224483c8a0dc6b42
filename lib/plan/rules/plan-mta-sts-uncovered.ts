import { matchingPatterns, normalizePattern } from '../../transport/mta-sts-policy';
import { coveringPattern } from '../../transport/mx-patterns';
import { exchangesOf, mtaStsAtNames } from './mta-sts-at-names';
import { addresses, PlanRule, shown } from './plan-rule';

/**
 * The plan changes the MX set or the `_mta-sts` record of a name with an `enforce` MTA-STS
 * policy, and after it an exchange is matched by no `mx:` pattern of the policy served.
 */
export const planMtaStsUncovered: PlanRule = {
  id: 'plan-mta-sts-uncovered',
  severity: 'error',
  summary: 'after the plan, an MX exchange is matched by no mx pattern of the enforce MTA-STS policy (the plan changes the MX set or the policy)',
  why: 'Senders that honour MTA-STS (Gmail, Exchange Online, Yahoo, …) and hold an enforce policy do not deliver to an MX host no "mx:" line matches (RFC 8461 §4.1, §5; a leading "*." matches exactly one label). A plan that adds or moves an exchange without the policy, or changes the policy without the exchange, bounces or queues mail to it from the moment the apply ends, silently for the domain owner, for as long as senders cache the policy (max_age).',
  sources: ['RFC 8461 §4.1', 'RFC 8461 §5'],
  fix: 'Add the pattern the finding names to the policy (MtaSts derives it from the MX set unless mx is given; give extraMx during a migration), serve the new policy, then apply; or keep the exchange out of the MX set.',
  *check(model, settings) {
    for (const at of mtaStsAtNames(model, settings)) {
      if (at.parsed.mode !== 'enforce') continue;
      const before = exchangesOf(at.mxBefore);
      const after = exchangesOf(at.mxAfter);
      const mxChanged = before.join(' ') !== after.join(' ');
      const idChanged = at.idsBefore.map((i) => i.id).join(' ') !== at.idsAfter.map((i) => i.id).join(' ');
      // Unchanged by the plan: the zone rules on the zone after it (mta-sts-mx-uncovered) report it.
      if (!mxChanged && !idChanged) continue;
      for (const host of after) {
        if (matchingPatterns(at.parsed.mx, host).length > 0) continue;
        const held = at.mxAfter.filter((h) => normalizePattern(h.record.value) === host);
        const what = before.includes(host) ? `the plan changes the policy${idChanged ? ` (id ${at.idsBefore[0]?.id ?? 'none'} → ${at.idsAfter[0]?.id ?? 'none'})` : ''} and its mx lines (${at.parsed.mx.join(', ') || 'none'}) no longer match it` : `the plan adds it (${addresses(held)}) and the policy's mx lines (${at.parsed.mx.join(', ') || 'none'}) do not match it`;
        yield {
          name: at.policy.name,
          address: held[0]?.resource.change.address ?? at.idsAfter[0]?.held.resource.change.address ?? '',
          message: `${shown(at.policy.name)}: MX ${host} is matched by no mx pattern of the enforce MTA-STS policy${at.policy.source ? ` (${at.policy.source})` : ''}: ${what}. Senders that honour the policy will not deliver there after the apply. Add "mx: ${coveringPattern(host)}" to the policy (MtaSts extraMx, or drop its mx to derive it), serve it, then apply.`,
        };
      }
    }
  },
};
