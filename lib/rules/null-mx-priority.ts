import { isNullMx } from './mx-exchange';
import { Rule, RuleHit } from './rule';
import { describeValue } from '../dns/errors';

/** RFC 7505 §3 fixes the null MX preference at 0; `MX 10 .` seen in some articles is wrong. */
export const nullMxPriority: Rule = {
  id: 'null-mx-priority',
  severity: 'warning',
  summary: 'null MX preference is not 0',
  why: 'RFC 7505 §3 defines the null MX as preference 0 with exchange ".". Some guides show "MX 10 ."; receivers that check strictly do not recognise it as a null MX.',
  sources: ['RFC 7505 §3'],
  fix: 'Publish exactly "MX 0 ." (NullMx does this).',
  *check({ zone }): Iterable<RuleHit> {
    for (const record of zone.ofType('MX')) {
      if (isNullMx(record) && record.priority !== 0) {
        yield { name: record.name, record, message: `null MX at ${record.name} has preference ${describeValue(record.priority)}; RFC 7505 requires "MX 0 .".` };
      }
    }
  },
};
