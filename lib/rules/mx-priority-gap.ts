import { SourcedRecord } from '../dns/record';
import { isValidPriority } from './mx-priority-range';
import { Rule, RuleHit } from './rule';
import { isDocumentedPriority, vendorOf } from './vendor-sets';
import { ZoneIndex } from './zone-index';

/** Tiers too close together leave no room to insert a host between them later. */
export const mxPriorityGap: Rule = {
  id: 'mx-priority-gap',
  severity: 'warning',
  summary: 'adjacent MX priority tiers closer than minPriorityGap (default 5)',
  why: 'Preferences only order hosts (RFC 5321 §5.1), but tiers 1 apart (10, 11) leave no value for a host you later need between them, such as a new primary during a migration, so the whole set has to be renumbered while mail flows. Vendor-documented sets are exempt (e.g. Google\'s legacy 1/5/10), as are equal preferences, which share load on purpose.',
  sources: ['RFC 5321 §5.1', 'vendor presets (documented priorities)'],
  fix: 'Space the tiers at least minPriorityGap apart, e.g. 10, 20, 30; or set minPriorityGap lower (1 turns the rule off in effect).',
  *check({ zone, settings }): Iterable<RuleHit> {
    const gap = settings.minPriorityGap;
    for (const entry of ZoneIndex.of(zone).names()) {
      const routing = entry.routing;
      if (routing.length < 2) continue;
      // The usual pair, decided without building tiers: one tier, or two far enough apart.
      if (routing.length === 2) {
        const a = routing[0].priority;
        const b = routing[1].priority;
        if (isValidPriority(a) && isValidPriority(b) && (a === b || Math.abs(a - b) >= gap)) continue;
      }
      const tiers = new Map<number, SourcedRecord[]>();
      for (const record of entry.routing) {
        if (!isValidPriority(record.priority)) continue;
        const tier = tiers.get(record.priority) ?? [];
        tier.push(record);
        tiers.set(record.priority, tier);
      }
      if (tiers.size < 2) continue;
      const order = [...tiers.keys()].sort((a, b) => a - b);
      for (let i = 1; i < order.length; i++) {
        const [low, high] = [order[i - 1], order[i]];
        if (high - low >= gap) continue;
        const records = [...tiers.get(low)!, ...tiers.get(high)!];
        if (documentedBySameVendor(records)) continue;
        yield { name: entry.name, record: tiers.get(high)![0], message: `MX preferences ${low} and ${high} at ${entry.name} are ${high - low} apart (less than ${gap}); there is no room to put a host between them later. Space tiers at least ${gap} apart (e.g. 10, 20).` };
      }
    }
  },
};

/** True when every record belongs to one vendor, each at a preference the vendor documents. */
function documentedBySameVendor(records: readonly SourcedRecord[]): boolean {
  let preset: string | undefined;
  for (const record of records) {
    const claim = vendorOf(record);
    if (!claim || !isDocumentedPriority(claim, record.priority)) return false;
    if (preset !== undefined && preset !== claim.preset.id) return false;
    preset = claim.preset.id;
  }
  return true;
}
