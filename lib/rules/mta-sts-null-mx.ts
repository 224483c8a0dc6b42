import { Rule, RuleHit } from './rule';
import { stsRecordOf, transportView } from './transport-security';
import { ZoneIndex } from './zone-index';
import { isNullMx } from './mx-exchange';

/** MTA-STS protects delivery to MX hosts; a null MX says there are none. */
export const mtaStsNullMx: Rule = {
  id: 'mta-sts-null-mx',
  severity: 'error',
  summary: 'MTA-STS published for a name whose MX is a null MX',
  why: 'RFC 7505 §3 says a null MX domain accepts no mail, while an MTA-STS policy (RFC 8461 §3.2) lists the MX hosts that receive it: the two contradict each other, and an enforce policy with no mx lines is invalid. One of the two is stale.',
  sources: ['RFC 7505 §3', 'RFC 8461 §3.2'],
  fix: 'Remove the MTA-STS records (and MtaSts construct) for a domain that takes no mail, or replace the null MX with the real MX records.',
  *check({ zone }): Iterable<RuleHit> {
    const view = transportView(zone);
    const index = ZoneIndex.of(zone);
    for (const name of view.stsNames) {
      const nulls = index.at(name)?.mx.filter(isNullMx) ?? [];
      if (nulls.length === 0) continue;
      const record = stsRecordOf(view, name);
      yield { name, ...(record ? { record } : {}), related: nulls, message: `${name} has a null MX (it takes no mail) and an MTA-STS policy; remove MTA-STS or the null MX.` };
    }
  },
};
