import { normalizePattern, parseMtaStsPolicy, ParsedMtaStsPolicy } from '../../transport/mta-sts-policy';
import { isMtaStsText, MTA_STS_LABEL, parseMtaStsRecord } from '../../transport/mta-sts-record';
import { PlanModel } from '../plan-model';
import { HeldRecord, mxByName, PlanSettings } from './plan-rule';

/** An MTA-STS policy declared for a name (the stack's `//.metadata["cdktf-mx"].mtaStsPolicies`). */
export interface DeclaredMtaStsPolicy {
  /** The policy domain, absolute, no trailing dot. */
  readonly name: string;
  /** The policy text served after the apply. */
  readonly text: string;
  /** Where it was declared, e.g. the `MtaSts` construct path. */
  readonly source?: string;
}

/** What the plan does at a name with a declared policy: the policy, its MX and `_mta-sts` TXT before and after. */
export interface MtaStsAtName {
  readonly policy: DeclaredMtaStsPolicy;
  readonly parsed: ParsedMtaStsPolicy;
  readonly mxBefore: readonly HeldRecord[];
  readonly mxAfter: readonly HeldRecord[];
  /** The `_mta-sts.<name>` ids before and after the plan, with the records that hold them. */
  readonly idsBefore: ReadonlyArray<{ readonly id: string; readonly held: HeldRecord }>;
  readonly idsAfter: ReadonlyArray<{ readonly id: string; readonly held: HeldRecord }>;
}

/**
 * Each declared policy with what the plan does to its name's MX set and `_mta-sts` record, once
 * per zone that holds MX at the name (prod and staging zones of one name are judged apart).
 */
export function mtaStsAtNames(model: PlanModel, settings: PlanSettings): MtaStsAtName[] {
  const mx = mxByName(model);
  return (settings.mtaStsPolicies ?? []).flatMap((declared) => {
    const policy = { ...declared, name: normalizePattern(declared.name) };
    const parsed = parseMtaStsPolicy(policy.text);
    const txtName = `${MTA_STS_LABEL}.${policy.name}`;
    const ids = (side: 'before' | 'after', zone?: string) => model.resources.flatMap((resource) => resource[side]
      .filter((record) => record.type === 'TXT' && record.name === txtName && (zone === undefined || record.zone === zone) && isMtaStsText(record.value))
      .flatMap((record) => {
        const id = parseMtaStsRecord(record.value).record?.id;
        return id === undefined ? [] : [{ id, held: { record, resource } }];
      }));
    const zones = mx.filter((entry) => entry.name === policy.name);
    if (zones.length === 0) return [{ policy, parsed, mxBefore: [], mxAfter: [], idsBefore: ids('before'), idsAfter: ids('after') }];
    return zones.map((at) => ({ policy, parsed, mxBefore: at.before, mxAfter: at.after, idsBefore: ids('before', at.zone), idsAfter: ids('after', at.zone) }));
  });
}

/** The exchanges of some MX records, as senders compare them, once each. */
export function exchangesOf(held: readonly HeldRecord[]): string[] {
  return [...new Set(held.map((h) => normalizePattern(h.record.value)).filter((host) => host !== '.' && host !== ''))];
}
