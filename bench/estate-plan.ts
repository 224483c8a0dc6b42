/**
 * `npm run bench:estate-plan -- --domains=1000 [--shard-size=250]`: the plan after a one-domain change with the real
 * cloudflare/cloudflare provider against the loopback Cloudflare API (test/support), one stack
 * against stacks of 250: API requests and wall time of `terraform plan` (the refresh reads every
 * record of the stack), and of the first apply. No rate limit is applied: requests are counted, and
 * the time at Cloudflare's documented 1,200 requests per 5 minutes is requests / 4 s.
 * Needs terraform and the provider in .terraform-providers (npm run providers). Prints JSON lines.
 */
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { App, LocalBackend } from 'cdktf';
import { mkdtempSync, rmSync } from 'node:fs';

/** terraform in a stack directory with the mirror's providers, no time limit (a 3,000-record apply takes minutes). */
function terraformRunner(work: string, env: Record<string, string>) {
  const home = join(work, 'terraform-home');
  mkdirSync(join(home, 'plugin-cache'), { recursive: true });
  writeFileSync(join(home, 'terraform.rc'), cliConfig(join(home, 'plugin-cache'), PROVIDER_MIRROR, ['registry.terraform.io/cloudflare/cloudflare']));
  const runEnv = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TF_'))), CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_CLI_CONFIG_FILE: join(home, 'terraform.rc'), ...env };
  return (dir: string, args: string[], ok: number[] = [0]) => new Promise<number>((done, fail) => {
    execFile(process.env.TERRAFORM ?? 'terraform', args, { cwd: dir, env: { ...runEnv, TF_DATA_DIR: join(dir, '.terraform-bench') }, maxBuffer: 1 << 28 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      if (ok.includes(code)) done(code);
      else fail(new Error(`terraform ${args.join(' ')} exited ${code} in ${dir}:\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`));
    });
  });
}
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EstateDomain, MailEstate } from '../lib';
import { compareSynths } from '../lib/estate/changed-stacks';
import { providerPin } from '../test/real-dns/providers';
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cliConfig } from '../test/real-dns/terraform';
import { PROVIDER_MIRROR } from '../test/real-dns/providers';
import { cloudflareId, startCloudflareApi, testApiToken } from '../test/support/cloudflare-api';

const PRESETS = ['google-workspace', 'fastmail', 'null-mx', 'null-mx', 'proton-mail', 'zoho-mail', 'icloud-plus'];

async function main(): Promise<void> {
  const n = Number(process.argv.find((a) => a.startsWith('--domains='))?.slice(10) ?? 1000);
  const shardSize = Number(process.argv.find((a) => a.startsWith('--shard-size='))?.slice(13) ?? 250);
  const shardSizes = [n, shardSize];
  const zones = Array.from({ length: n }, (_, i) => ({ id: cloudflareId(), name: `domain-${String(i).padStart(5, '0')}.example` }));
  const domains = (changed: boolean): EstateDomain[] => zones.map((z, i) => {
    let preset = PRESETS[i % PRESETS.length]!;
    if (changed && i === Math.floor(n / 2)) preset = preset === 'fastmail' ? 'google-workspace' : 'fastmail';
    return { domain: z.name, zoneId: z.id, preset, ...(preset === 'zoho-mail' ? { region: 'eu' } : {}), companions: preset === 'null-mx' ? { spf: true, dmarc: true } : { spf: true } };
  });
  for (const shardSize of shardSizes) {
    const work = mkdtempSync(join(tmpdir(), 'cdktf-mx-bench-plan-'));
    const token = testApiToken();
    const api = await startCloudflareApi({ token, zones: zones.map((z) => ({ ...z, records: [] })) });
    const terraform = terraformRunner(work, { CLOUDFLARE_BASE_URL: api.baseUrl, CLOUDFLARE_API_TOKEN: token });
    try {
      const synth = (name: string, changed: boolean) => {
        const outdir = join(work, name);
        const app = new App({ outdir });
        const estate = new MailEstate(app, 'estate', {
          domains: domains(changed), shardSize,
          configureShard: (stack, shard) => {
            new LocalBackend(stack, { path: join(work, `${shard.stackId}.tfstate`) });
            new CloudflareProvider(stack, 'cloudflare', {});
            stack.addOverride('terraform.required_providers.cloudflare.version', providerPin('cloudflare').version);
          },
        });
        app.synth();
        estate.writeRecord(outdir);
        return { estate, outdir };
      };
      const stackDir = (outdir: string, stack: string) => join(outdir, 'stacks', stack);
      const a = synth('a', false);
      let started = performance.now();
      for (const shard of a.estate.shards) {
        if (shard.domains.length === 0) continue;
        await terraform(stackDir(a.outdir, shard.stackId), ['init', '-no-color', '-input=false']);
        await terraform(stackDir(a.outdir, shard.stackId), ['apply', '-no-color', '-input=false', '-auto-approve']);
      }
      const applyMs = Math.round(performance.now() - started);
      const applyRequests = api.requests.length;
      const b = synth('b', true);
      const changed = compareSynths(a.outdir, b.outdir).changed.map((s) => s.name);
      for (const stack of changed) await terraform(stackDir(b.outdir, stack), ['init', '-no-color', '-input=false']);
      const before = api.requests.length;
      started = performance.now();
      for (const stack of changed) await terraform(stackDir(b.outdir, stack), ['plan', '-no-color', '-input=false', '-detailed-exitcode'], [2]);
      const planMs = Math.round(performance.now() - started);
      const planRequests = api.requests.length - before;
      process.stdout.write(`${JSON.stringify({ domains: n, layout: shardSize === n ? 'one stack' : `stacks of ${shardSize}`, stacks: a.estate.shards.length, records: zones.reduce((sum, z) => sum + api.records(z.id).length, 0), applyMs, applyRequests, changedStacks: changed.length, planMs, planRequests, planMinutesAtLimit: Math.round((planRequests / 4 / 60) * 10) / 10 })}\n`);
    } finally {
      await api.close();
      rmSync(work, { recursive: true, force: true });
    }
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exitCode = 1;
});
