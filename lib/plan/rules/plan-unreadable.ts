import { PlanRule, shown } from './plan-rule';

/** A DNS resource in the plan whose records cannot be read: nothing is dropped silently. */
export const planUnreadable: PlanRule = {
  id: 'plan-unreadable',
  severity: 'warning',
  summary: 'a DNS resource in the plan whose records cannot be read (values known only after apply, unknown shape or actions, a host plan-check does not read)',
  why: 'plan-check judges what it can read; a resource whose name, type or data is unknown until apply (an expression over another resource) or has a shape the host reader does not know is left out of every other check, which would otherwise pass silently.',
  fix: 'Write the record\'s name and data as literals (or values known at plan time), or check the resource by hand in the plan.',
  *check(model) {
    for (const { change, reason } of model.unread) {
      yield {
        name: '',
        address: change.address,
        message: `${change.address} (${change.actions.join(', ')}): ${reason}, so no rule saw what it changes — a deleted MX there would pass unnoticed. Check it by hand in the plan.`,
      };
    }
    for (const resource of model.resources) {
      if (!resource.unreadable) continue;
      const name = resource.before[0]?.name ?? resource.after[0]?.name ?? '';
      yield {
        name,
        address: resource.change.address,
        message: `${resource.change.address}${name ? ` (${shown(name)})` : ''} (${resource.change.actions.join(', ')}): plan-check ${resource.unreadable} as ${resource.host.reader.name} records, so no rule saw them. Write its name and data as values known at plan time, or check it by hand.`,
      };
    }
  },
};
