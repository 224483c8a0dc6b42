import { describeRecord } from '../plan-model';
import { addresses, afterUnknown, mxByName, PlanRule, shown } from './plan-rule';

/** A name that has MX before the plan has neither MX nor null MX after it. */
export const planMxRemoved: PlanRule = {
  id: 'plan-mx-removed',
  severity: 'error',
  summary: 'a name that has MX before the plan has neither MX nor null MX after it',
  why: 'Without MX, senders fall back to the name\'s A/AAAA record (RFC 5321 §5.1) and try to deliver there, or bounce when there is none: mail is lost or misdelivered from the moment the apply ends. A name that should take no mail says so with a null MX (RFC 7505), which senders honour at once.',
  sources: ['RFC 5321 §5.1', 'RFC 7505'],
  fix: 'Keep an MX for the name, or declare NullMx (MX 0 .) there if it should take no mail.',
  *check(model) {
    for (const entry of mxByName(model)) {
      const { name } = entry;
      if (entry.before.length === 0 || entry.after.length > 0) continue;
      // A resource whose new records are known only after apply may keep them: plan-unreadable's warning, not a removal.
      if (entry.before.some((h) => afterUnknown(h.resource))) continue;
      const records = entry.before.map((h) => describeRecord(h.record)).join(', ');
      const resources = new Set(entry.before.map((h) => h.resource)).size;
      yield {
        name,
        address: entry.before[0].resource.change.address,
        message: `${shown(name)} (${entry.zone}) loses every MX: ${addresses(entry.before)} ${resources === 1 ? 'is' : 'are'} deleted (${records}) and nothing takes their place, so senders fall back to the A/AAAA record or bounce. Keep an MX for ${shown(name)}, or declare NullMx (MX 0 .) there if it should take no mail.`,
      };
    }
  },
};
