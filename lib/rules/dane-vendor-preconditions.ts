import { SourcedRecord } from '../dns/record';
import { PRESETS } from '../presets/catalogue';
import { Rule, RuleHit } from './rule';
import { ZoneIndex } from './zone-index';

/** Vendors whose inbound DANE has conditions on the customer's MX set (preset data, with sources). */
const VENDORS = Object.values(PRESETS).flatMap((preset) => (preset.transportSecurity?.dane ? [{ preset, dane: preset.transportSecurity.dane }] : []));

/** A vendor's documented conditions for its inbound DANE endpoint (Exchange Online: one MX at 0 or 10, no fallback). */
export const daneVendorPreconditions: Rule = {
  id: 'dane-vendor-preconditions',
  severity: 'error',
  summary: 'an MX set pointing at a vendor\'s DANE endpoint breaks the vendor\'s documented conditions',
  why: 'Microsoft Learn, "Set up inbound SMTP DANE with DNSSEC": Exchange Online\'s DNSSEC/DANE endpoint (<tenant>.<x>-v1.mx.microsoft) requires the domain\'s MX to be that one record, at priority 0 or 10, with no fallback or secondary MX. Other sets fail the enablement or leave a path without DANE.',
  sources: VENDORS.map(({ preset, dane }) => `${preset.name}: ${dane.source}`),
  fix: 'Publish the vendor\'s DANE endpoint as the only MX at a documented priority (Microsoft365Mx with the mx.microsoft host), and remove fallback MX records.',
  *check({ zone }): Iterable<RuleHit> {
    for (const entry of ZoneIndex.of(zone).names()) {
      // Most names route to no vendor's DANE endpoint: no list is made for them.
      if (entry.routing.length === 0) continue;
      for (const { preset, dane } of VENDORS) {
        const isEndpoint = (record: SourcedRecord): boolean => String(record.value).toLowerCase().endsWith(dane.hostSuffix);
        if (!entry.routing.some(isEndpoint)) continue;
        const endpoints = entry.routing.filter(isEndpoint);
        const problems: string[] = [];
        if (dane.singleMx && entry.routing.length > 1) problems.push(`it must be the only MX, but ${entry.name} has ${entry.routing.length} (${entry.routing.map((r) => r.value).join(', ')})`);
        const priorities = dane.priorities;
        for (const record of endpoints) {
          if (priorities && !priorities.includes(Number(record.priority))) problems.push(`its priority must be ${priorities.join(' or ')}, not ${record.priority}`);
        }
        if (problems.length > 0) {
          yield { name: entry.name, record: endpoints[0], related: entry.routing, message: `MX ${endpoints[0].value} is ${preset.name}'s DANE endpoint (${dane.title}): ${problems.join('; ')}.` };
        }
      }
    }
  },
};
