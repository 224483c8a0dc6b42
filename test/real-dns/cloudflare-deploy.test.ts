import { TerraformStack } from 'cdktf';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DaneTlsa, GoogleWorkspaceMx, Microsoft365Mx, MtaSts, MxMigration, MxRecords, NullMx, SpfInclude, TlsRpt, VendorMx } from '../../lib';
import { run as planCheck } from '../../lib/cli/plan-check';
import { everyCase, exampleCompanions, exampleParameters } from '../presets/examples';
import { CLOUDFLARE, planBetween, StackJson } from '../plan/plan-fixture';
import { ApiZoneSeed } from '../support/cloudflare-api';
import { CloudflareDeploy, declaredRecords, heldRecords, startCloudflareDeploy, stopCloudflareDeploy, synthCloudflareStack, terraformFor, zoneIdOf } from './cloudflare-deploy-fixtures';
import { DKIM_KEY } from './deploy-fixtures';
import { TerraformWorkspace } from './terraform';
import { describeWithTools } from './tools';

/*
 * Every construct and every preset through the REAL cloudflare/cloudflare provider (5.22.0, from the
 * filesystem mirror `npm run providers` fills) against the loopback Cloudflare API: cdktf synth →
 * terraform init → apply to empty zones → the API holds exactly the declared records → re-plan
 * exits 0 → a priority, TTL and vendor change planned (judged by `cdktf-mx plan-check`) and applied
 * → re-plan exits 0 → destroy leaves every zone empty. One stack, so terraform starts few times.
 */

const STACK = 'cloudflare';
const VERIFICATION = 'rXOxyZounnZasA8Z7oaD3c14JdjS9aKSWvsR1EbUSIQ';

/** What changes between the two deploys. */
interface Variant {
  /** Priority of the first exchange at own.test. */
  readonly priority: number;
  /** TTL of own.test's MX and of the null MX. */
  readonly ttl: number;
  /** The vendor at switch.test. */
  readonly vendor: 'google-workspace' | 'fastmail';
}
const FIRST: Variant = { priority: 10, ttl: 300, vendor: 'google-workspace' };
const SECOND: Variant = { priority: 20, ttl: 600, vendor: 'fastmail' };

const slug = (label: string) => label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const CASES = everyCase().map((c) => ({ ...c, domain: `${slug(c.label)}.presets.test` }));
const DOMAINS = ['google.test', 'm365.test', 'null.test', 'own.test', 'overlap.test', 'cutover.test', 'switch.test', 'secure.test', ...CASES.map((c) => c.domain)];
const ZONES: ApiZoneSeed[] = DOMAINS.map((name) => ({ id: zoneIdOf(name), name, records: [] }));
const at = (domain: string) => ({ zoneId: zoneIdOf(domain), domain });

