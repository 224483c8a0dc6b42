import { isInZone } from '../dns/names';
import { lintRecordOf, lintZone } from '../lint/lint-zone';
import { Finding, LintOptions } from '../rules/engine';
import { RuleInfo, Severity } from '../rules/rule';
import { ImportBlocks, planModel, PlanModel } from './plan-model';
import { TerraformPlan } from './plan-json';
import { planAdoptedDeleted } from './rules/plan-adopted-deleted';
import { DEFAULT_MAX_MAIL_CHANGES, planMailBlastRadius } from './rules/plan-mail-blast-radius';
import { planMxFirstDeploy } from './rules/plan-mx-first-deploy';
import { planMxGap } from './rules/plan-mx-gap';
import { planMtaStsIdUnchanged } from './rules/plan-mta-sts-id-unchanged';
import { planMtaStsUncovered } from './rules/plan-mta-sts-uncovered';
import { planMxRemoved } from './rules/plan-mx-removed';
import { PlanHit, PlanRule, PlanSettings, shown } from './rules/plan-rule';
import { planRecordSetDeleteShared } from './rules/plan-record-set-delete-shared';
import { planUnreadable } from './rules/plan-unreadable';
import { planVendorSwitchNoOverlap } from './rules/plan-vendor-switch-no-overlap';

/** Every transition rule, in the order findings are reported. Ids are stable public API. */
export const PLAN_RULES: readonly PlanRule[] = [planMxRemoved, planMxGap, planRecordSetDeleteShared, planAdoptedDeleted, planVendorSwitchNoOverlap, planMtaStsUncovered, planMtaStsIdUnchanged, planMailBlastRadius, planMxFirstDeploy, planUnreadable];

/** Zone rules that say at the end state what `plan-mta-sts-uncovered` says of the transition: left out where it spoke. */
const UNCOVERED_AT_END = new Set(['mta-sts-mx-uncovered', 'mta-sts-mx-uncovered-testing']);

const PLAN_RULE_IDS: ReadonlySet<string> = new Set(PLAN_RULES.map((rule) => rule.id));

/** A plan finding: a {@link Finding} plus the Terraform address of the resource at fault. */
export interface PlanFinding extends Finding {
  /** Terraform address, e.g. `dns_mx_record_set.vendor`. */
  readonly address?: string;
}

/** Options of {@link checkPlan}. */
export interface CheckPlanOptions extends Omit<LintOptions, 'host'> {
  /** Most mail records one plan may change before `plan-mail-blast-radius` warns (default 50). */
  readonly maxMailChanges?: number;
  /** Also run the zone rules on each zone's records after the plan (default true). */
  readonly endState?: boolean;
  /** Addresses with an import block in the configuration (cdk.tf.json `import`), with their ids. */
  readonly imports?: ImportBlocks;
  /**
   * Findings the stack's synth suppressed (`//.metadata["cdktf-mx"].suppressions[].matched` of its
   * cdk.tf.json), by rule and name: the same finding on the zone after the plan is left out too,
   * e.g. `mx-mixed-vendors` during an `MxMigration` overlap.
   */
  readonly synthSuppressed?: ReadonlyArray<{ readonly rule: string; readonly name: string }>;
  /**
   * The MTA-STS policies served after the apply (not in DNS, so not in the plan): the stack's
   * `//.metadata["cdktf-mx"].mtaStsPolicies`. `name` is the policy domain; `source` where it is
   * declared (the `MtaSts` construct path). Read by the `plan-mta-sts-*` rules and the zone rules.
   */
  readonly mtaStsPolicies?: PlanSettings['mtaStsPolicies'];
}

/**
 * Judge a Terraform plan: the transition rules (`plan-*`) over every DNS resource change,
 * then the zone rules on the records each zone holds after the plan (what Terraform
 * manages; records outside Terraform are not in a plan), with the host rules of the zone's
 * host (the host whose resources hold it). Severities and `off` from
 * `options.rules` apply to both. Pure; never throws on plan content.
 */
export function checkPlan(plan: TerraformPlan, options: CheckPlanOptions = {}): PlanFinding[] {
  const model = planModel(plan, options.imports);
  const settings: PlanSettings = { maxMailChanges: options.maxMailChanges ?? DEFAULT_MAX_MAIL_CHANGES, ...(options.mtaStsPolicies ? { mtaStsPolicies: options.mtaStsPolicies } : {}) };
  const findings: PlanFinding[] = [];
  const add = (rule: RuleInfo, hit: PlanHit) => {
    const severity = severityOf(rule, options);
    if (severity) findings.push({ rule: rule.id, severity, name: shown(hit.name), message: hit.message, ...(hit.address ? { address: hit.address } : {}) });
  };
  for (const rule of PLAN_RULES) for (const hit of rule.check(model, settings)) add(rule, hit);
  if (plan.errored) add(planUnreadable, { name: '', message: 'Terraform stopped planning on an error: the plan is incomplete, so changes it would have made are not checked. Fix the plan error and check again.' });
  if (options.endState !== false) {
    const suppressed = new Set((options.synthSuppressed ?? []).map((s) => `${s.rule} ${s.name}`));
    const transition = new Set(findings.filter((f) => f.rule === planMtaStsUncovered.id).map((f) => f.name));
    findings.push(...endState(model, options).filter((f) => !suppressed.has(`${f.rule} ${f.name}`) && !(UNCOVERED_AT_END.has(f.rule) && transition.has(f.name))));
  }
  return findings;
}

/** The zone rules over each zone's records after the plan (zones that hold records after it). */
function endState(model: PlanModel, options: CheckPlanOptions): PlanFinding[] {
  const findings: PlanFinding[] = [];
  for (const zone of model.zones) {
    if (zone.after.length === 0) continue;
    if (zone.apex === undefined) {
      const severity = severityOf(planUnreadable, options);
      if (severity) findings.push({ rule: planUnreadable.id, severity, name: '.', message: `${zone.key}: the zone's apex cannot be told from its names (only relative names), so the zone rules were not run on it after the plan. Check it with \`cdktf-mx lint\` on the synthesized stack.` });
      continue;
    }
    const { minPriorityGap, suppressions } = options;
    // Plan rule ids are not zone rules: lintZone would report them as unknown.
    const rules = options.rules ? Object.fromEntries(Object.entries(options.rules).filter(([id]) => !PLAN_RULE_IDS.has(id))) : undefined;
    // The zone's host is the host whose resources hold it: only its host rules apply.
    const apex = zone.apex;
    const policies = (options.mtaStsPolicies ?? []).filter((p) => isInZone(p.name.replace(/\.$/, '').toLowerCase(), apex)).map((p) => ({ name: `${p.name.replace(/\.$/, '')}.`, text: p.text }));
    findings.push(...lintZone({
      zone: apex,
      records: zone.after.map(lintRecordOf),
      ...(policies.length > 0 ? { mtaStsPolicies: policies } : {}),
    }, { ...(rules ? { rules } : {}), ...(minPriorityGap !== undefined ? { minPriorityGap } : {}), ...(suppressions ? { suppressions } : {}), host: zone.host.reader.id }));
  }
  return findings;
}

/** The severity a rule's findings get under `options.rules` (its own unless overridden); undefined when `off`. */
export function severityOf(rule: RuleInfo, options: Pick<CheckPlanOptions, 'rules'>): Severity | undefined {
  const setting = options.rules?.[rule.id] ?? rule.severity;
  return setting === 'off' ? undefined : setting;
}
