import { mxPatternMatches } from '../transport/mta-sts-policy';
import { Rule, RuleHit } from './rule';
import { transportView, uncoveredExchanges, policyRecord } from './transport-security';
import { ZoneIndex } from './zone-index';

/**
 * A vendor migration under MTA-STS: during the overlap the policy must list both vendors' hosts,
 * after cutover only the new vendor's (a pattern left for the old vendor keeps trusting hosts
 * that no longer receive the domain's mail).
 */
export const mtaStsMigration: Rule = {
  id: 'mta-sts-migration',
  severity: 'error',
  summary: 'an MxMigration step whose MTA-STS policy does not match the MX set of that step',
  why: 'RFC 8461 §4.1, §5: senders holding an enforce policy refuse MX hosts it does not list, so while MxMigration publishes both vendors (overlap) the policy must cover both, or mail to the vendor it misses bounces; after cutover the old vendor\'s patterns should go (RFC 8461 §3.2: mx lists the hosts allowed to receive the domain\'s mail), with a new policy id so senders refetch.',
  sources: ['RFC 8461 §3.2', 'RFC 8461 §4.1', 'RFC 8461 §5'],
  fix: 'Overlap: add the pattern the finding names (MtaSts extraMx, or let MtaSts derive mx from the migration). Cutover: remove the old vendor\'s pattern from the policy.',
  *check({ zone }): Iterable<RuleHit> {
    for (const found of uncoveredExchanges(zone)) {
      const migration = found.record.origin?.migration;
      if (!migration) continue;
      const side = migration.role === 'from' ? 'the vendor mail leaves' : 'the vendor mail moves to';
      yield { name: found.name, record: found.record, related: [policyRecord(found.policy)], message: `MxMigration step ${migration.step}: MX ${found.host} (${side}) is matched by no mx pattern of the ${found.mode} MTA-STS policy. Add "mx: ${found.add}" to the policy for this step.` };
    }
    const index = ZoneIndex.of(zone);
    for (const [name, { document, parsed }] of transportView(zone).policies) {
      const routing = index.at(name)?.routing ?? [];
      if (!routing.some((record) => record.origin?.migration?.step === 'cutover')) continue;
      for (const pattern of parsed.mx) {
        if (routing.some((record) => mxPatternMatches(pattern, String(record.value)))) continue;
        yield { name, record: policyRecord(document), message: `MxMigration step cutover: the MTA-STS policy still lists "mx: ${pattern}", which matches no MX host of ${name} any more; remove it so the policy lists only the new vendor.` };
      }
    }
  },
};
