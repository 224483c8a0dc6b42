import { describeRecord, PlannedRecord } from '../plan-model';
import { CrossPlanHit, CrossPlanRule, shown, StackPlan } from './plan-rule';

/** What a stack's plan does to one record. */
type Step = 'deletes' | 'creates' | 'imports' | 'releases' | 'keeps';

interface Held {
  readonly stack: string;
  readonly address: string;
  readonly record: PlannedRecord;
  readonly step: Step;
}

/**
 * A record leaves one stack's state and enters another's without the move handshake (the new
 * stack imports, the old one forgets with `removed { lifecycle { destroy = false } }`), or two
 * stacks manage it after the run. Stacks of one pipeline run apply in no guaranteed order.
 */
export const planCrossStackMove: CrossPlanRule = {
  id: 'plan-cross-stack-move',
  severity: 'error',
  summary: 'a record moves between stacks without the import/removed handshake, or two stacks manage it',
  why: 'Each stack has its own state. A delete in one stack and a create in another is a move only on paper: if the delete applies first the name has no record (no MX: mail bounces or goes to the implicit MX) until the create applies; if the create applies first, Cloudflare refuses an identical record (81058) or a record-set host overwrites the set the other state still owns. Deleting a record another stack imports removes it from the zone; two stacks managing one record undo each other\'s changes.',
  fix: 'Let the receiving stack import the live record (an import block) and the old stack forget it without deleting it (`removed { from = <address> lifecycle { destroy = false } }`, Terraform 1.7+). MailEstate does both when given the previous synth\'s estate record (`previous`, CDKTF_MX_PREVIOUS_ESTATE in examples/estate).',
  *check(plans: readonly StackPlan[]): Iterable<CrossPlanHit> {
    const byRecord = new Map<string, Held[]>();
    for (const { stack, model } of plans) {
      for (const resource of model.resources) {
        const actions = resource.change.actions;
        const key = (record: PlannedRecord) => JSON.stringify([resource.zone, record.name, record.type, record.priority ?? null, record.value]);
        const beforeKeys = new Set(resource.before.map(key));
        const afterKeys = new Set(resource.after.map(key));
        const add = (record: PlannedRecord, step: Step) => {
          const list = byRecord.get(key(record)) ?? [];
          list.push({ stack, address: resource.change.address, record, step });
          byRecord.set(key(record), list);
        };
        if (actions.includes('forget')) {
          for (const record of resource.before) add(record, 'releases');
          continue;
        }
        for (const record of resource.before) if (actions.includes('delete') && !afterKeys.has(key(record))) add(record, 'deletes');
        // An imported resource's `before` is the live record as read: what it holds after is taken over, not kept.
        const imported = resource.adopted !== undefined;
        for (const record of resource.after) add(record, imported ? 'imports' : beforeKeys.has(key(record)) ? 'keeps' : 'creates');
      }
    }
    for (const held of byRecord.values()) {
      const stacks = new Set(held.map((h) => h.stack));
      if (stacks.size < 2) continue;
      const first = held[0]!.record;
      const what = `${shown(first.name)} ${describeRecord(first)}`;
      const where = (h: Held) => `${h.address} in ${h.stack}`;
      const reported = new Set<Held>();
      for (const gain of held.filter((h) => h.step === 'creates' || h.step === 'imports')) {
        for (const loss of held.filter((h) => h.stack !== gain.stack && (h.step === 'deletes' || (h.step === 'releases' && gain.step === 'creates')))) {
          reported.add(gain);
          const message = loss.step === 'deletes' && gain.step === 'creates'
            ? `${what} is deleted by ${where(loss)} and created by ${where(gain)}: a move between stacks without the handshake. Whichever applies first, the name is without the record for a while or the create fails on the live duplicate. Import it in ${gain.stack} and release it in ${loss.stack} with removed { lifecycle { destroy = false } }.`
            : loss.step === 'deletes'
              ? `${what} is imported by ${where(gain)} but deleted by ${where(loss)}: after both apply it is gone from the zone. Release it in ${loss.stack} with removed { lifecycle { destroy = false } } instead of deleting it.`
              : `${what} is released by ${where(loss)} (removed, destroy = false) but created again by ${where(gain)}: the live record is still there, so the create duplicates it (Cloudflare refuses, 81058). Import it in ${gain.stack} instead.`;
          yield { stack: gain.stack, name: first.name, address: gain.address, message };
        }
      }
      const managing = held.filter((h) => h.step !== 'deletes' && h.step !== 'releases' && !reported.has(h));
      if (new Set(managing.map((h) => h.stack)).size > 1 && managing.some((h) => h.step !== 'keeps')) {
        const newcomer = managing.find((h) => h.step !== 'keeps')!;
        const others = managing.filter((h) => h.stack !== newcomer.stack).map(where).join(', ');
        yield { stack: newcomer.stack, name: first.name, address: newcomer.address, message: `${what} ${newcomer.step === 'imports' ? 'is imported' : 'is created'} by ${where(newcomer)} while ${others} keeps managing it: two states own one record and undo each other's changes. Release it in the old stack with removed { lifecycle { destroy = false } }.` };
      }
    }
  },
};
