export { checkPlan, PLAN_RULES } from './check-plan';
export type { CheckPlanOptions, PlanFinding } from './check-plan';
export { PlanReadError, readPlanJson } from './plan-json';
export type { ResourceChange, TerraformPlan } from './plan-json';
export { planModel } from './plan-model';
export type { Fate, PlanModel, PlannedRecord, PlannedResource, PlannedZone } from './plan-model';
export type { PlanRule, PlanHit, PlanSettings } from './rules/plan-rule';
