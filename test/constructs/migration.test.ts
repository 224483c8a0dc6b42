import { TerraformStack } from 'cdktf';
import { demotedPriorities, FastmailMx, GoogleWorkspaceMx, MxInputError, MxMigration, MxRecords, MxValidation, RULES } from '../../lib';
import { newStack, SynthRecord, synthRecords } from '../helpers';
import { pinnedApp } from '../presets/examples';

const zone = { zoneId: 'z1', domain: 'example.com' };
type Records = Record<string, SynthRecord>;

/** Synthesize one deployment of the mail setup. */
function deploy(build: (stack: TerraformStack) => void): { records: Records; stack: TerraformStack } {
  const stack = newStack('mail', pinnedApp());
  build(stack);
  return { records: synthRecords(stack), stack };
}

/**
 * What `terraform apply` does going from one configuration to the next: addresses only in
 * `after` are created, only in `before` destroyed, in both updated in place (content,
 * priority and TTL changes are in-place updates for cloudflare_dns_record).
 */
function plan(before: Records, after: Records) {
  const created = Object.keys(after).filter((a) => !(a in before)).sort();
  const destroyed = Object.keys(before).filter((a) => !(a in after)).sort();
  const updated = Object.keys(after).filter((a) => a in before && JSON.stringify(before[a]) !== JSON.stringify(after[a])).sort();
  return { created, destroyed, updated };
}

/**
 * MX records at `name` that exist, pointing at the same host, before, during and after the
 * apply, whatever order Terraform runs its operations in: the name is never without MX.
 */
function survivingMx(before: Records, after: Records, name = 'example.com'): string[] {
  return Object.keys(before).filter((a) => before[a].type === 'MX' && before[a].name === name && after[a]?.content === before[a].content).map((a) => before[a].content).sort();
}

const mx = (records: Records) =>
  Object.values(records).filter((r) => r.type === 'MX').map((r) => [r.priority, r.content] as [number, string]).sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
const spf = (records: Records) => Object.values(records).find((r) => r.type === 'TXT')?.content;

describe('MxMigration: Google Workspace (legacy) to Fastmail in two steps', () => {
  const google = { preset: 'google-workspace', variant: 'legacy', companions: { spf: true } } as const;
  const fastmail = { preset: 'fastmail', companions: { spf: true, dkim: true } } as const;

  const step0 = deploy((s) => new GoogleWorkspaceMx(s, 'mail', { ...zone, variant: 'legacy', companions: { spf: true } }));
  const step1 = deploy((s) => new MxMigration(s, 'mail', { ...zone, from: google, to: fastmail, step: 'overlap' }));
  const step2 = deploy((s) => new MxMigration(s, 'mail', { ...zone, from: google, to: fastmail, step: 'cutover' }));
  const step3 = deploy((s) => new FastmailMx(s, 'mail', { ...zone, companions: { spf: true, dkim: true } }));

  test('overlap: the new vendor first, the old one kept behind it in its own order', () => {
    expect(mx(step1.records)).toEqual([
      [10, 'in1-smtp.messagingengine.com'],
      [20, 'in2-smtp.messagingengine.com'],
      [30, 'aspmx.l.google.com'],
      [40, 'alt1.aspmx.l.google.com'],
      [40, 'alt2.aspmx.l.google.com'],
      [50, 'alt3.aspmx.l.google.com'],
      [50, 'alt4.aspmx.l.google.com'],
    ]);
    expect(spf(step1.records)).toBe('"v=spf1 include:spf.messagingengine.com include:_spf.google.com ?all"');
  });

  test('step 1 creates and updates in place but destroys nothing; Google keeps receiving throughout', () => {
    const p = plan(step0.records, step1.records);
    expect(p.destroyed).toEqual([]);
    expect(p.created).toEqual(expect.arrayContaining(['mx__example_com__in1-smtp_messagingengine_com', 'mx__example_com__in2-smtp_messagingengine_com']));
    expect(p.updated).toEqual([...Object.keys(step0.records)].sort()); // five demoted MX and the SPF
    expect(survivingMx(step0.records, step1.records)).toHaveLength(5);
  });

  test('step 2 only destroys the old records; Fastmail is untouched', () => {
    const p = plan(step1.records, step2.records);
    expect(p.created).toEqual([]);
    expect(p.destroyed).toEqual(Object.keys(step0.records).filter((a) => a.startsWith('mx__')).sort());
    expect(p.updated).toEqual(['txt__example_com__spf']);
    expect(survivingMx(step1.records, step2.records)).toEqual(['in1-smtp.messagingengine.com', 'in2-smtp.messagingengine.com']);
    expect(mx(step2.records)).toEqual([[10, 'in1-smtp.messagingengine.com'], [20, 'in2-smtp.messagingengine.com']]);
    expect(spf(step2.records)).toBe('"v=spf1 include:spf.messagingengine.com ?all"');
  });

  test('replacing the finished migration by the vendor construct changes nothing', () => {
    expect(plan(step2.records, step3.records)).toEqual({ created: [], destroyed: [], updated: [] });
  });

  test('every step passes the rules with no error', () => {
    for (const { stack } of [step1, step2]) {
      expect(MxValidation.of(stack).findings().findings.filter((f) => f.severity === 'error')).toEqual([]);
    }
  });

  test('going straight from Google to Fastmail would have a moment without Google or Fastmail ready', () => {
    // The one-step path this construct exists to avoid: every old MX is destroyed while the new ones are created.
    expect(survivingMx(step0.records, step3.records)).toEqual([]);
  });
});

