import { targetOf } from './mx-exchange';
import { Rule, RuleHit } from './rule';
import { describeClaim, vendorOf } from './vendor-sets';
import { ZoneIndex } from './zone-index';

/** One MX host is one point of failure, unless the vendor documents it as a redundant pool. */
export const mxSingle: Rule = {
  id: 'mx-single',
  severity: 'warning',
  summary: 'only one MX host, and the vendor does not document it as redundant',
  why: 'RFC 5321 §5.1 lets senders fall back to the next MX when one is unreachable; with a single host, mail queues at senders during every outage and bounces after their retry period (often 4–5 days, sometimes hours). Vendors such as Google Workspace (smtp.google.com) and Microsoft 365 document their single host as a redundant, load-balanced pool; those sets are exempt (the preset\'s singleMxRedundant).',
  sources: ['RFC 5321 §5.1', 'RFC 5321 §4.5.4.1', 'vendor presets (singleMxRedundant)'],
  fix: 'Add a second MX at a higher preference (a backup host or your provider\'s secondary), or use the vendor\'s complete documented set.',
  *check({ zone }): Iterable<RuleHit> {
    for (const entry of ZoneIndex.of(zone).names()) {
      const routing = entry.routing;
      if (routing.length === 0) continue;
      const hosts = new Set(routing.map((r) => targetOf(r).ascii ?? String(r.value)));
      if (hosts.size !== 1) continue;
      const record = routing[0];
      if (targetOf(record).ascii === undefined) continue;
      const claim = vendorOf(record);
      if (claim?.preset.singleMxRedundant) continue;
      const vendor = claim ? ` ${describeClaim(claim)} does not document ${[...hosts][0]} as redundant;` : '';
      yield { name: entry.name, record, message: `${entry.name} has one MX host (${[...hosts][0]});${vendor} when it is down, mail waits at senders and bounces after their retry period. Add a backup MX at a higher preference${claim ? ` or publish ${claim.preset.name}'s full documented set` : ''}.` };
    }
  },
};
