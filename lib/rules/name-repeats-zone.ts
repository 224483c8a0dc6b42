import { HOSTNAME_VALUED_TYPES } from '../dns/record';
import { normaliseTarget } from './exchange-resolution';
import { describeRecord, isNullMx } from './mx-exchange';
import { Rule, RuleHit } from './rule';
import { ZoneIndex } from './zone-index';

/** `mail.example.com.example.com`: the zone-file mistake of a missing trailing dot. */
export const nameRepeatsZone: Rule = {
  id: 'name-repeats-zone',
  severity: 'error',
  summary: 'a name ends in the zone name twice (example.com.example.com): a missing trailing dot',
  why: 'In zone files (RFC 1035 §5.1) and many DNS panels a name without a trailing dot is relative to the zone, so "mail.example.com" typed as an MX exchange or owner name becomes mail.example.com.example.com. The record then names a host that does not exist, and mail to it fails.',
  sources: ['RFC 1035 §5.1'],
  fix: 'Write the full name with a trailing dot in zone files (mail.example.com.), or the relative name alone (mail).',
  *check({ zone }): Iterable<RuleHit> {
    const doubled = `${zone.apex}.${zone.apex}`;
    const repeats = (name: string | undefined) => name !== undefined && (name === doubled || name.endsWith(`.${doubled}`));
    for (const entry of ZoneIndex.of(zone).names()) {
      if (repeats(entry.name)) {
        yield { name: entry.name, record: entry.all[0], message: `owner name ${entry.name} repeats the zone name; it was probably written without its trailing dot. Use ${entry.name.slice(0, -zone.apex.length - 1)}.` };
      }
    }
    for (const type of HOSTNAME_VALUED_TYPES) {
      for (const record of zone.ofType(type)) {
        if (isNullMx(record)) continue;
        const value = String(record.value ?? '');
        // Cheap test first: only a value that spells the zone name twice can repeat it.
        if (!value.toLowerCase().includes(doubled)) continue;
        const target = normaliseTarget(value);
        if (repeats(target)) {
          yield { name: record.name, record, message: `${describeRecord(record)}: ${target} repeats the zone name; it was probably written without its trailing dot. Use ${target!.slice(0, -zone.apex.length - 1)}.` };
        }
      }
    }
  },
};