describe('mx-mixed-vendors and a declared migration', () => {
  test('the rule is in the catalogue', () => expect(RULES.map((rule) => rule.id)).toContain('mx-mixed-vendors'));

  test('is suppressed for the migration during overlap, and the suppression is used', () => {
    const { stack } = deploy((s) => new MxMigration(s, 'mail', { ...zone, from: { preset: 'google-workspace' }, to: { preset: 'fastmail' }, step: 'overlap' }));
    const { findings, unusedSuppressions } = MxValidation.of(stack).findings();
    expect(findings.filter((f) => f.rule === 'mx-mixed-vendors')).toEqual([]);
    expect(unusedSuppressions).toEqual([]);
  });

  test('still fires for the same mix outside a migration', () => {
    const { stack } = deploy((s) => {
      new GoogleWorkspaceMx(s, 'google', zone);
      new FastmailMx(s, 'fastmail', { ...zone, name: 'eu' });
      new MxRecords(s, 'extra', { ...zone, name: 'eu', records: [{ priority: 30, exchange: 'smtp.google.com' }] });
    });
    expect(MxValidation.of(stack).findings().findings.filter((f) => f.rule === 'mx-mixed-vendors').map((f) => f.name)).toEqual(['eu.example.com.']);
  });
});

describe('MxMigration inputs', () => {
  test('from may be your own records', () => {
    const { records, stack } = deploy((s) =>
      new MxMigration(s, 'mail', {
        ...zone,
        from: { records: [{ priority: 10, exchange: 'mail.example.com' }, { priority: 20, exchange: 'backup.example.net' }] },
        to: { preset: 'microsoft-365', parameters: { exchange: 'example-com.mail.protection.outlook.com' } },
        step: 'overlap',
      }),
    );
    expect(mx(records)).toEqual([[0, 'example-com.mail.protection.outlook.com'], [10, 'mail.example.com'], [20, 'backup.example.net']]);
    expect(MxValidation.of(stack).findings().unusedSuppressions).toEqual([]); // no vendor on the old side, so nothing declared
  });

  test('errors name the side and the construct', () => {
    const build = (props: Partial<ConstructorParameters<typeof MxMigration>[2]>) => () =>
      new MxMigration(newStack('mail', pinnedApp()), 'm', { ...zone, from: { preset: 'google-workspace' }, to: { preset: 'fastmail' }, step: 'overlap', ...props });
    expect(build({ step: 'both' as 'overlap' })).toThrow(/^step: must be "overlap" .* not "both" \(MxMigration at mail\/m\)$/);
    expect(build({ to: { preset: 'zoho-mail' } })).toThrow(/^to\.region: Zoho Mail needs "region"/);
    expect(build({ from: { preset: 'microsoft-365' } })).toThrow(/^from\.exchange: Microsoft 365 needs "exchange": .*\(MxMigration at mail\/m\)$/);
    expect(build({ from: { preset: 'gmail' } })).toThrow(/^from\.preset: there is no preset "gmail"/);
    expect(build({ from: { preset: 'google-workspace' }, to: { preset: 'google-workspace', variant: 'legacy' } })).not.toThrow();
    expect(build({ from: { records: [{ priority: 5, exchange: 'in1-smtp.messagingengine.com' }] } })).toThrow(
      new MxInputError('from', 'in1-smtp.messagingengine.com is in both the old and the new record set; a host both vendors share needs no migration, so leave it out of from (MxMigration at mail/m)'),
    );
    expect(build({ from: { records: [] } })).toThrow(/^from\.records: give the old vendor's MX records/);
  });
});

describe('demotedPriorities', () => {
  test('puts each old tier on the next multiple of 10, at least 10 behind the new records', () => {
    expect(demotedPriorities([1, 5, 5, 10, 10], 20)).toEqual([30, 40, 40, 50, 50]);
    expect(demotedPriorities([10, 20], 0)).toEqual([10, 20]);
    expect(demotedPriorities([0], 86)).toEqual([100]);
    expect(demotedPriorities([20, 10], 1)).toEqual([30, 20]);
  });

  test('refuses to go past 65535', () => {
    expect(() => demotedPriorities([1, 2], 65520)).toThrow('the old records cannot be placed behind preference 65520: they would need preferences up to 65540 (at most 65535).');
  });
});
