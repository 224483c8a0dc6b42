import { SourcedRecord } from '../dns/record';
import { Zone } from '../dns/zone';

/** How bad a finding is: `error` fails synth, `warning` is shown, `info` is advice. */
export type Severity = 'error' | 'warning' | 'info';

/** A severity, or `off` to disable a rule. */
export type SeverityOverride = Severity | 'off';

/** Settings rules read; see {@link LintOptions} for what users set. */
export interface RuleSettings {
  /** Smallest distance between adjacent MX priority tiers before mx-priority-gap warns. */
  readonly minPriorityGap: number;
}

/** What a rule sees: one zone and the settings. */
export interface RuleContext {
  readonly zone: Zone;
  readonly settings: RuleSettings;
}

/** One problem a rule found, before severity and suppressions are applied. */
export interface RuleHit {
  /** Owner name the problem is at (normalised, no trailing dot). */
  readonly name: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
  /** The record at fault, when there is one. */
  readonly record?: SourcedRecord;
  /**
   * Other records the finding is about (e.g. the CNAME an MX points at): a suppression
   * on the construct that declared any of them also matches.
   */
  readonly related?: readonly SourcedRecord[];
}

/** What a rule is, for overrides, suppressions and the rules reference. */
export interface RuleInfo {
  /** Stable id users reference in overrides and suppressions, e.g. `mx-target-ip`. */
  readonly id: string;
  /** Default severity. */
  readonly severity: Severity;
  /** One line: what the rule checks. */
  readonly summary: string;
  /** Why it matters, with its source (RFC section or vendor document). */
  readonly why: string;
  /** Where the requirement comes from: RFC sections or vendor documents, for the rules reference. */
  readonly sources?: readonly string[];
  /** How to fix a finding. */
  readonly fix: string;
}

/**
 * A lint rule: a pure function over a zone with a stable id. Rules never throw
 * on bad records; a bad record is what they report. A rule is O(records): it looks
 * names up in the zone's indexes instead of comparing records pairwise.
 */
export interface Rule extends RuleInfo {
  check(context: RuleContext): Iterable<RuleHit>;
}
