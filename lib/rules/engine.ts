import { fqdn, resolveOwnerName } from '../dns/names';
import { Zone } from '../dns/zone';
import { ZONE_RULES } from './catalogue';
import { withRunCaches } from './run-cache';
import { Rule, RuleHit, RuleInfo, RuleSettings, Severity, SeverityOverride } from './rule';

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
  /** File the record at fault was read from (a zone file, a stack's cdk.tf.json), when known. */
  readonly file?: string;
  /** Line (1-based) of that record in {@link file}, when known. */
  readonly line?: number;
  /** Terraform address of the resource holding the record, when read from synthesized output. */
  readonly address?: string;
}

/** A rule switched off for some findings, with the reason a reviewer will read. */
export interface Suppression {
  /** Rule id to suppress. */
  readonly id: string;
  /** Why this is safe here; at least 10 characters. */
  readonly reason: string;
  /**
   * Only findings in this zone (its apex, e.g. `example.com`): a suppression written for one
   * domain never hides the same rule in another zone judged in the same run.
   */
  readonly zone?: string;
  /** Only findings at this owner name (relative to `zone`, else to the zone judged; absolute; or `@`). */
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
  /**
   * The DNS host of the zone, selecting whose host rules `lintZone` runs: `cloudflare`, `route53`,
   * `google-dns`, `rfc2136` (the zone-wide rules plus that host's), or `none` (the zone-wide rules
   * alone). Default: every host's rules, for a zone whose host is unknown (a zone file). Zones read
   * from synthesized output or a plan give the host of the resources they were read from.
   * ({@link runRules} runs the rules it is given and ignores this.)
   */
  readonly host?: string;
}

/** The outcome of a lint run: findings plus what suppressions did. */
export interface LintResult {
  readonly findings: Finding[];
  /** Findings that a suppression removed, with it. */
  readonly suppressed: Array<{ finding: Finding; suppression: Suppression }>;
  /** Suppressions that matched nothing: stale, or a typo in the id. Suppressions of rules switched off are not listed. */
  readonly unusedSuppressions: Suppression[];
}

/** A hit found outside the rules (e.g. by lintZone reading its input), with the rule it belongs to. */
export interface ExtraHit {
  readonly rule: RuleInfo;
  readonly hit: RuleHit;
}

export const DEFAULT_MIN_PRIORITY_GAP = 5;

/** A rule that threw: a bug in cdktf-mx, reported instead of thrown so a lint run always completes. */
export const internalError: RuleInfo = {
  id: 'internal-error',
  severity: 'error',
  summary: 'a rule failed while checking the zone',
  why: 'A rule threw an exception, which is a bug in cdktf-mx. The run goes on with the other rules, so the zone is still checked; the failed rule\'s checks are missing.',
  fix: 'Report the message with the zone that caused it; meanwhile switch the failing rule off if it blocks you.',
};

/**
 * Run every enabled rule over a zone and apply severities and suppressions. Pure;
 * each rule is O(records), suppressions are looked up by rule id. Never throws.
 */
export function runRules(zone: Zone, options: LintOptions = {}, rules: readonly Rule[] = ZONE_RULES, extra: readonly ExtraHit[] = []): LintResult {
  // What rules derive from the zone (index, parsed host names), shared by every rule of this run and released with it.
  return withRunCaches(() => run(zone, options, rules, extra));
}

function run(zone: Zone, options: LintOptions, rules: readonly Rule[], extra: readonly ExtraHit[]): LintResult {
  const settings: RuleSettings = { minPriorityGap: options.minPriorityGap ?? DEFAULT_MIN_PRIORITY_GAP };
  // A suppression scoped to another zone does not apply here at all (nor is it "unused" here).
  const suppressions = (options.suppressions ?? []).filter((s) => appliesToZone(s, zone.apex));
  const byRule = new Map<string, Array<{ suppression: Suppression; name?: string }>>();
  for (const suppression of suppressions) {
    const list = byRule.get(suppression.id) ?? [];
    list.push({ suppression, ...(suppression.name !== undefined ? { name: fqdn(resolveOwnerName(suppression.name, suppression.zone ?? zone.apex)) } : {}) });
    byRule.set(suppression.id, list);
  }
  const used = new Set<Suppression>();
  const findings: Finding[] = [];
  const suppressed: LintResult['suppressed'] = [];
  const off = new Set<string>();

  const report = (rule: RuleInfo, severity: Severity, hit: RuleHit): void => {
    const finding = findingOf(rule.id, severity, hit);
    const candidates = byRule.get(rule.id);
    const match = candidates?.find((c) => matches(c, finding, hit));
    if (match) {
      used.add(match.suppression);
      suppressed.push({ finding, suppression: match.suppression });
    } else {
      findings.push(finding);
    }
  };
  const severityOf = (rule: RuleInfo): Severity | undefined => {
    const override = options.rules?.[rule.id];
    if (override === 'off') {
      off.add(rule.id);
      return undefined;
    }
    return override === 'error' || override === 'warning' || override === 'info' ? override : rule.severity;
  };

  for (const { rule, hit } of extra) {
    const severity = severityOf(rule);
    if (severity) report(rule, severity, hit);
  }
  for (const rule of rules) {
    const severity = severityOf(rule);
    if (!severity) continue;
    try {
      for (const hit of rule.check({ zone, settings })) report(rule, severity, hit);
    } catch (error) {
      const severityOfFailure = severityOf(internalError);
      const detail = error instanceof Error ? error.message : String(error);
      if (severityOfFailure) report(internalError, severityOfFailure, { name: zone.apex, message: `rule ${rule.id} failed (${detail}); its checks are missing from this run. Please report this.` });
    }
  }
  return { findings, suppressed, unusedSuppressions: suppressions.filter((s) => !used.has(s) && !off.has(s.id)) };
}

/**
 * The finding of a hit: fields in this order (JSON output shows them so), built as one literal of
 * its final shape where it can be (a zone file can have hundreds of thousands of findings: fields
 * added one by one go to a separate property store).
 */
function findingOf(rule: string, severity: Severity, hit: RuleHit): Finding {
  const name = fqdn(hit.name);
  const message = hit.message;
  const origin = hit.record?.origin;
  if (origin === undefined) return { rule, severity, name, message };
  const { file, line } = origin;
  if (!origin.path && origin.address === undefined && line !== undefined) return file !== undefined ? { rule, severity, name, message, file, line } : { rule, severity, name, message, line };
  const finding: { -readonly [K in keyof Finding]: Finding[K] } = { rule, severity, name, message };
  if (origin.path) finding.path = origin.path;
  if (file !== undefined) finding.file = file;
  if (line !== undefined) finding.line = line;
  if (origin.address !== undefined) finding.address = origin.address;
  return finding;
}

/** True when `suppression` may apply to findings in the zone at `apex`: it names no zone, or this one. */
export function appliesToZone(suppression: Suppression, apex: string): boolean {
  return suppression.zone === undefined || resolveOwnerName('@', suppression.zone) === resolveOwnerName('@', apex);
}

function matches(candidate: { suppression: Suppression; name?: string }, finding: Finding, hit: RuleHit): boolean {
  if (candidate.name !== undefined && candidate.name !== finding.name) return false;
  const scope = candidate.suppression.path;
  if (scope === undefined) return true;
  const paths = [hit.record?.origin?.path, ...(hit.related ?? []).map((r) => r.origin?.path)];
  return paths.some((path) => path !== undefined && (path === scope || path.startsWith(`${scope}/`)));
}
