import { MxRecordSet } from '@cdktf/provider-dns/lib/mx-record-set';
import { DnsProvider } from '@cdktf/provider-dns/lib/provider';
import { TxtRecordSet } from '@cdktf/provider-dns/lib/txt-record-set';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../lib/cli/plan-check';
import { BindServer, startBind } from '../real-dns/bind';
import { terraformIn, TerraformWorkspace } from '../real-dns/terraform';
import { providerPin } from '../real-dns/providers';
import { describeWithTools } from '../real-dns/tools';

/*
 * plan-check on real plans: terraform + hashicorp/dns 3.6.1 (filesystem mirror) against BIND on
 * loopback. The stack is applied once; each case synthesizes a change, saves the real plan and
 * runs `cdktf-mx plan-check` on it (its JSON, the planfile itself, or the stack directory).
 */

const ZONE = 'plan.test';
const STACK = 'plan';
const OWN = [{ preference: 10, exchange: 'mx1.mail.example.net.' }, { preference: 20, exchange: 'mx2.mail.example.net.' }];

interface Variant {
  /** MX at the apex: the second exchange's preference. */
  readonly backup: number;
  /** Whether `old.plan.test` keeps its MX. */
  readonly keepOld: boolean;
  /** MX at `shop`: our own exchanges, or Google Workspace. */
  readonly shop: 'own' | 'google';
  /** TTL of the MX set at `slow` (ForceNew on hashicorp/dns). */
  readonly slowTtl: number;
}

const FIRST: Variant = { backup: 20, keepOld: true, shop: 'own', slowTtl: 300 };

function synth(outdir: string, statePath: string, v: Variant): string {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, STACK);
  new LocalBackend(stack, { path: statePath });
  new DnsProvider(stack, 'dns', {});
  stack.addOverride('terraform.required_providers.dns.version', providerPin('dns').version);
  const zone = `${ZONE}.`;
  new MxRecordSet(stack, 'apex', { zone, ttl: 300, mx: [OWN[0], { ...OWN[1], preference: v.backup }] });
  new TxtRecordSet(stack, 'spf', { zone, ttl: 300, txt: ['v=spf1 include:_spf.mail.example.net -all'] });
  new TxtRecordSet(stack, 'dmarc', { zone, name: '_dmarc', ttl: 300, txt: ['v=DMARC1; p=reject'] });
  if (v.keepOld) new MxRecordSet(stack, 'old', { zone, name: 'old', ttl: 300, mx: OWN });
  new MxRecordSet(stack, 'shop', { zone, name: 'shop', ttl: 300, mx: v.shop === 'own' ? OWN : [{ preference: 1, exchange: 'smtp.google.com.' }] });
  new MxRecordSet(stack, 'slow', { zone, name: 'slow', ttl: v.slowTtl, mx: OWN });
  app.synth();
  return join(outdir, 'stacks', STACK);
}

