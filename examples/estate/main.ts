import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { App, LocalBackend } from 'cdktf';
import { DEFAULT_SHARD_SIZE, MailEstate, MxInputError, readEstateRecord, readInventory } from '../../lib';

/**
 * An estate of many domains: the inventory file named by CDKTF_MX_INVENTORY (default: the
 * sample domains.csv beside this file), at most CDKTF_MX_SHARD_SIZE domains a stack (default
 * 250: a shard's refresh fits in Cloudflare's 1,200 API requests per 5 minutes).
 * CDKTF_MX_PREVIOUS_ESTATE names the mail-estate.json of the last deployed synth (the pipeline
 * keeps it): domains that changed stack since then move without a gap. Each stack gets the
 * Cloudflare provider (token from CLOUDFLARE_API_TOKEN at plan time) and its own state.
 */
const inventory = process.env.CDKTF_MX_INVENTORY || join(__dirname, 'domains.csv');
const shardSize = shardSizeFrom(process.env.CDKTF_MX_SHARD_SIZE);
const previousFile = process.env.CDKTF_MX_PREVIOUS_ESTATE;

const app = new App();
const estate = new MailEstate(app, 'estate', {
  domains: readInventory(inventory),
  shardSize,
  previous: previousFile && existsSync(previousFile) ? readEstateRecord(previousFile) : undefined,
  configureShard: (stack, shard) => {
    new CloudflareProvider(stack, 'cloudflare', {});
    // One state per stack; in a pipeline use a remote backend keyed by shard.stackId (S3Backend, CloudBackend, …).
    new LocalBackend(stack, { path: `terraform.${shard.stackId}.tfstate` });
  },
});
app.synth();
// The record the next synth reads as CDKTF_MX_PREVIOUS_ESTATE, and `cdktf-mx changed-stacks` compares.
estate.writeRecord(app.outdir);

function shardSizeFrom(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_SHARD_SIZE;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new MxInputError('CDKTF_MX_SHARD_SIZE', `a whole number of domains per stack, at least 1, not ${JSON.stringify(value)}`);
  return Number(value);
}
