import { SourcedRecord } from '../dns/record';
import { targetOf } from './mx-exchange';
import { runCached } from './run-cache';
import { Rule, RuleHit } from './rule';
import { VendorClaim, vendorOf } from './vendor-sets';
import { NameRecords, ZoneIndex } from './zone-index';

/** MX records of two providers at one name split mail between them unpredictably. */
export const mxMixedVendors: Rule = {
  id: 'mx-mixed-vendors',
  severity: 'warning',
  summary: 'MX records of two vendors, or of two generations of one vendor, at one name',
  why: 'Senders pick among equal preferences at random and fall back across tiers, so MX records of two providers at one name deliver part of the mail to a service that may not know the mailbox (bounces, or mail silently kept at the old provider). A security gateway (Mimecast, Proofpoint, Barracuda) must be the only MX, with the mailbox provider behind it. Google documents that its legacy ASPMX set and smtp.google.com must not be mixed. During a planned migration, declare it (MxMigration) or suppress this rule with the reason and end date.',
  sources: ['RFC 5321 §5.1', 'Google Workspace: MX record values (legacy set)', 'vendor presets'],
  fix: 'Keep one vendor\'s documented record set at the name. For a migration, use MxMigration (it suppresses this rule for the overlap step) or suppress it with a reason until the cut-over.',
  *check({ zone }): Iterable<RuleHit> {
    for (const entry of ZoneIndex.of(zone).names()) {
      if (entry.mx.length < 2) continue;
      const routing = entry.routing;
      if (routing.length < 2) continue;
      const byPreset = claimsByPreset(entry);
      if (byPreset.size > 1) {
        const vendors = [...byPreset.values()].map(({ claims, records }) => `${claims[0].preset.name} (${records.map((r) => targetOf(r).ascii).join(', ')})`);
        yield { name: entry.name, record: routing[0], related: routing, message: `${entry.name} has MX records of ${byPreset.size} vendors: ${vendors.join('; ')}. Mail is split between them; keep one vendor's set (a gateway must be the only MX), or declare the migration.` };
        continue;
      }
      for (const { claims, records } of byPreset.values()) {
        if (commonVariants(claims).length > 0) continue;
        const parts = records.map((r, i) => `${targetOf(r).ascii} (${claims[i].variants.join('/')})`);
        yield { name: entry.name, record: records[0], related: records, message: `${entry.name} mixes ${claims[0].preset.name} record sets that must not be combined: ${parts.join(', ')}. Publish one variant only.` };
      }
    }
  },
};

type VendorGroups = ReadonlyMap<string, { claims: VendorClaim[]; records: SourcedRecord[] }>;
const GROUPS = {};

/** The routing MX records of a name grouped by the preset they belong to (unknown hosts left out); computed once per name. */
export function claimsByPreset(entry: NameRecords): VendorGroups {
  // Names without a known vendor's host (most of a large estate) are not cached: nothing to group.
  return entry.routing.some((record) => vendorOf(record)) ? runCached(GROUPS, entry, groupByPreset) : NO_GROUPS;
}

/** What most names get (no MX host of a known vendor): one shared empty map, not one each (100,000 names: 20 MiB). */
const NO_GROUPS: VendorGroups = new Map();

function groupByPreset(entry: NameRecords): VendorGroups {
  let groups: Map<string, { claims: VendorClaim[]; records: SourcedRecord[] }> | undefined;
  for (const record of entry.routing) {
    const claim = vendorOf(record);
    if (!claim) continue;
    groups ??= new Map();
    const group = groups.get(claim.preset.id) ?? { claims: [], records: [] };
    group.claims.push(claim);
    group.records.push(record);
    groups.set(claim.preset.id, group);
  }
  return groups ?? NO_GROUPS;
}

/** The variants every claim allows. */
export function commonVariants(claims: readonly VendorClaim[]): string[] {
  return claims.reduce<string[]>((common, claim) => common.filter((v) => claim.variants.includes(v)), [...claims[0].variants]);
}
