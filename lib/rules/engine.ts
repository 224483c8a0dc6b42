import { fqdn, resolveOwnerName } from '../dns/names';
import { Zone } from '../dns/zone';
import { RULES } from './catalogue';
import { Rule, RuleSettings, Severity, SeverityOverride } from './rule';

/** One problem in a zone, as users see it. */
export interface Finding {
  /** Stable rule id, e.g. `mx-target-cname`. */
  readonly rule: string;
  readonly severity: Severity;
  /** Owner name with trailing dot, e.g. `example.com.`. */
  readonly name: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
  /** Construct path of the record at fault, when it came from a CDKTF stack. */
  readonly path?: string;
}

/** A rule switched off for some findings, with the reason a reviewer will read. */
export interface Suppression {
  /** Rule id to suppress. */
  readonly id: string;
  /** Why this is safe here; at least 10 characters. */
  readonly reason: string;
  /** Only findings at this owner name (relative, absolute or `@`). */
  readonly name?: string;
  /** Only findings on records declared at or below this construct path. */
  readonly path?: string;
}

/** Options of {@link runRules} and `lintZone`. */
export interface LintOptions {
  /** Per-rule severity, or `off`. */
  readonly rules?: Readonly<Record<string, SeverityOverride>>;
  /** Smallest distance between adjacent MX priority tiers before `mx-priority-gap` warns (default 5). */
  readonly minPriorityGap?: number;
  /** Findings to suppress, each with a reason. */
  readonly suppressions?: readonly Suppression[];
}

/** The outcome of a lint run: findings plus what suppressions did. */
export interface LintResult {
  readonly findings: Finding[];
  /** Findings that a suppression removed, with it. */
  readonly suppressed: Array<{ finding: Finding; suppression: Suppression }>;
  /** Suppressions that matched nothing: stale, or a typo in the id. */
  readonly unusedSuppressions: Suppression[];
}

export const DEFAULT_MIN_PRIORITY_GAP = 5;

/** Run every enabled rule over a zone. Pure; O(records) per rule. */
export function runRules(zone: Zone, options: LintOptions = {}, rules: readonly Rule[] = RULES): LintResult {
  const settings: RuleSettings = { minPriorityGap: options.minPriorityGap ?? DEFAULT_MIN_PRIORITY_GAP };
  const suppressions = options.suppressions ?? [];
  const used = new Set<Suppression>();
  const findings: Finding[] = [];
  const suppressed: LintResult['suppressed'] = [];
  for (const rule of rules) {
    const override = options.rules?.[rule.id];
    if (override === 'off') continue;
    const severity = override ?? rule.severity;
    for (const hit of rule.check({ zone, settings })) {
      const path = hit.record?.origin?.path;
      const finding: Finding = { rule: rule.id, severity, name: fqdn(hit.name), message: hit.message, ...(path ? { path } : {}) };
      const suppression = suppressions.find((s) => matches(s, finding, zone));
      if (suppression) {
        used.add(suppression);
        suppressed.push({ finding, suppression });
      } else {
        findings.push(finding);
      }
    }
  }
  return { findings, suppressed, unusedSuppressions: suppressions.filter((s) => !used.has(s)) };
}

function matches(suppression: Suppression, finding: Finding, zone: Zone): boolean {
  if (suppression.id !== finding.rule) return false;
  if (suppression.name !== undefined && fqdn(resolveOwnerName(suppression.name, zone.apex)) !== finding.name) return false;
  if (suppression.path !== undefined) {
    const path = finding.path ?? '';
    if (path !== suppression.path && !path.startsWith(`${suppression.path}/`)) return false;
  }
  return true;
}