describeWithTools(['named', 'tsig-keygen', 'terraform'], 'plan-check on real hashicorp/dns plans against BIND', (tools) => {
  let bind: BindServer;
  let tf: TerraformWorkspace;
  let work: string;
  let outdir: string;
  let statePath: string;

  /** plan-check with `argv`, terraform's environment (mirror, data dir, DNS_UPDATE_*): exit code and output. */
  const planCheck = async (argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await run([...argv, '--no-color'], {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      env: tf.env,
      readStdin: () => '',
    });
    return { code, stdout, stderr };
  };

  /** Synthesize `v`, save its real plan, and write `terraform show -json` of it; returns both paths. */
  const planOf = async (v: Variant, label: string) => {
    synth(outdir, statePath, v);
    const planFile = join(tf.dir, `${label}.tfplan`);
    await tf.savePlan(planFile);
    const jsonFile = join(work, `${label}.json`);
    writeFileSync(jsonFile, await tf.showPlan(planFile));
    return { planFile, jsonFile };
  };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'cdktf-mx-plan-check-'));
    outdir = join(work, 'cdktf.out');
    statePath = join(work, 'terraform.tfstate');
    bind = await startBind(tools, [ZONE]);
    tf = terraformIn(tools.terraform, synth(outdir, statePath, FIRST), bind.updateEnv);
    await tf.init();
    await tf.apply();
  });

  afterAll(async () => {
    tf?.cleanup();
    await bind?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('an unchanged stack: no findings, exit 0', async () => {
    const { jsonFile } = await planOf(FIRST, 'same');
    const result = await planCheck([jsonFile, '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual([]);
    expect(result.code).toBe(0);
  });

  test('(a) removing the only MX of a name: plan-mx-removed, exit 1, naming the record and the fix', async () => {
    const { jsonFile } = await planOf({ ...FIRST, keepOld: false }, 'removed');
    const result = await planCheck([jsonFile]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('plan-mx-removed');
    expect(result.stdout).toContain(`old.${ZONE}. (RFC 2136 ${ZONE} via dns) loses every MX: dns_mx_record_set.old is deleted (MX 10 mx1.mail.example.net, MX 20 mx2.mail.example.net)`);
    expect(result.stdout).toContain('declare NullMx (MX 0 .)');
    const findings = JSON.parse((await planCheck([jsonFile, '--format', 'json'])).stdout) as Array<{ rule: string; severity: string; name: string; address?: string }>;
    expect(findings.map((f) => [f.rule, f.severity, f.name, f.address])).toEqual([['plan-mx-removed', 'error', `old.${ZONE}.`, 'dns_mx_record_set.old']]);
  });

  test('(a) the same check reading the saved planfile itself (plan-check runs terraform show -json)', async () => {
    const { planFile } = await planOf({ ...FIRST, keepOld: false }, 'removed-planfile');
    const result = await planCheck([planFile, '--format', 'json']);
    expect(result.stderr).toBe('');
    expect((JSON.parse(result.stdout) as Array<{ rule: string }>).map((f) => f.rule)).toEqual(['plan-mx-removed']);
    expect(result.code).toBe(1);
    // --rule turns it off like in lint.
    const off = await planCheck([planFile, '--rule', 'plan-mx-removed=off']);
    expect(off.stdout).toBe('No findings: 0 errors, 0 warnings, 0 infos\n');
    expect(off.code).toBe(0);
  });

  test('(b) a priority change updates the set in place: clean, exit 0', async () => {
    const { jsonFile } = await planOf({ ...FIRST, backup: 30 }, 'priority');
    const result = await planCheck([jsonFile, '--format', 'json']);
    expect(JSON.parse(result.stdout)).toEqual([]);
    expect(result.code).toBe(0);
  });

  test('(c) a vendor switch in one plan (own exchanges → Google Workspace): plan-vendor-switch-no-overlap warning pointing to MxMigration', async () => {
    const { jsonFile } = await planOf({ ...FIRST, shop: 'google' }, 'vendor');
    const result = await planCheck([jsonFile, '--format', 'json']);
    const findings = JSON.parse(result.stdout) as Array<{ rule: string; severity: string; name: string; message: string; address?: string }>;
    expect(findings.map((f) => [f.rule, f.severity, f.name, f.address])).toEqual([['plan-vendor-switch-no-overlap', 'warning', `shop.${ZONE}.`, 'dns_mx_record_set.shop']]);
    expect(findings[0].message).toContain('to Google Workspace');
    expect(findings[0].message).toContain('MxMigration');
    expect(result.code).toBe(0);
    expect((await planCheck([jsonFile, '--strict'])).code).toBe(1);
  });

  test('(d) a TTL change replaces the record set (delete, then create): plan-mx-gap, exit 1 — checked from the stack directory', async () => {
    synth(outdir, statePath, { ...FIRST, slowTtl: 600 });
    const result = await planCheck([tf.dir, '--format', 'json']);
    expect(result.stderr).toBe('');
    const findings = JSON.parse(result.stdout) as Array<{ rule: string; severity: string; name: string; message: string; address?: string }>;
    expect(findings.map((f) => [f.rule, f.severity, f.name, f.address])).toEqual([['plan-mx-gap', 'error', `slow.${ZONE}.`, 'dns_mx_record_set.slow']]);
    expect(findings[0].message).toContain('is replaced (forced by ttl): the set is deleted, then created');
    expect(result.code).toBe(1);
  });

  test('SARIF and GitHub output of a real plan name the rule, the record and the stack file', async () => {
    const { planFile } = await planOf({ ...FIRST, keepOld: false }, 'removed-formats');
    const sarif = await planCheck([planFile, '--format', 'sarif']);
    expect(sarif.code).toBe(1);
    const log = JSON.parse(sarif.stdout) as { version: string; runs: Array<{ results: Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } }; logicalLocations: Array<{ fullyQualifiedName: string }> }> }> }> };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results.map((r) => [r.ruleId, r.level, r.locations[0].logicalLocations[0].fullyQualifiedName])).toEqual([['plan-mx-removed', 'error', 'dns_mx_record_set.old']]);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toMatch(/stacks\/plan\/cdk\.tf\.json$/);
    const github = await planCheck([planFile, '--format', 'github']);
    expect(github.stdout).toMatch(/^::error file=[^,]*stacks\/plan\/cdk\.tf\.json,title=plan-mx-removed old\.plan\.test\.::old\.plan\.test\. \(RFC 2136 plan\.test via dns\) loses every MX/);
  });
}, ['dns']);
