import { GoogleWorkspaceMx } from '../../lib';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runImport } from '../../lib/cli/import';
import { run as planCheck } from '../../lib/cli/plan-check';
import { bigZone, FixtureZone, googleLegacy, microsoft, parked } from '../adopt/zones';
import { ApiZoneSeed } from '../support/cloudflare-api';
import { CloudflareDeploy, startCloudflareDeploy, stopCloudflareDeploy, synthCloudflareStack, terraformFor, zoneIdOf } from './cloudflare-deploy-fixtures';
import { providerPin } from './providers';
import { describeWithTools } from './tools';

/*
 * Adoption end to end through the REAL cloudflare/cloudflare provider: the loopback API seeded with
 * live zones → `cdktf-mx import --from cloudflare` → the generated app synthesized as a user runs it
 * (tsx) → `terraform plan` imports only (N to import, 0 to add, change or destroy) → apply → re-plan
 * empty, and the API saw no write. Then the first deploy WITHOUT import onto a zone with live mail:
 * what the provider says, and that the docs the user is pointed to name the way out.
 */

const ROOT = resolve(__dirname, '../..');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');

/** A Google zone whose DMARC holds `${` and whose SPF holds an SPF macro `%{i}`: text Terraform must not read as templates. */
const templates: ApiZoneSeed & { name: string } = {
  id: zoneIdOf('templates.example'),
  name: 'templates.example',
  records: [
    { id: 'c'.repeat(32), name: 'templates.example', type: 'MX', content: 'smtp.google.com', priority: 1, ttl: 3600 },
    { id: 'd'.repeat(32), name: 'templates.example', type: 'TXT', content: '"v=spf1 include:_spf.google.com exists:%{i}._spf.templates.example ~all"', ttl: 3600 },
    { id: 'e'.repeat(32), name: '_dmarc.templates.example', type: 'TXT', content: '"v=DMARC1; p=reject; rua=mailto:dmarc+${team}@templates.example"', ttl: 3600 },
  ],
};
const ADOPTED: ReadonlyArray<ApiZoneSeed & { name: string }> = [googleLegacy, microsoft, parked, bigZone, templates];

