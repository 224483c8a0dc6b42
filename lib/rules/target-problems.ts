import { HostnameProblem, MAX_LABEL_OCTETS, ownerNameProblems } from '../dns/names';
import { HOSTNAME_VALUED_TYPES, SourcedRecord } from '../dns/record';
import { runCached } from './run-cache';
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
  const found = targetsWithProblems(zone);
  for (const type of types) {
    for (const { record, problems } of found) {
      if (record.type !== type) continue;
      for (const problem of problems) {
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

const TARGET_PROBLEMS = {};

/**
 * The records of host-name-valued types (null MX excluded) whose target has a problem, in zone
 * order by type, found in one pass for the rule run: four rules ask, and most targets have none.
 */
function targetsWithProblems(zone: Zone): ReadonlyArray<{ readonly record: SourcedRecord; readonly problems: readonly HostnameProblem[] }> {
  return runCached(TARGET_PROBLEMS, zone, () => {
    const found: Array<{ record: SourcedRecord; problems: readonly HostnameProblem[] }> = [];
    for (const type of HOSTNAME_VALUED_TYPES) {
      for (const record of zone.ofType(type)) {
        if (isNullMx(record)) continue;
        const problems = targetOf(record).problems;
        if (problems.length > 0) found.push({ record, problems });
      }
    }
    return found;
  });
}
