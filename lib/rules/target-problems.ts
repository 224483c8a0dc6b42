import { HostnameProblem, MAX_LABEL_OCTETS, ownerNameProblems } from '../dns/names';
import { HOSTNAME_VALUED_TYPES } from '../dns/record';
import { Zone } from '../dns/zone';
import { describeRecord, isNullMx, targetOf } from './mx-exchange';
import { RuleHit } from './rule';
import { ZoneIndex } from './zone-index';

/**
 * Hits for one kind of host-name problem in record targets (MX exchanges, CNAME
 * targets; `types` narrows it) and, when `owners` is set, in owner names.
 */
export function* targetProblemHits(
  zone: Zone,
  code: HostnameProblem['code'],
  advice: string,
  options: { types?: readonly string[]; owners?: boolean } = {},
): Iterable<RuleHit> {
  const types = options.types ?? [...HOSTNAME_VALUED_TYPES];
  for (const type of types) {
    for (const record of zone.ofType(type)) {
      if (isNullMx(record)) continue;
      for (const problem of targetOf(record).problems) {
        if (problem.code === code) {
          yield { name: record.name, record, message: `${describeRecord(record)}: ${problem.detail}. ${advice}` };
        }
      }
    }
  }
  if (!options.owners) return;
  for (const { name, all } of ZoneIndex.of(zone).names()) {
    // Fast path: a name of at most 63 octets cannot have a label or a length over the limits.
    if (name.length <= MAX_LABEL_OCTETS) continue;
    for (const problem of ownerNameProblems(name)) {
      if (problem.code === code) yield { name, record: all[0], message: `${problem.detail}. ${advice}` };
    }
  }
}
