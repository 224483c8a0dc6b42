import { resolveExchange } from './exchange-resolution';
import { Rule, RuleHit } from './rule';
import { ZoneIndex } from './zone-index';

/** An exchange that only exists through a wildcard breaks silently when the zone changes. */
export const mxTargetWildcard: Rule = {
  id: 'mx-target-wildcard',
  severity: 'warning',
  summary: 'in-zone MX exchange has no records of its own and resolves only through a wildcard',
  why: 'A wildcard (RFC 4592) answers for names that do not exist, so an exchange with no records of its own is reachable only while the wildcard stays and while no record is ever added at or below the exchange name (which turns it into an existing name with no address). Either change silently cuts mail off. A wildcard CNAME is reported by mx-target-cname instead.',
  sources: ['RFC 4592 §2.2', 'RFC 4592 §3.3.1', 'RFC 5321 §5.1'],
  fix: 'Give the exchange its own A/AAAA records.',
  *check({ zone }): Iterable<RuleHit> {
    const index = ZoneIndex.of(zone);
    for (const record of ZoneIndex.of(zone).routingMx) {
      const answer = resolveExchange(index, record);
      if (answer?.kind !== 'wildcard' || answer.records.cname.length > 0) continue;
      const has = answer.records.address.length > 0 ? 'addresses' : 'no addresses either';
      yield { name: record.name, record, related: answer.records.all, message: `MX ${record.priority} ${answer.host}: the exchange has no records of its own and is answered by the wildcard ${answer.records.name} (${has}); adding any record at or below ${answer.host} would break mail. Give ${answer.host} its own A/AAAA records.` };
    }
  },
};
