import { describeClaim, vendorOf } from '../../rules/vendor-sets';
import { HeldRecord, mxByName, PlanRule, shown } from './plan-rule';

/** Exchanges the presets do not know, grouped as one "vendor". */
const OTHER = 'other';

/** The vendors of some MX records by key (preset id, or `other`), with how findings name them. */
function vendors(held: readonly HeldRecord[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const { record } of held) {
    const claim = vendorOf({ name: record.name, type: 'MX', value: record.value, ...(record.priority !== undefined ? { priority: record.priority } : {}) });
    if (claim) out.set(claim.preset.id, describeClaim(claim));
    else if (record.value !== '.') out.set(OTHER, `your own exchanges (${record.value}${held.length > 1 ? ', …' : ''})`);
  }
  return out;
}

/** The old vendor's MX are deleted and the new vendor's created in one plan. */
export const planVendorSwitchNoOverlap: PlanRule = {
  id: 'plan-vendor-switch-no-overlap',
  severity: 'warning',
  summary: 'one plan deletes the old vendor\'s MX and adds the new vendor\'s (no overlap)',
  why: 'Resolvers keep the old MX for up to their TTL after the change, and senders queue mail for the old hosts for days; a mailbox provider that has not yet received the domain\'s mail, or no longer accepts it, bounces or loses it. Vendors document moving mail as: publish the new MX beside the old, wait at least the TTL, then remove the old ones.',
  sources: ['Google Workspace: "Set up MX records" (keep old records until mail flows)', 'Microsoft 365: "Add DNS records to connect your domain"'],
  fix: 'Use MxMigration: deploy step \'overlap\' (new MX added, old ones kept behind them), wait at least the old TTL and check that the new vendor receives mail, then deploy step \'cutover\'.',
  *check(model) {
    for (const entry of mxByName(model)) {
      const { name } = entry;
      if (entry.before.length === 0 || entry.after.length === 0) continue;
      const before = vendors(entry.before);
      const after = vendors(entry.after);
      const gone = [...before.keys()].filter((id) => !after.has(id));
      const added = [...after.keys()].filter((id) => !before.has(id));
      if (gone.length === 0 || added.length === 0 || [...gone, ...added].every((id) => id === OTHER)) continue;
      const from = gone.map((id) => before.get(id)).join(' and ');
      const to = added.map((id) => after.get(id)).join(' and ');
      const where = [...new Set([...entry.before, ...entry.after].map((h) => h.resource.change.address))].join(', ');
      yield {
        name,
        address: entry.before[0].resource.change.address,
        message: `${shown(name)} switches from ${from} to ${to} in one plan (${where}): the old MX go in the same apply that adds the new, so there is no overlap while caches still point at the old hosts. Use MxMigration: step 'overlap' first, wait at least the old TTL, then step 'cutover'.`,
      };
    }
  },
};
