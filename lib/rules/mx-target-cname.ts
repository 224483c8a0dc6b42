import { declaredAt, normaliseTarget, resolveExchange } from './exchange-resolution';
import { Rule, RuleHit } from './rule';
import { ZoneIndex } from './zone-index';

/** Longest CNAME chain followed inside the zone when showing where an alias leads. */
const MAX_CHAIN = 8;

/** RFC 2181 §10.3: the exchange of an MX must not be an alias. */
export const mxTargetCname: Rule = {
  id: 'mx-target-cname',
  severity: 'error',
  summary: 'MX exchange is a CNAME in the zone',
  why: 'RFC 2181 §10.3 forbids an MX exchange that is an alias (CNAME), and RFC 5321 §5.1 tells senders to look up the exchange\'s address records, not to follow aliases. Many MTAs refuse or mis-route such mail (Postfix logs "MX host … is a CNAME"), and named-checkzone -M fail rejects the zone. A wildcard CNAME that covers the exchange name is the same alias.',
  sources: ['RFC 2181 §10.3', 'RFC 5321 §5.1', 'RFC 1034 §3.6.2', 'RFC 4592 §4.4'],
  fix: 'Point the MX at the canonical host (the end of the CNAME chain), or replace the CNAME at the exchange name with A/AAAA records.',
  *check({ zone }): Iterable<RuleHit> {
    const index = ZoneIndex.of(zone);
    for (const record of ZoneIndex.of(zone).routingMx) {
      const answer = resolveExchange(index, record);
      if (!answer || (answer.kind !== 'records' && answer.kind !== 'wildcard')) continue;
      const cname = answer.records.cname[0];
      if (!cname) continue;
      const { chain, loops } = followChain(index, String(cname.value));
      const via = answer.kind === 'wildcard' ? ` through the wildcard ${answer.records.name}` : '';
      // A loop has no end to point at: the only fix is real address records.
      const fix = loops
        ? `The chain loops back to ${chain[chain.length - 1]} and never reaches a host, so the exchange has no address at all; replace the CNAME at ${answer.host} with A/AAAA records.`
        : `Point the MX at ${chain[chain.length - 1]}, or replace the CNAME with A/AAAA records.`;
      yield {
        name: record.name,
        record,
        related: [cname],
        message: `MX ${record.priority} ${answer.host}: the exchange is a CNAME${via}${declaredAt(cname)} → ${chain.join(' → ')}; an MX must name a host with its own A/AAAA records (RFC 2181 §10.3). ${fix}`,
      };
    }
  },
};

/** The targets of a CNAME chain, followed while it stays in the zone (bounded); `loops` when a target repeats, the repeated one last. */
function followChain(index: ZoneIndex, first: string): { chain: string[]; loops: boolean } {
  const chain: string[] = [];
  let target = normaliseTarget(first);
  const seen = new Set<string>();
  while (chain.length < MAX_CHAIN) {
    chain.push(target);
    if (seen.has(target)) return { chain, loops: true };
    seen.add(target);
    const next = index.at(target)?.cname[0];
    if (!next) break;
    target = normaliseTarget(String(next.value));
  }
  return { chain, loops: false };
}
