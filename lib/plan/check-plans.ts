import { checkPlan, CheckPlanOptions, PlanFinding, severityOf } from './check-plan';
import { ImportBlocks, planModel } from './plan-model';
import { TerraformPlan } from './plan-json';
import { planCrossStackMove } from './rules/plan-cross-stack-move';
import { CrossPlanRule, shown } from './rules/plan-rule';

/** Rules over the plans of several stacks of one pipeline run. Ids are stable public API. */
export const CROSS_PLAN_RULES: readonly CrossPlanRule[] = [planCrossStackMove];

/** One stack's plan with what its synthesized configuration says. */
export interface StackPlanInput {
  /** How findings name the stack (its directory or plan file as given). */
  readonly stack: string;
  readonly plan: TerraformPlan;
  /** Import blocks of the stack's cdk.tf.json. */
  readonly imports?: ImportBlocks;
  /** Findings the stack's synth suppressed (see {@link CheckPlanOptions.synthSuppressed}). */
  readonly synthSuppressed?: CheckPlanOptions['synthSuppressed'];
}

/** A plan finding with the stack it is about. */
export interface StackPlanFinding extends PlanFinding {
  readonly stack: string;
}

/**
 * Judge the plans of every stack of one pipeline run: each plan alone ({@link checkPlan}), then
 * the rules across stacks (`plan-cross-stack-move`), since stacks apply in no guaranteed order.
 */
export function checkPlans(plans: readonly StackPlanInput[], options: Omit<CheckPlanOptions, 'imports' | 'synthSuppressed'> = {}): StackPlanFinding[] {
  const findings: StackPlanFinding[] = plans.flatMap((input) =>
    checkPlan(input.plan, { ...options, imports: input.imports, synthSuppressed: input.synthSuppressed }).map((f) => ({ ...f, stack: input.stack })));
  const models = plans.map((input) => ({ stack: input.stack, model: planModel(input.plan, input.imports) }));
  for (const rule of CROSS_PLAN_RULES) {
    const severity = severityOf(rule, options);
    if (!severity) continue;
    for (const hit of rule.check(models)) {
      findings.push({ rule: rule.id, severity, name: shown(hit.name), message: hit.message, stack: hit.stack, ...(hit.address ? { address: hit.address } : {}) });
    }
  }
  return findings;
}
