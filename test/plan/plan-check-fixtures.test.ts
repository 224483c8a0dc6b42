import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { DnsRecord } from '@cdktf/provider-cloudflare/lib/dns-record';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { DnsRecordSet } from '@cdktf/provider-google/lib/dns-record-set';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { Testing, TerraformStack } from 'cdktf';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adoptLiveRecords, GoogleWorkspaceMx, Microsoft365Mx, MxMigration, NullMx } from '../../lib';
import { run } from '../../lib/cli/plan-check';
import { checkPlan, CheckPlanOptions, PlanFinding } from '../../lib/plan/check-plan';
import { readPlanJson } from '../../lib/plan/plan-json';
import { planModel } from '../../lib/plan/plan-model';
import { newStack, withSynth } from '../helpers';
import { CLOUDFLARE, planBetween, ProviderModel, ROUTE53, StackJson, synthJson } from './plan-fixture';

const ZONE_ID = '023e105f4ecef8ad9ca31a8372d0c353';
const zone = { zoneId: ZONE_ID, domain: 'example.com' } as const;
const m365 = { exchange: 'example-com.mail.protection.outlook.com' } as const;

/** Synthesize a Cloudflare stack built by `build`. */
function cloudflare(build: (stack: TerraformStack) => void): StackJson {
  const stack = newStack();
  build(stack);
  return synthJson(stack);
}

/** checkPlan on the plan from `before` to `after` (the fixtures publish no DMARC: `dmarc-missing` off). */
function check(before: StackJson | null, after: StackJson, provider: ProviderModel = CLOUDFLARE, options: CheckPlanOptions = {}): PlanFinding[] {
  return checkPlan(readPlanJson(JSON.stringify(planBetween(before, after, provider)), 'fixture'), { ...options, rules: { 'dmarc-missing': 'off', ...options.rules } });
}
const brief = (findings: readonly PlanFinding[]) => findings.map((f) => [f.rule, f.severity, f.name, f.address]);

const dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-plan-fixtures-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The CLI on a plan JSON file written from the fixture: exit code and stdout. */
async function cli(plan: object, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const file = join(dir, `plan-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(plan));
  let stdout = '';
  let stderr = '';
  const code = await run([file, '--no-color', ...argv], { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env: {}, readStdin: () => '' });
  return { code, stdout, stderr };
}

describe('plan-check on Cloudflare plans built from our synth (format_version 1.2)', () => {
  test('a first deploy of MX (nothing before, nothing adopted) is plan-mx-first-deploy (info) naming cdktf-mx import; an adopted MX is not', () => {
    const google = cloudflare((s) => new GoogleWorkspaceMx(s, 'mail', zone));
    const first = check(null, google).filter((f) => f.rule === 'plan-mx-first-deploy');
    expect(brief(first)).toEqual([['plan-mx-first-deploy', 'info', 'example.com.', 'cloudflare_dns_record.mx__example_com__smtp_google_com']]);
    expect(first[0].message).toContain('cdktf-mx import example.com --from <source>');
    const adopted = cloudflare((s) => {
      new GoogleWorkspaceMx(s, 'mail', zone);
      adoptLiveRecords(s, ZONE_ID, [{ id: 'a'.repeat(32), name: 'example.com', type: 'MX', value: 'smtp.google.com', priority: 1 }]);
    });
    expect(check(null, adopted).filter((f) => f.rule === 'plan-mx-first-deploy')).toEqual([]);
    expect(check(google, google).filter((f) => f.rule === 'plan-mx-first-deploy')).toEqual([]);
  });

  const google = cloudflare((s) => new GoogleWorkspaceMx(s, 'mail', { ...zone, companions: { spf: true } }));

  test('a vendor switch in one plan: the old records are deleted while others create the new (gap) and there is no overlap', async () => {
    const microsoft = cloudflare((s) => new Microsoft365Mx(s, 'mail', { ...zone, ...m365 }));
    const findings = check(google, microsoft);
    expect(brief(findings.filter((f) => f.rule.startsWith('plan-')))).toEqual([
      ['plan-mx-gap', 'error', 'example.com.', 'cloudflare_dns_record.mx__example_com__smtp_google_com'],
      ['plan-vendor-switch-no-overlap', 'warning', 'example.com.', 'cloudflare_dns_record.mx__example_com__smtp_google_com'],
    ]);
    expect(findings[1].message).toContain('switches from Google Workspace (current) to Microsoft 365');
    const result = await cli(planBetween(google, microsoft, CLOUDFLARE));
    expect(result.code).toBe(1);
  });

  test('the MxMigration path is clean: overlap (new created, old updated in place), then cutover (old deleted, new kept)', () => {
    const from = { preset: 'google-workspace' } as const;
    const to = { preset: 'microsoft-365', parameters: m365 } as const;
    const overlap = cloudflare((s) => new MxMigration(s, 'mail', { ...zone, from, to, step: 'overlap' }));
    const cutover = cloudflare((s) => new MxMigration(s, 'mail', { ...zone, from, to, step: 'cutover' }));
    // The overlap's mixed vendors are declared (suppressed at synth); the plan's end state has no suppression to read.
    expect(brief(check(google, overlap, CLOUDFLARE, { rules: { 'mx-mixed-vendors': 'off' } }))).toEqual([]);
    expect(brief(check(overlap, cutover))).toEqual([]);
  });

  test('the overlap\'s declared vendor mix, suppressed at synth, is not reported on the plan\'s end state either', async () => {
    const from = { preset: 'google-workspace' } as const;
    const to = { preset: 'microsoft-365', parameters: m365 } as const;
    let stackDir = '';
    let synthesized: StackJson = {};
    withSynth((s) => new MxMigration(s, 'mail', { ...zone, from, to, step: 'overlap' }), (_stack, outdir) => {
      stackDir = join(dir, 'overlap');
      cpSync(join(outdir, 'stacks', 'mail'), stackDir, { recursive: true });
      synthesized = JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8')) as StackJson;
    });
    const plan = JSON.stringify(planBetween(google, synthesized, CLOUDFLARE));
    // Alone, the plan's end state mixes two vendors at one name.
    const alone = join(dir, 'overlap-alone.json');
    writeFileSync(alone, plan);
    const rulesOf = async (file: string) => {
      let stdout = '';
      await run([file, '--format', 'json', '--rule', 'dmarc-missing=off'], { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true }, env: {}, readStdin: () => '' });
      return (JSON.parse(stdout) as PlanFinding[]).map((f) => f.rule);
    };
    expect(await rulesOf(alone)).toEqual(['mx-mixed-vendors']);
    // Beside its cdk.tf.json, whose metadata records that synth suppressed exactly that finding.
    const beside = join(stackDir, 'plan.json');
    writeFileSync(beside, plan);
    expect(await rulesOf(beside)).toEqual([]);
  });

  test('a priority change is an update in place: clean', () => {
    const before = cloudflare((s) => new GoogleWorkspaceMx(s, 'mail', { ...zone, variant: 'legacy' }));
    const plan = planBetween(before, before, CLOUDFLARE) as { resource_changes: Array<{ change: { actions: string[]; after: { priority?: number } } }> };
    plan.resource_changes[0].change.actions = ['update'];
    plan.resource_changes[0].change.after = { ...plan.resource_changes[0].change.after, priority: 2 };
    expect(brief(checkPlan(readPlanJson(JSON.stringify(plan), 'fixture'), { rules: { 'mx-priority-gap': 'off', 'dmarc-missing': 'off' } }))).toEqual([]);
  });

  test('a zone move is a removal from the first zone (zone identity is part of the key), even with create_before_destroy', () => {
    const moved = cloudflare((s) => new GoogleWorkspaceMx(s, 'mail', { zoneId: 'zone-2', domain: 'example.com', companions: { spf: true } }));
    const findings = check(google, moved).filter((f) => f.rule.startsWith('plan-'));
    expect(brief(findings)).toEqual([['plan-mx-removed', 'error', 'example.com.', 'cloudflare_dns_record.mx__example_com__smtp_google_com']]);
    expect(findings[0].message).toContain(`example.com. (Cloudflare ${ZONE_ID}) loses every MX`);
  });

  test('a one-record resource replaced delete-first: plan-mx-gap naming create_before_destroy', () => {
    const raw = (priority: number) => cloudflare((s) => new DnsRecord(s, 'mx', { zoneId: ZONE_ID, name: 'example.com', type: 'MX', content: 'mail.example.net', priority, ttl: 3600 }));
    const plan = planBetween(raw(10), raw(20), CLOUDFLARE) as { resource_changes: Array<{ change: { actions: string[]; replace_paths?: string[][] } }> };
    Object.assign(plan.resource_changes[0].change, { actions: ['delete', 'create'], replace_paths: [['priority']] });
    const findings = checkPlan(readPlanJson(JSON.stringify(plan), 'fixture'), { endState: false });
    expect(brief(findings)).toEqual([['plan-mx-gap', 'error', 'example.com.', 'cloudflare_dns_record.mx']]);
    expect(findings[0].message).toContain('is replaced delete-first (forced by priority)');
    expect(findings[0].message).toContain('create_before_destroy');
  });

  test('removing the only MX of a name: plan-mx-removed; replacing it by NullMx is clean', () => {
    const parked = cloudflare((s) => new NullMx(s, 'mail', zone));
    const nothing = cloudflare((s) => new NullMx(s, 'other', { zoneId: ZONE_ID, domain: 'other.example.com' }));
    expect(brief(check(google, nothing).filter((f) => f.rule.startsWith('plan-')))).toEqual([
      ['plan-mx-removed', 'error', 'example.com.', 'cloudflare_dns_record.mx__example_com__smtp_google_com'],
      ['plan-mx-first-deploy', 'info', 'other.example.com.', 'cloudflare_dns_record.mx__other_example_com__null'],
    ]);
    expect(brief(check(google, parked).filter((f) => f.rule.startsWith('plan-mx-removed')))).toEqual([]);
  });

  test('a record adopted by an import block and then deleted: plan-adopted-deleted', () => {
    const adopted = cloudflare((s) => {
      const mail = new GoogleWorkspaceMx(s, 'mail', zone);
      adoptLiveRecords(mail, ZONE_ID, [{ id: 'rec-1', type: 'MX', name: 'example.com', value: 'smtp.google.com', priority: 1 }]);
    });
    // The first deploy imports it: no finding.
    expect(brief(check(null, adopted))).toEqual([]);
    // Later the construct goes; the import block is still in the configuration the plan is checked with.
    const gone = cloudflare((s) => new NullMx(s, 'other', { zoneId: ZONE_ID, domain: 'other.example.com' }));
    const plan = readPlanJson(JSON.stringify(planBetween(adopted, gone, CLOUDFLARE)), 'fixture');
    const imports = new Map([['cloudflare_dns_record.mx__example_com__smtp_google_com', `${ZONE_ID}/rec-1`]]);
    const findings = checkPlan(plan, { imports });
    expect(brief(findings.filter((f) => f.rule === 'plan-adopted-deleted'))).toEqual([['plan-adopted-deleted', 'error', 'example.com.', 'cloudflare_dns_record.mx__example_com__smtp_google_com']]);
    expect(findings.find((f) => f.rule === 'plan-adopted-deleted')!.message).toContain(`was adopted from the live zone (import block (id ${ZONE_ID}/rec-1)) and the plan deletes it`);
    // Marked by the plan itself (change.importing), a replace of it is reported too.
    const json = planBetween(adopted, adopted, CLOUDFLARE) as { resource_changes: Array<{ change: Record<string, unknown> }> };
    Object.assign(json.resource_changes[0].change, { actions: ['delete', 'create'], importing: { id: `${ZONE_ID}/rec-1` } });
    expect(checkPlan(readPlanJson(JSON.stringify(json), 'fixture')).map((f) => f.rule)).toContain('plan-adopted-deleted');
  });

  test('blast radius: 60 domains parked in one plan warn over the default 50, not over --max-mail-changes 200', async () => {
    const many = cloudflare((s) => {
      for (let i = 0; i < 60; i++) new NullMx(s, `d${i}`, { zoneId: `z${i}`, domain: `d${i}.example`, spf: false, dmarc: false });
    });
    const plan = planBetween(null, many, CLOUDFLARE);
    const warned = await cli(plan, '--format', 'json');
    expect((JSON.parse(warned.stdout) as PlanFinding[]).filter((f) => f.rule === 'plan-mail-blast-radius').map((f) => f.message)).toEqual([
      'the plan changes 60 mail records (added or removed) at 60 names, more than 50. Review it and apply it in smaller parts (one stack or zone at a time, or -target), or raise --max-mail-changes if it is intended.',
    ]);
    expect(warned.code).toBe(0);
    expect((await cli(plan, '--format', 'json', '--strict')).code).toBe(1);
    expect((JSON.parse((await cli(plan, '--format', 'json', '--max-mail-changes', '200')).stdout) as PlanFinding[]).map((f) => f.rule)).not.toContain('plan-mail-blast-radius');
  });

  test('the end-state rules run on each zone after the plan', () => {
    const broken = cloudflare((s) => new DnsRecord(s, 'mx', { zoneId: ZONE_ID, name: 'example.com', type: 'MX', content: '192.0.2.25', priority: 10, ttl: 3600 }));
    const plan = readPlanJson(JSON.stringify(planBetween(null, broken, CLOUDFLARE)), 'fixture');
    expect(checkPlan(plan).map((f) => f.rule)).toContain('mx-target-ip');
    expect(checkPlan(plan, { endState: false }).map((f) => f.rule)).not.toContain('mx-target-ip');
  });
});

describe('plan-check on Route 53 plans (aws_route53_record as the prebuilt binding synthesizes it)', () => {
  const route53 = (build: (stack: TerraformStack) => void): StackJson => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new AwsProvider(stack, 'aws', { region: 'us-east-1' });
    build(stack);
    return synthJson(stack);
  };
  const mxSet = (records: string[], extra: { name?: string; cbd?: boolean } = {}) => route53((s) => {
    new Route53Record(s, 'mx', { zoneId: 'Z0123456789ABCDEFGHIJ', name: extra.name ?? 'example.com', type: 'MX', ttl: 300, records, ...(extra.cbd ? { lifecycle: { createBeforeDestroy: true } } : {}) });
    new Route53Record(s, 'spf', { zoneId: 'Z0123456789ABCDEFGHIJ', name: 'example.com', type: 'TXT', ttl: 300, records: ['v=spf1 include:_spf.mail.example.net -all'] });
  });
  const own = ['10 mx1.mail.example.net.', '20 mx2.mail.example.net.'];

  test('a value change of the set updates it in place: clean', () => {
    expect(brief(check(mxSet(own), mxSet(['10 mx1.mail.example.net.', '30 mx2.mail.example.net.']), ROUTE53))).toEqual([]);
  });

  test('a vendor switch within one set is an update in place: no gap, but no overlap either', () => {
    expect(brief(check(mxSet(own), mxSet(['1 smtp.google.com.']), ROUTE53))).toEqual([
      ['plan-vendor-switch-no-overlap', 'warning', 'example.com.', 'aws_route53_record.mx'],
    ]);
  });

  test('moving the set to another name: the old name loses its MX', () => {
    expect(brief(check(mxSet(own), mxSet(own, { name: 'mail.example.com' }), ROUTE53).filter((f) => f.rule.startsWith('plan-')))).toEqual([
      ['plan-mx-removed', 'error', 'example.com.', 'aws_route53_record.mx'],
    ]);
  });

  test('a replace of a record set with create_before_destroy is the hashicorp/dns #97 shape: plan-mx-gap', () => {
    const before = mxSet(own, { cbd: true });
    const plan = planBetween(before, before, ROUTE53) as { resource_changes: Array<{ address: string; change: Record<string, unknown> }> };
    const mx = plan.resource_changes.find((c) => c.address === 'aws_route53_record.mx')!;
    Object.assign(mx.change, { actions: ['create', 'delete'], replace_paths: [['zone_id']] });
    const findings = checkPlan(readPlanJson(JSON.stringify(plan), 'fixture'), { rules: { 'dmarc-missing': 'off' } });
    expect(brief(findings)).toEqual([['plan-mx-gap', 'error', 'example.com.', 'aws_route53_record.mx']]);
    expect(findings[0].message).toContain('the old one\'s delete removes the whole RRset by name and type');
  });

  test('the end state gets the zone\'s host rules only: TTL 172800 is fine on Route 53, cloudflare-ttl on Cloudflare', () => {
    const twoDays = route53((s) => {
      new Route53Record(s, 'mx', { zoneId: 'Z1', name: 'example.com', type: 'MX', ttl: 172800, records: ['0 .'] });
      new Route53Record(s, 'spf', { zoneId: 'Z1', name: 'example.com', type: 'TXT', ttl: 172800, records: ['v=spf1 -all'] });
    });
    expect(brief(check(null, twoDays, ROUTE53, { rules: { 'null-mx-dmarc': 'off', 'plan-mx-first-deploy': 'off' } }))).toEqual([]);
    const onCloudflare = cloudflare((s) => {
      new DnsRecord(s, 'mx', { zoneId: ZONE_ID, name: 'example.com', type: 'MX', content: '.', priority: 0, ttl: 172800 });
      new DnsRecord(s, 'spf', { zoneId: ZONE_ID, name: 'example.com', type: 'TXT', content: '"v=spf1 -all"', ttl: 172800 });
    });
    expect(brief(check(null, onCloudflare, CLOUDFLARE, { rules: { 'null-mx-dmarc': 'off', 'plan-mx-first-deploy': 'off' } }))).toEqual([['cloudflare-ttl', 'error', 'example.com.', undefined], ['cloudflare-ttl', 'error', 'example.com.', undefined]]);
    // Route 53's own rules still run on its zones.
    const negative = route53((s) => new Route53Record(s, 'mx', { zoneId: 'Z1', name: 'example.com', type: 'MX', ttl: -1, records: ['0 .'] }));
    expect(brief(check(null, negative, ROUTE53, { rules: { 'null-mx-spf': 'off', 'null-mx-dmarc': 'off', 'plan-mx-first-deploy': 'off' } }))).toEqual([['route53-ttl', 'error', 'example.com.', undefined]]);
  });

  test('TXT in Route 53\'s chunked form is read whole (no spf-syntax finding on the end state)', () => {
    const long = `v=spf1 ${Array.from({ length: 30 }, (_, i) => `ip4:192.0.2.${i}`).join(' ')} -all`;
    const chunked = `${long.slice(0, 255)}""${long.slice(255)}`;
    const after = route53((s) => new Route53Record(s, 'spf', { zoneId: 'Z1', name: 'example.com', type: 'TXT', ttl: 300, records: [chunked] }));
    expect(brief(check(null, after, ROUTE53))).toEqual([]);
    const model = planModel(readPlanJson(JSON.stringify(planBetween(null, after, ROUTE53)), 'fixture'));
    expect(model.resources[0].after).toEqual([{ name: 'example.com', type: 'TXT', value: long, ttl: 300, resource: expect.objectContaining({ address: 'aws_route53_record.spf', ownsRecordSet: true }), zone: expect.stringMatching(/^Route 53 /) }]);
  });
});

describe('plan-check on Google Cloud DNS plans (google_dns_record_set as the prebuilt binding synthesizes it)', () => {
  const GOOGLE: ProviderModel = { forceNew: ['name', 'managed_zone', 'project'] };
  const google = (mx: string[]) => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new GoogleProvider(stack, 'google', { project: 'my-project' });
    new DnsRecordSet(stack, 'mx', { managedZone: 'example-com', name: 'example.com.', type: 'MX', ttl: 300, rrdatas: mx });
    // A long SPF as Cloud DNS returns it: quoted character-strings of at most 255 octets.
    new DnsRecordSet(stack, 'spf', { managedZone: 'example-com', name: 'example.com.', type: 'TXT', ttl: 300, rrdatas: [SPF.match(/.{1,255}/g)!.map((chunk) => `"${chunk}"`).join(' ')] });
    return synthJson(stack);
  };
  const SPF = `v=spf1 ${Array.from({ length: 30 }, (_, i) => `ip4:198.51.100.${i}`).join(' ')} -all`;

  test('records read from rrdatas in presentation form: MX and quoted TXT chunks joined', () => {
    const model = planModel(readPlanJson(JSON.stringify(planBetween(null, google(['10 mx1.mail.example.net.'])!, GOOGLE)), 'fixture'));
    expect(model.resources.flatMap((r) => r.after).map(({ resource, zone, ...record }) => record)).toEqual([
      { name: 'example.com', type: 'MX', value: 'mx1.mail.example.net', priority: 10, ttl: 300 },
      { name: 'example.com', type: 'TXT', value: SPF, ttl: 300 },
    ]);
  });

  test('switching vendors inside the set (update in place): the no-overlap warning only', () => {
    expect(brief(check(google(['10 mx1.mail.example.net.']), google(['10 example-com.mail.protection.outlook.com.']), GOOGLE))).toEqual([
      ['plan-vendor-switch-no-overlap', 'warning', 'example.com.', 'google_dns_record_set.mx'],
    ]);
  });
});

describe('plan-check input', () => {
  test.each([
    ['not JSON', 'PX this is not a plan', 'is not JSON'],
    ['state instead of a plan', JSON.stringify({ format_version: '1.0', values: { root_module: {} } }), 'is Terraform state, not a plan'],
    ['a future format', JSON.stringify({ format_version: '2.0', resource_changes: [] }), 'has format_version 2.0'],
    ['a malformed change', JSON.stringify({ format_version: '1.2', resource_changes: [{ address: 'x' }] }), 'resource_changes[0] needs address, type and change'],
  ])('%s: exit 2 with the reason', async (_label, text, reason) => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, text);
    let stderr = '';
    const code = await run([file], { stdout: { write: () => true }, stderr: { write: (t: string) => (stderr += t) }, env: {}, readStdin: () => '' });
    expect(code).toBe(2);
    expect(stderr).toContain(reason);
  });

  test('"-" reads the plan JSON from standard input (`terraform show -json tfplan | cdktf-mx plan-check -`)', async () => {
    const google = cloudflare((s) => new GoogleWorkspaceMx(s, 'mail', zone));
    let stdout = '';
    const io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true }, env: {}, readStdin: () => JSON.stringify(planBetween(google, { resource: {} }, CLOUDFLARE)) };
    expect(await run(['-', '--format', 'json'], io)).toBe(1);
    expect((JSON.parse(stdout) as PlanFinding[]).map((f) => f.rule)).toEqual(['plan-mx-removed']);
  });

  test('an unknown rule id or severity is a usage error (exit 2)', async () => {
    let stderr = '';
    const io = { stdout: { write: () => true }, stderr: { write: (t: string) => (stderr += t) }, env: {}, readStdin: () => '{}' };
    expect(await run(['-', '--rule', 'plan-nope=off'], io)).toBe(2);
    expect(stderr).toContain('unknown rule id "plan-nope"');
    expect(await run(['-', '--rule', 'plan-mx-gap=fatal'], io)).toBe(2);
  });

  test('a record whose data is known only after apply is reported, not dropped', () => {
    const plan = { format_version: '1.2', resource_changes: [{ address: 'cloudflare_dns_record.x', mode: 'managed', type: 'cloudflare_dns_record', change: { actions: ['create'], before: null, after: { zone_id: 'z', name: 'example.com', type: 'MX', priority: 10 }, after_unknown: { content: true } } }] };
    const findings = checkPlan(readPlanJson(JSON.stringify(plan), 'fixture'));
    expect(brief(findings)).toEqual([['plan-unreadable', 'warning', '.', 'cloudflare_dns_record.x']]);
    expect(findings[0].message).toContain('values known only after apply');
  });
});
