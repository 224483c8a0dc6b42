import { MxRecordSet } from '@cdktf/provider-dns/lib/mx-record-set';
import { DnsProvider } from '@cdktf/provider-dns/lib/provider';
import { App, LocalBackend, TerraformStack, TerraformVariable } from 'cdktf';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../lib/cli/plan-check';
import { BindServer, startBind } from '../real-dns/bind';
import { terraformIn, TerraformWorkspace } from '../real-dns/terraform';
import { providerPin } from '../real-dns/providers';
import { describeWithTools } from '../real-dns/tools';

/*
 * P2 of issue 19 on a real plan: zone `two.test` on two BIND servers, prod and staging, each
 * through its own hashicorp/dns provider configuration (`dns.prod`, `dns.staging`; the TSIG secrets
 * reach terraform as TF_VAR_* only). Deleting the only MX of the prod zone while staging keeps
 * its own (same name) exited 0; plan-check now keys the zone by its provider configuration too.
 */

const ZONE = 'two.test';
const STACK = 'two';
const ENVS = ['prod', 'staging'] as const;

function synth(outdir: string, statePath: string, servers: Record<(typeof ENVS)[number], BindServer>, keepProd: boolean): string {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, STACK);
  new LocalBackend(stack, { path: statePath });
  stack.addOverride('terraform.required_providers.dns.version', providerPin('dns').version);
  for (const env of ENVS) {
    const server = servers[env];
    const secret = new TerraformVariable(stack, `${env}_key_secret`, { type: 'string', sensitive: true });
    const provider = new DnsProvider(stack, `dns-${env}`, {
      alias: env,
      update: [{ server: '127.0.0.1', port: server.port, keyName: server.key.name, keyAlgorithm: server.key.algorithm, keySecret: secret.stringValue }],
    });
    if (env === 'staging' || keepProd) new MxRecordSet(stack, `${env}-mx`, { provider, zone: `${ZONE}.`, ttl: 300, mx: [{ preference: 10, exchange: `mx.${env}.example.net.` }] });
  }
  app.synth();
  return join(outdir, 'stacks', STACK);
}

describeWithTools(['named', 'tsig-keygen', 'terraform'], 'plan-check on a real plan: one zone name on two BIND servers (prod, staging)', (tools) => {
  const servers: Partial<Record<(typeof ENVS)[number], BindServer>> = {};
  let tf: TerraformWorkspace | undefined;
  let work: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'cdktf-mx-two-zones-'));
    for (const env of ENVS) servers[env] = await startBind(tools, [ZONE]);
    const both = servers as Record<(typeof ENVS)[number], BindServer>;
    tf = terraformIn(tools.terraform, synth(join(work, 'cdktf.out'), join(work, 'terraform.tfstate'), both, true), {
      TF_VAR_prod_key_secret: both.prod.key.secret,
      TF_VAR_staging_key_secret: both.staging.key.secret,
    });
    await tf.init();
    await tf.apply();
  });

  afterAll(async () => {
    tf?.cleanup();
    for (const env of ENVS) await servers[env]?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('deleting the only MX of the prod zone while staging keeps its own: plan-mx-removed naming prod, exit 1', async () => {
    synth(join(work, 'cdktf.out'), join(work, 'terraform.tfstate'), servers as Record<(typeof ENVS)[number], BindServer>, false);
    const changes = await tf!.planChanges();
    expect(changes.map((c) => [c.address, c.actions])).toEqual([['dns_mx_record_set.prod-mx', ['delete']]]);
    let stdout = '';
    let stderr = '';
    const code = await run([tf!.dir, '--format', 'json', '--no-color', '--rule', 'dmarc-missing=off'], {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      env: tf!.env,
      readStdin: () => '',
    });
    expect(stderr).toBe('');
    const findings = (JSON.parse(stdout) as Array<{ rule: string; severity: string; name: string; message: string; address?: string }>).filter((f) => f.rule.startsWith('plan-'));
    expect(findings.map((f) => [f.rule, f.severity, f.name, f.address])).toEqual([['plan-mx-removed', 'error', `${ZONE}.`, 'dns_mx_record_set.prod-mx']]);
    // A deleted resource is no longer in the plan's configuration, so its provider configuration is
    // not known (three configurations of hashicorp/dns here): its zone is told apart from staging's
    // (`via dns.staging`), never merged with it.
    expect(findings[0].message).toContain(`${ZONE}. (RFC 2136 ${ZONE}) loses every MX`);
    expect(code).toBe(1);
  });
}, ['dns']);
