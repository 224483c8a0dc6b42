import { DnsProvider } from '@cdktf/provider-dns/lib/provider';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MtaSts, MxRecords, Rfc2136Zone } from '../../lib';
import { run } from '../../lib/cli/plan-check';
import { BindServer, startBind } from '../real-dns/bind';
import { providerPin } from '../real-dns/providers';
import { terraformIn, TerraformWorkspace } from '../real-dns/terraform';
import { describeWithTools } from '../real-dns/tools';

/*
 * plan-check's MTA-STS rules on real plans: MxRecords and MtaSts on Rfc2136Zone → cdktf synth →
 * terraform (hashicorp/dns 3.6.1 from the filesystem mirror) applied to BIND; each case
 * synthesizes a change and plan-check plans it from the stack directory, reading the policy
 * from the stack's cdk.tf.json metadata.
 */

const ZONE = 'sts.test';
const STACK = 'sts';
const MX1 = { priority: 10, exchange: 'mx1.mail.example.net' };
const MX2 = { priority: 20, exchange: 'mx2.mail.example.net' };

interface Variant {
  readonly mx: ReadonlyArray<{ priority: number; exchange: string }>;
  readonly extraMx?: string[];
}

/** Synthesize the stack; validation skipped, as `cdktf synth` with the zone rules off writes a stack they would stop. */
function synth(outdir: string, statePath: string, v: Variant): string {
  const app = new App({ outdir, skipValidation: true });
  const stack = new TerraformStack(app, STACK);
  new LocalBackend(stack, { path: statePath });
  new DnsProvider(stack, 'dns', {});
  stack.addOverride('terraform.required_providers.dns.version', providerPin('dns').version);
  const zone = Rfc2136Zone.of(ZONE);
  new MxRecords(stack, 'mail', { zone, ttl: 300, records: [...v.mx] });
  new MtaSts(stack, 'sts', { zone, ttl: 300, mode: 'enforce', mx: ['mx1.mail.example.net'], ...(v.extraMx ? { extraMx: v.extraMx } : {}) });
  app.synth();
  return join(outdir, 'stacks', STACK);
}

describeWithTools(['named', 'tsig-keygen', 'terraform'], `plan-check MTA-STS rules on real hashicorp/dns ${providerPin('dns').version} plans against BIND`, (tools) => {
  let bind: BindServer | undefined;
  let tf: TerraformWorkspace | undefined;
  let work: string | undefined;
  let outdir = '';
  let statePath = '';

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'cdktf-mx-plan-sts-bind-'));
    outdir = join(work, 'cdktf.out');
    statePath = join(work, 'terraform.tfstate');
    bind = await startBind(tools, [ZONE]);
    tf = terraformIn(tools.terraform, synth(outdir, statePath, { mx: [MX1] }), bind.updateEnv);
    await tf.init();
    await tf.apply();
  }, 120_000);
  afterAll(async () => {
    tf?.cleanup();
    await bind?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** plan-check of the stack directory after synthesizing `v`: exit code and the MTA-STS findings. */
  const planCheck = async (v: Variant) => {
    const dir = synth(outdir, statePath, v);
    let stdout = '';
    let stderr = '';
    const code = await run([dir, '--format', 'json', '--rule', 'dmarc-missing=off'], { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env: tf!.env, readStdin: () => '' });
    if (stderr !== '') throw new Error(stderr);
    const findings = JSON.parse(stdout) as Array<{ rule: string; severity: string; name: string; message: string; address?: string }>;
    return { code, findings: findings.filter((f) => f.rule.includes('mta-sts-mx') || f.rule.startsWith('plan-mta-sts')) };
  };

  test('adding an MX the enforce policy does not list: plan-mta-sts-uncovered, exit 1', async () => {
    const { code, findings } = await planCheck({ mx: [MX1, MX2] });
    expect(findings.map((f) => [f.rule, f.severity, f.name, f.address])).toEqual([['plan-mta-sts-uncovered', 'error', `${ZONE}.`, 'dns_mx_record_set.mx__sts_test']]);
    expect(findings[0].message).toContain('MX mx2.mail.example.net is matched by no mx pattern of the enforce MTA-STS policy (sts/sts)');
    expect(findings[0].message).toContain('Add "mx: mx2.mail.example.net"');
    expect(code).toBe(1);
  }, 120_000);

  test('the same change with the host in the policy (extraMx): no MTA-STS finding', async () => {
    const { findings } = await planCheck({ mx: [MX1, MX2], extraMx: ['mx2.mail.example.net'] });
    expect(findings).toEqual([]);
  }, 120_000);
}, ['dns']);
