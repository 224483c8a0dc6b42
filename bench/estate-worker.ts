/**
 * One estate synth in a fresh process, for `npm run bench:estate` and `bench:estate-plan`: the
 * inventory at argv[2] in stacks of at most argv[3] domains into argv[4]; writes
 * { ms, peakRssMiB, stacks } to argv[5]. With argv[6], each stack's local state is
 * `<argv[6]>/<stack>.tfstate` and the Cloudflare provider is pinned to the version the deploy
 * tests install, so terraform can run the synth.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { App, LocalBackend } from 'cdktf';
import { MailEstate, readInventory } from '../lib';
import { providerPin } from '../test/real-dns/providers';

const [inventory, shardSize, outdir, resultFile, stateDir] = process.argv.slice(2) as [string, string, string, string, string | undefined];
const started = performance.now();
const app = new App({ outdir });
const estate = new MailEstate(app, 'estate', {
  domains: readInventory(inventory),
  shardSize: Number(shardSize),
  configureShard: (stack, shard) => {
    new CloudflareProvider(stack, 'cloudflare', {});
    new LocalBackend(stack, { path: stateDir === undefined ? `terraform.${shard.stackId}.tfstate` : join(stateDir, `${shard.stackId}.tfstate`) });
    if (stateDir !== undefined) stack.addOverride('terraform.required_providers.cloudflare.version', providerPin('cloudflare').version);
  },
});
app.synth();
estate.writeRecord(outdir);
const ms = Math.round(performance.now() - started);
writeFileSync(resultFile, JSON.stringify({ ms, peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024), stacks: estate.shards.length }));