describeWithTools(['terraform'], 'adopting live Cloudflare zones: import → synth → terraform plan imports only → apply writes nothing', ({ terraform }) => {
  let run: CloudflareDeploy | undefined;
  beforeAll(async () => {
    run = await startCloudflareDeploy(ADOPTED);
  });
  afterAll(() => stopCloudflareDeploy(run));

  test.each(ADOPTED.map((z) => [z.name, z] as const))('%s', async (name, zone) => {
    const work = join(run!.dir, name);
    mkdirSync(work);
    symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');
    const file = join(work, 'mail.ts');
    let stderr = '';
    const code = await runImport([name, '--from', 'cloudflare', '--out', file, '--module', join(ROOT, 'lib/index')], {
      stdout: { write: () => true },
      stderr: { write: (t: string) => (stderr += t) },
      env: { CLOUDFLARE_API_TOKEN: run!.token, CLOUDFLARE_BASE_URL: run!.api.baseUrl },
    });
    expect({ code, stderr }).toEqual({ code: 0, stderr: expect.stringContaining('wrote') });
    const synth = spawnSync(process.execPath, [TSX, file], { cwd: work, encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1' }, timeout: 120_000 });
    expect({ status: synth.status, stderr: synth.stderr }).toEqual({ status: 0, stderr: expect.anything() });
    const stackDir = join(work, 'cdktf.out', 'stacks', 'mail');
    const json = JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8')) as { import?: unknown[]; terraform: { required_providers: { cloudflare: { version: string } } } };
    // The prebuilt binding pins the provider version it was generated from (5.14.0); the mirror holds the pinned one.
    json.terraform.required_providers.cloudflare.version = providerPin('cloudflare').version;
    writeFileSync(join(stackDir, 'cdk.tf.json'), JSON.stringify(json, null, 2));
    const imports = json.import ?? [];
    const mail = (zone as FixtureZone).records.filter((r) => (r as { mail?: boolean }).mail ?? true).length;
    expect(imports).toHaveLength(mail);

    const tf = terraformFor(run!, terraform, stackDir);
    await tf.init();
    const planned = await tf.savePlan(join(work, 'adopt.tfplan'));
    expect(planned.stdout).toContain(`Plan: ${mail} to import, 0 to add, 0 to change, 0 to destroy.`);
    await tf.apply();
    expect(await tf.plan()).toBe(0);
    expect(run!.api.writes).toEqual([]);
  }, 300_000);
}, ['cloudflare']);

describeWithTools(['terraform'], 'first deploy WITHOUT import onto zones with live mail records', ({ terraform }) => {
  /** The same MX as declared is live: the API refuses the create (81058). */
  const same: ApiZoneSeed = {
    id: zoneIdOf('live.example'),
    name: 'live.example',
    records: [{ name: 'live.example', type: 'MX', content: 'smtp.google.com', priority: 1, ttl: 1 }],
  };
  /** Google's legacy MX are live: the API accepts the declared MX beside them (two sets). */
  const other: ApiZoneSeed = { ...googleLegacy, id: zoneIdOf('legacy.example'), name: 'legacy.example', records: googleLegacy.records.filter((r) => r.type === 'MX').map((r) => ({ ...r, name: 'legacy.example' })) };
  let run: CloudflareDeploy | undefined;
  beforeAll(async () => {
    run = await startCloudflareDeploy([same, other]);
  });
  afterAll(() => stopCloudflareDeploy(run));

  test('plan-check names cdktf-mx import / adoptLiveRecords; apply then meets 81058 or leaves two MX sets, and docs/hosts.md says the way out', async () => {
    const stackDir = synthCloudflareStack(join(run!.dir, 'cdktf.out'), join(run!.dir, 'terraform.tfstate'), 'mail', (stack) => {
      new GoogleWorkspaceMx(stack, 'live', { zoneId: same.id, domain: same.name, ttl: 1 });
      new GoogleWorkspaceMx(stack, 'legacy', { zoneId: other.id, domain: other.name, ttl: 1 });
    });
    const tf = terraformFor(run!, terraform, stackDir);
    await tf.init();
    // What a pipeline runs before apply.
    const planFile = join(run!.dir, 'first.tfplan');
    await tf.savePlan(planFile);
    const jsonFile = join(run!.dir, 'first.json');
    writeFileSync(jsonFile, await tf.showPlan(planFile));
    let said = '';
    const io = { stdout: { write: (t: string) => (said += t) }, stderr: { write: (t: string) => (said += t) }, env: {}, readStdin: () => '' };
    await planCheck([jsonFile, '--no-color'], io);
    for (const domain of [same.name, other.name]) {
      const line = said.split('\n').find((l) => l.includes('plan-mx-first-deploy') && l.includes(domain));
      expect(line).toContain(`cdktf-mx import ${domain} --from <source>`);
      expect(line).toContain('adoptLiveRecords');
    }

    const failed = await tf.apply().then(
      () => '',
      (error: Error) => error.message.replace(/\s+/g, ' '),
    );
    expect(failed).toMatch(/"code":81058,"message":"An identical record already exists\."/);
    // Nothing was lost at live.example, and legacy.example now has two MX sets.
    expect(run!.api.records(same.id).map((r) => `${r.priority} ${r.content}`)).toEqual(['1 smtp.google.com']);
    expect(run!.api.records(other.id).filter((r) => r.type === 'MX')).toHaveLength(6);
    const hosts = readFileSync(join(ROOT, 'docs/hosts.md'), 'utf8');
    const entry = hosts.slice(hosts.indexOf('### An identical record already exists')).slice(0, 1800);
    expect(entry).toMatch(/two MX sets/);
    expect(entry).toMatch(/cdktf-mx import [^\n]*--from cloudflare/);
    expect(entry).toMatch(/adoptLiveRecords/);
  }, 300_000);
}, ['cloudflare']);
