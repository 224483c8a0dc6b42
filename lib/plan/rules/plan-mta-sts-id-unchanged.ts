import { mtaStsPolicyId } from '../../transport/mta-sts-policy';
import { mtaStsAtNames } from './mta-sts-at-names';
import { PlanRule, shown } from './plan-rule';

/**
 * The policy served after the plan is not the one the `_mta-sts` id named before it, and the
 * plan keeps that id. cdktf-mx ids are the policy text's hash (`mtaStsPolicyId`), so the id
 * before the plan names the text then served: a new text under the old id is a change
 * senders never fetch.
 */
export const planMtaStsIdUnchanged: PlanRule = {
  id: 'plan-mta-sts-id-unchanged',
  severity: 'error',
  summary: 'the MTA-STS policy changes but the plan keeps the _mta-sts id',
  why: 'Senders cache a policy for max_age and refetch it only when the id in the _mta-sts TXT record changes (RFC 8461 §3.1, §5.1). A policy edited under the old id is ignored by every sender that holds the old one, for up to a year: a new MX host it now lists is still refused in enforce mode. The id in cdktf-mx is the hash of the policy text, so a kept id with a new text means the record was pinned (ignore_changes, an override, a hand-written record).',
  sources: ['RFC 8461 §3.1', 'RFC 8461 §5.1'],
  fix: 'Publish the id derived from the new policy text (let MtaSts manage the _mta-sts record: remove the override or ignore_changes), serve the new policy, then apply.',
  *check(model, settings) {
    for (const at of mtaStsAtNames(model, settings)) {
      const derived = mtaStsPolicyId(at.policy.text);
      for (const { id, held } of at.idsAfter) {
        if (id === derived || !at.idsBefore.some((before) => before.id === id)) continue;
        yield {
          name: at.policy.name,
          address: held.resource.change.address,
          message: `${shown(at.policy.name)}: the MTA-STS policy served after the apply${at.policy.source ? ` (${at.policy.source})` : ''} has the id ${derived}, but ${held.resource.change.address} keeps _mta-sts.${shown(at.policy.name)} at id=${id}, the id of the policy before the plan: senders that cached that policy never fetch the new one (RFC 8461 §3.1). Publish "v=STSv1; id=${derived};" (remove the override or ignore_changes on the record), serve the new policy, then apply.`,
        };
      }
    }
  },
};
