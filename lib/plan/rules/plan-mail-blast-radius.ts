import { PlannedRecord } from '../plan-model';
import { PlanRule } from './plan-rule';

/** Default of `--max-mail-changes`. */
export const DEFAULT_MAX_MAIL_CHANGES = 50;

/** True for records that route or authenticate mail: MX, SPF, DMARC, DKIM. */
export function isMailRecord(record: PlannedRecord): boolean {
  if (record.type === 'MX') return true;
  const labels = record.name.split('.');
  if (labels.includes('_domainkey') || labels[0] === '_dmarc') return record.type === 'TXT' || record.type === 'CNAME';
  return record.type === 'TXT' && /^v=(spf1|DMARC1|DKIM1)(\s|;|$)/i.test(record.value);
}

const key = (r: PlannedRecord) => `${r.zone}\u0000${r.name}\u0000${r.type}\u0000${r.priority ?? ''}\u0000${r.value}\u0000${r.ttl ?? ''}`;

/** Mail records added plus mail records removed by the plan (a changed record counts twice, a replace of equal records not at all). */
export function mailRecordChanges(before: readonly PlannedRecord[], after: readonly PlannedRecord[]): number {
  const count = new Map<string, number>();
  for (const r of before) if (isMailRecord(r)) count.set(key(r), (count.get(key(r)) ?? 0) + 1);
  for (const r of after) if (isMailRecord(r)) count.set(key(r), (count.get(key(r)) ?? 0) - 1);
  let changes = 0;
  for (const n of count.values()) changes += Math.abs(n);
  return changes;
}

/** More mail records change in one plan than the threshold. */
export const planMailBlastRadius: PlanRule = {
  id: 'plan-mail-blast-radius',
  severity: 'warning',
  summary: 'more mail records (MX, SPF, DMARC, DKIM) change in one plan than --max-mail-changes (default 50)',
  why: 'A plan that rewrites the mail records of many names at once is usually a mistake upstream (a changed default, a moved zone, a refactor that changed addresses); if it is wrong, every domain loses mail at once, and rolling back takes another apply of the same size.',
  fix: 'Review the plan; split it (`terraform apply -target=…`, or one stack or zone at a time), or raise --max-mail-changes when the change is intended.',
  *check(model, settings) {
    const changes = model.resources.reduce((sum, r) => sum + mailRecordChanges(r.before, r.after), 0);
    if (changes <= settings.maxMailChanges) return;
    const names = new Set(model.resources.filter((r) => mailRecordChanges(r.before, r.after) > 0).flatMap((r) => [...r.before, ...r.after].map((x) => `${x.zone} ${x.name}`)));
    yield {
      name: '',
      message: `the plan changes ${changes} mail records (added or removed) at ${names.size} names, more than ${settings.maxMailChanges}. Review it and apply it in smaller parts (one stack or zone at a time, or -target), or raise --max-mail-changes if it is intended.`,
    };
  },
};