function build(stack: TerraformStack, v: Variant): void {
  new GoogleWorkspaceMx(stack, 'google', { ...at('google.test'), ttl: 1, companions: { spf: true, dkim: { publicKey: DKIM_KEY }, verification: VERIFICATION } });
  new SpfInclude(stack, 'google-crm', { ...at('google.test'), ttl: 1, include: ['sendgrid.net'] });
  new Microsoft365Mx(stack, 'm365', { ...at('m365.test'), ttl: 3600, exchange: 'm365-test.mail.protection.outlook.com', companions: { spf: true, autodiscover: true } });
  new NullMx(stack, 'null', { ...at('null.test'), ttl: v.ttl });
  new MxRecords(stack, 'own', { ...at('own.test'), ttl: v.ttl, comment: 'our relays ${not a template}', records: [{ priority: v.priority, exchange: 'mx1.own.example' }, { priority: 30, exchange: 'mx2.own.example' }] });
  const from = { preset: 'google-workspace' } as const;
  const to = { preset: 'fastmail', companions: { spf: true } } as const;
  new MxMigration(stack, 'overlap', { ...at('overlap.test'), ttl: 300, from, to, step: 'overlap' });
  new MxMigration(stack, 'cutover', { ...at('cutover.test'), ttl: 300, from, to, step: 'cutover' });
  new VendorMx(stack, 'switch', { ...at('switch.test'), ttl: 300, preset: v.vendor, companions: { spf: true } });
  // Transport security tied to the MX set: the MTA-STS id, the policy host CNAME, TLS-RPT and TLSA (`data` block).
  new MxRecords(stack, 'secure', { ...at('secure.test'), ttl: 300, records: [{ priority: 10, exchange: 'mx1.secure.test' }, { priority: 20, exchange: 'mx2.secure.test' }] });
  new MtaSts(stack, 'secure-sts', { ...at('secure.test'), mode: 'enforce', maxAge: v.ttl === 300 ? 604800 : 1209600, policyHost: { cname: 'sts-hosting.example.net' } });
  new TlsRpt(stack, 'secure-rpt', { ...at('secure.test'), rua: ['mailto:tls-reports@secure.test'] });
  new DaneTlsa(stack, 'secure-dane', { ...at('secure.test'), records: [
    { exchange: 'mx1.secure.test', data: '8d02536c887482bc34ff54e41d2ba659bf85b341a0a20afadb5813dcfbcf286d' },
    { exchange: 'mx2.secure.test', data: 'c0ffee6f3c4ad8d6c5b7d8a1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1' },
  ] });
  for (const c of CASES) {
    new VendorMx(stack, slug(c.label), { ...at(c.domain), preset: c.preset.id, variant: c.variant, ...(c.region ? { region: c.region } : {}), parameters: exampleParameters(c.preset), companions: exampleCompanions(c.preset, c.region) });
  }
}

