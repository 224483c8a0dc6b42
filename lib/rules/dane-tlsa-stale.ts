import { normalizePattern } from '../transport/mta-sts-policy';
import { Rule, RuleHit } from './rule';
import { transportView } from './transport-security';
import { ZoneIndex } from './zone-index';

/** TLSA left at `_25._tcp.<host>` after the host stopped being an MX is stale data. */
export const daneTlsaStale: Rule = {
  id: 'dane-tlsa-stale',
  severity: 'warning',
  summary: 'TLSA at _25._tcp.<host> where the host is an MX exchange of no name in the zone',
  why: 'RFC 7672 §2.2: TLSA records at _25._tcp.<host> authenticate that host as an MX; after a migration they describe a server that no longer receives the domain\'s mail, and when the host name is reused with a new certificate, senders that still find them fail DANE authentication.',
  sources: ['RFC 7672 §2.2', 'RFC 7671 §8.1'],
  fix: 'Remove the TLSA records of hosts that are no longer MX exchanges, or add the MX record they were meant for.',
  *check({ zone }): Iterable<RuleHit> {
    const { tlsa } = transportView(zone);
    if (tlsa.size === 0) return;
    const exchanges = new Set(ZoneIndex.of(zone).routingMx.map((record) => normalizePattern(String(record.value))));
    for (const [host, records] of tlsa) {
      if (!exchanges.has(host)) yield { name: records[0].name, record: records[0], related: records, message: `TLSA at ${records[0].name} is for ${host}, which is an MX exchange of no name in ${zone.apex}; remove it (stale after a migration?) or add the MX record.` };
    }
  },
};
