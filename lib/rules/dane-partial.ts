import { normalizePattern } from '../transport/mta-sts-policy';
import { Rule, RuleHit } from './rule';
import { transportView } from './transport-security';
import { ZoneIndex } from './zone-index';

/** RFC 7672 §2.2.1: DANE protects each MX host separately; a host without TLSA is a way around it. */
export const danePartial: Rule = {
  id: 'dane-partial',
  severity: 'warning',
  summary: 'some in-zone MX hosts of a name have TLSA records and others do not',
  why: 'RFC 7672 §2.2: senders authenticate each MX host by its own TLSA records at _25._tcp.<host>; an MX host without them gets unauthenticated opportunistic TLS, so an attacker who can steer delivery to it (blocking the others) defeats DANE for the whole domain.',
  sources: ['RFC 7672 §2.2', 'RFC 7672 §2.2.1'],
  fix: 'Publish TLSA records for every in-zone MX host of the name (DaneTlsa), or for none.',
  *check({ zone }): Iterable<RuleHit> {
    const { tlsa } = transportView(zone);
    if (tlsa.size === 0) return;
    const index = ZoneIndex.of(zone);
    for (const entry of index.names()) {
      const inZone = entry.routing.filter((record) => index.contains(normalizePattern(String(record.value))));
      const without = inZone.filter((record) => !tlsa.has(normalizePattern(String(record.value))));
      if (without.length === 0 || without.length === inZone.length) continue;
      for (const record of without) {
        const host = normalizePattern(String(record.value));
        yield { name: entry.name, record, message: `MX ${host} has no TLSA record at _25._tcp.${host} while other MX hosts of ${entry.name} have; senders can be steered to it without DANE. Publish its TLSA records.` };
      }
    }
  },
};
