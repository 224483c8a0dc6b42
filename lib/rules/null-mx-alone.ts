import { isNullMx } from './mx-exchange';
import { Rule, RuleHit } from './rule';
import { ZoneIndex } from './zone-index';

/** RFC 7505 §3: a domain that advertises a null MX MUST NOT advertise any other MX. */
export const nullMxAlone: Rule = {
  id: 'null-mx-alone',
  severity: 'error',
  summary: 'null MX (MX 0 .) beside other MX records at the same name',
  why: 'RFC 7505 §3: "A domain that advertises a null MX MUST NOT advertise any other MX RR." Senders that see both may bounce all mail or deliver some of it; the intent is ambiguous.',
  sources: ['RFC 7505 §3'],
  fix: 'Either remove the null MX (the domain receives mail) or remove the other MX records (it does not).',
  *check({ zone }): Iterable<RuleHit> {
    for (const { name, mx, routing } of ZoneIndex.of(zone).names()) {
      const nulls = mx.filter(isNullMx);
      if (nulls.length === 0) continue;
      const others = routing;
      if (others.length > 0) {
        yield { name, record: nulls[0], message: `${name} has a null MX and ${others.length} other MX (${others.map((r) => r.value).join(', ')}); a null MX must be the only MX at its name.` };
      } else if (nulls.length > 1) {
        yield { name, record: nulls[1], message: `${name} has ${nulls.length} null MX records; publish exactly one "MX 0 .".` };
      }
    }
  },
};
