import { RuleInfo } from '../../rules/rule';
import { PlanModel, PlannedRecord, PlannedResource } from '../plan-model';

/** Settings plan rules read. */
export interface PlanSettings {
  /** Most mail records one plan may change before `plan-mail-blast-radius` warns. */
  readonly maxMailChanges: number;
  /**
   * The MTA-STS policies served after the apply (not in DNS, so not in the plan): from the stack's
   * `//.metadata["cdktf-mx"].mtaStsPolicies`, written by each `MtaSts` at synth.
   */
  readonly mtaStsPolicies?: ReadonlyArray<{ readonly name: string; readonly text: string; readonly source?: string }>;
}

/** One transition problem a plan rule found, before severity overrides. */
export interface PlanHit {
  /** Owner name, absolute, no trailing dot ('' for the plan as a whole). */
  readonly name: string;
  /** What is wrong, naming the record (address, name, type) and the fix. */
  readonly message: string;
  /** Terraform address of the resource at fault, when there is one. */
  readonly address?: string;
}

/** A rule over a plan's transition (before → after), with a stable id like the zone rules. */
export interface PlanRule extends RuleInfo {
  check(model: PlanModel, settings: PlanSettings): Iterable<PlanHit>;
}

/** A record with the resource that holds it. */
export interface HeldRecord {
  readonly record: PlannedRecord;
  readonly resource: PlannedResource;
}

/** MX records at one owner name of one zone, before and after the plan. */
export interface MxAtName {
  readonly name: string;
  /** The zone, as {@link PlannedRecord.zone}: the same name in two zones (prod and staging, public and private) is two entries. */
  readonly zone: string;
  readonly before: HeldRecord[];
  readonly after: HeldRecord[];
}

/** Every (zone, name) that has MX before or after the plan, in plan order. */
export function mxByName(model: PlanModel): MxAtName[] {
  const names = new Map<string, MxAtName>();
  const at = (record: PlannedRecord) => {
    const key = `${record.zone}\u0000${record.name}`;
    let entry = names.get(key);
    if (!entry) names.set(key, (entry = { name: record.name, zone: record.zone, before: [], after: [] }));
    return entry;
  };
  for (const resource of model.resources) {
    for (const record of resource.before) if (record.type === 'MX') at(record).before.push({ record, resource });
    for (const record of resource.after) if (record.type === 'MX') at(record).after.push({ record, resource });
  }
  return [...names.values()];
}

/**
 * True when MX of the name stay published through the whole apply: a resource that keeps
 * (or updates in place) MX at the name, or a one-record resource replaced create-first.
 * Terraform orders neither the creates nor the deletes of unrelated resources, so anything
 * else can leave the name without MX for a moment.
 */
export function survives(entry: Pick<MxAtName, 'before' | 'after'>): boolean {
  return entry.before.some(({ resource, record }) =>
    (resource.fate === 'kept' && resource.after.some((r) => r.type === 'MX' && r.name === record.name && r.zone === record.zone)) ||
    (resource.fate === 'replaced-create-first' && !resource.host.recordSets));
}

/**
 * True when the resource will exist after the plan but what it holds then is known only after
 * apply: it may keep the MX it held, so no rule may say they are gone (plan-unreadable warns).
 */
export function afterUnknown(resource: PlannedResource): boolean {
  return resource.change.after !== null && resource.fate !== 'deleted' && resource.after.length === 0 && resource.unreadable !== undefined;
}

/** `dns_mx_record_set.plain` — the addresses of some held records, once each. */
export function addresses(held: readonly HeldRecord[]): string {
  return [...new Set(held.map((h) => h.resource.change.address))].join(', ');
}

/** `example.com.` as findings show names. */
export function shown(name: string): string {
  return name === '' ? '.' : `${name}.`;
}

/** One stack's plan in a pipeline run, for rules that look across stacks. */
export interface StackPlan {
  /** How findings name the stack: its directory or plan file as given. */
  readonly stack: string;
  readonly model: PlanModel;
}

/** A cross-stack hit: a {@link PlanHit} with the stack whose resource is at fault. */
export interface CrossPlanHit extends PlanHit {
  readonly stack: string;
}

/** A rule over the plans of several stacks applied in one pipeline run (in any order). */
export interface CrossPlanRule extends RuleInfo {
  check(plans: readonly StackPlan[]): Iterable<CrossPlanHit>;
}
