/**
 * One estate synth in a fresh process, for `npm run bench:estate`: the inventory at argv[2] in
 * stacks of at most argv[3] domains into argv[4]; writes { ms, peakRssMiB, stacks } to argv[5].
 */
import { writeFileSync } from 'node:fs';
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { App, LocalBackend } from 'cdktf';
import { MailEstate, readInventory } from '../lib';

const [inventory, shardSize, outdir, resultFile] = process.argv.slice(2) as [string, string, string, string];
const started = performance.now();
const app = new App({ outdir });
const estate = new MailEstate(app, 'estate', {
  domains: readInventory(inventory),
  shardSize: Number(shardSize),
  configureShard: (stack, shard) => {
    new CloudflareProvider(stack, 'cloudflare', {});
    new LocalBackend(stack, { path: `terraform.${shard.stackId}.tfstate` });
  },
});
app.synth();
estate.writeRecord(outdir);
const ms = Math.round(performance.now() - started);
writeFileSync(resultFile, JSON.stringify({ ms, peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024), stacks: estate.shards.length }));
