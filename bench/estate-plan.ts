/**
 * `npm run bench:estate-plan -- --domains=1000`: the plan after a one-domain change with the real
 * cloudflare/cloudflare provider against the loopback Cloudflare API (test/support), one stack
 * against stacks of 250: API requests and wall time of `terraform plan` (the refresh reads every
 * record of the stack), and of the first apply. No rate limit is applied: requests are counted, and
 * the time at Cloudflare's documented 1,200 requests per 5 minutes is requests / 4 s.
 * Needs terraform and the provider in .terraform-providers (npm run providers). Prints JSON lines.
 */
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { App, LocalBackend } from 'cdktf';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EstateDomain, MailEstate } from '../lib';
import { compareSynths } from '../lib/estate/changed-stacks';
import { providerPin } from '../test/real-dns/providers';
import { terraformIn, TerraformWorkspace } from '../test/real-dns/terraform';
import { cloudflareId, startCloudflareApi, testApiToken } from '../test/support/cloudflare-api';

const PRESETS = ['google-workspace', 'fastmail', 'null-mx', 'null-mx', 'proton-mail', 'zoho-mail', 'icloud-plus'];

async function main(): Promise<void> {
  const n = Number(process.argv.find((a) => a.startsWith('--domains='))?.slice(10) ?? 1000);
  const shardSizes = [n, 250];
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
    const workspaces: TerraformWorkspace[] = [];
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
      const tf = async (outdir: string, stack: string) => {
        const w = terraformIn(process.env.TERRAFORM ?? 'terraform', join(outdir, 'stacks', stack), { CLOUDFLARE_BASE_URL: api.baseUrl, CLOUDFLARE_API_TOKEN: token });
        workspaces.push(w);
        await w.init();
        return w;
      };
      const a = synth('a', false);
      let started = performance.now();
      for (const shard of a.estate.shards) await (await tf(a.outdir, shard.stackId)).apply();
      const applyMs = Math.round(performance.now() - started);
      const applyRequests = api.requests.length;
      const b = synth('b', true);
      const changed = compareSynths(a.outdir, b.outdir).changed.map((s) => s.name);
      const before = api.requests.length;
      started = performance.now();
      for (const stack of changed) await (await tf(b.outdir, stack)).plan();
      const planMs = Math.round(performance.now() - started);
      const planRequests = api.requests.length - before;
      process.stdout.write(`${JSON.stringify({ domains: n, layout: shardSize === n ? 'one stack' : `stacks of ${shardSize}`, stacks: a.estate.shards.length, records: zones.reduce((sum, z) => sum + api.records(z.id).length, 0), applyMs, applyRequests, changedStacks: changed.length, planMs, planRequests, planMinutesAtLimit: Math.round((planRequests / 4 / 60) * 10) / 10 })}\n`);
    } finally {
      for (const w of workspaces) w.cleanup();
      await api.close();
      rmSync(work, { recursive: true, force: true });
    }
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exitCode = 1;
});