describeWithTools(['terraform'], 'every construct and preset deployed through the real Cloudflare provider to the loopback API', ({ terraform }) => {
  let run: CloudflareDeploy | undefined;
  let tf: TerraformWorkspace;
  const timings: Record<string, number> = {};
  const timed = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    try {
      return await work();
    } finally {
      timings[step] = Date.now() - started;
    }
  };
  const synth = (v: Variant) => synthCloudflareStack(join(run!.dir, 'cdktf.out'), join(run!.dir, 'terraform.tfstate'), STACK, (stack) => build(stack, v));

  /** The first deploy's cdk.tf.json, for the plan fixture of the change. */
  let firstJson: StackJson;

  beforeAll(async () => {
    run = await startCloudflareDeploy(ZONES);
    tf = terraformFor(run, terraform, synth(FIRST));
    firstJson = JSON.parse(readFileSync(join(tf.dir, 'cdk.tf.json'), 'utf8')) as StackJson;
    await timed('init', () => tf.init());
  }, 120_000);
  afterAll(async () => {
    // eslint-disable-next-line no-console
    console.log(`cloudflare deploy timings (ms): ${JSON.stringify(timings)}`);
    await stopCloudflareDeploy(run);
  });

  /** Each zone's records at the API equal what the stack declares for it. */
  const expectHeldAsDeclared = () => {
    const declared = declaredRecords(tf.dir);
    for (const zone of ZONES) expect([zone.name, heldRecords(run!.api, zone.id)]).toEqual([zone.name, declared.get(zone.id) ?? []]);
  };

  test('apply to empty zones: the API holds exactly the declared records, and the token never reaches cdktf.out', async () => {
    await timed('apply', () => tf.apply());
    expectHeldAsDeclared();
    const total = ZONES.reduce((n, z) => n + run!.api.records(z.id).length, 0);
    expect(total).toBeGreaterThan(100);
    const synthesized = JSON.stringify(declaredRecords(tf.dir));
    expect(synthesized).not.toContain(run!.token);
  }, 600_000);

  test('a second plan changes nothing (no perpetual diff)', async () => {
    const writes = run!.api.writes.length;
    expect(await timed('re-plan', () => tf.plan())).toBe(0);
    expect(run!.api.writes.length).toBe(writes);
  }, 300_000);

  test('priority and TTL changes plan as in-place updates, the vendor change as create/delete; plan-check judges the real plan', async () => {
    tf = terraformFor(run!, terraform, synth(SECOND));
    await tf.init();
    const changes = await timed('change-plan', () => tf.planChanges());
    const byAction = (name: string) => changes.filter((c) => String((c.after ?? c.before)?.name).startsWith(name)).map((c) => `${c.actions.join('+')} ${(c.after ?? c.before)?.type} ${(c.after ?? c.before)?.content}`).sort();
    expect(byAction('own.test')).toEqual(['update MX mx1.own.example', 'update MX mx2.own.example']);
    expect(byAction('null.test')).toEqual(['update MX .', 'update TXT "v=spf1 -all"']);
    expect(changes.every((c) => !(c.actions.includes('delete') && c.actions.includes('create')))).toBe(true);
    const switched = byAction('switch.test');
    expect(switched).toContain('create MX in1-smtp.messagingengine.com');
    expect(switched).toContain('delete MX smtp.google.com');
    // The same plan through plan-check, as a pipeline runs it on `terraform show -json`.
    const planFile = join(run!.dir, 'change.tfplan');
    await tf.savePlan(planFile);
    const jsonFile = join(run!.dir, 'change.json');
    writeFileSync(jsonFile, await tf.showPlan(planFile));
    let stdout = '';
    const code = await planCheck([jsonFile, '--no-color'], { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stdout += t) }, env: {}, readStdin: () => '' });
    expect(stdout).not.toMatch(/plan-unreadable/);
    // The vendor switch in one plan deletes the old MX while creating the new: an MX gap (error).
    expect(stdout).toMatch(/error\s+plan-mx-gap\s+switch\.test\./);
    expect(stdout).toMatch(/warning\s+plan-vendor-switch-no-overlap\s+switch\.test\./);
    // In-place priority and TTL updates keep the MX published: no transition finding elsewhere.
    expect(stdout.match(/plan-(mx-gap|mx-removed|adopted-deleted|vendor-switch-no-overlap|mx-first-deploy)\s+(\S+)/g)?.map((m) => m.split(/\s+/)[1].replace(/:$/, ''))).toEqual(['switch.test.', 'switch.test.']);
    expect(code).toBe(1);

    // plan-check's Cloudflare fixture model (test/plan/plan-fixture.ts) predicts the same actions for every address.
    const secondJson = JSON.parse(readFileSync(join(tf.dir, 'cdk.tf.json'), 'utf8')) as StackJson;
    const fixture = planBetween(firstJson, secondJson, CLOUDFLARE) as { resource_changes: Array<{ address: string; change: { actions: string[] } }> };
    const actions = (list: Array<{ address: string; actions: readonly string[] }>) => Object.fromEntries(list.filter((c) => c.actions.join() !== 'no-op').map((c) => [c.address, c.actions.join('+')]));
    expect(actions(fixture.resource_changes.map((c) => ({ address: c.address, actions: c.change.actions })))).toEqual(actions(changes));
  }, 300_000);

  test('the change applies with no moment without MX where it updates in place; the API holds the new records; a re-plan is empty', async () => {
    const from = run!.api.writes.length;
    await timed('change-apply', () => tf.apply());
    const writes = run!.api.writes.slice(from);
    const mxAt = (domain: string) => writes.filter((w) => w.zoneId === zoneIdOf(domain)).map((w) => w.after.filter((r) => r.type === 'MX' && r.name === domain).length);
    for (const domain of ['own.test', 'null.test']) {
      expect(mxAt(domain).length).toBeGreaterThan(0);
      expect(mxAt(domain).every((n) => n > 0)).toBe(true);
    }
    // eslint-disable-next-line no-console
    console.log(`switch.test MX count after each write of the vendor switch: ${JSON.stringify(mxAt('switch.test'))}`);
    expectHeldAsDeclared();
    expect(await tf.plan()).toBe(0);
  }, 600_000);

  test('destroy leaves every zone empty', async () => {
    await timed('destroy', () => tf.destroy());
    for (const zone of ZONES) expect([zone.name, run!.api.records(zone.id)]).toEqual([zone.name, []]);
  }, 600_000);
}, ['cloudflare']);
