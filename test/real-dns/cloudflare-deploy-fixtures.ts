import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromCloudflareTxt } from '../../lib/cloudflare/txt';
import { TODAY_CONTEXT } from '../../lib';
import { ApiZoneSeed, CloudflareApi, startCloudflareApi, testApiToken } from '../support/cloudflare-api';
import { TODAY } from '../presets/examples';
import { providerPin } from './providers';
import { terraformIn, TerraformWorkspace } from './terraform';

/** A zone id as Cloudflare writes them (32 hex), derived from the domain so runs are repeatable. */
export function zoneIdOf(domain: string): string {
  return createHash('sha256').update(domain).digest('hex').slice(0, 32);
}

/**
 * Synthesize a stack named `name` into `outdir` with the user's Cloudflare provider as a real
 * app declares it: an empty `provider "cloudflare" {}` block (the provider reads
 * CLOUDFLARE_API_TOKEN and CLOUDFLARE_BASE_URL from the environment, so cdktf.out holds neither),
 * the version pinned to the one `npm run providers` installs. Returns the stack directory.
 */
export function synthCloudflareStack(outdir: string, statePath: string, name: string, build: (stack: TerraformStack) => void): string {
  const app = new App({ outdir, context: { [TODAY_CONTEXT]: TODAY } });
  const stack = new TerraformStack(app, name);
  new LocalBackend(stack, { path: statePath });
  new CloudflareProvider(stack, 'cloudflare', {});
  stack.addOverride('terraform.required_providers.cloudflare.version', providerPin('cloudflare').version);
  build(stack);
  app.synth();
  return join(outdir, 'stacks', name);
}

/** One deploy: the loopback API, a temp dir, terraform in the synthesized stack; all freed by {@link stopCloudflareDeploy}. */
export interface CloudflareDeploy {
  readonly api: CloudflareApi;
  readonly token: string;
  readonly dir: string;
  tf?: TerraformWorkspace;
}

/** Start the API with `zones`; a failure after the API started stops it before rethrowing. */
export async function startCloudflareDeploy(zones: readonly ApiZoneSeed[]): Promise<CloudflareDeploy> {
  const token = testApiToken();
  const api = await startCloudflareApi({ zones, token });
  try {
    return { api, token, dir: mkdtempSync(join(tmpdir(), 'cdktf-mx-cf-deploy-')) };
  } catch (error) {
    await api.close();
    throw error;
  }
}

/** terraform in `stackDir`, its provider pointed at the loopback API by the provider's own variables. */
export function terraformFor(run: CloudflareDeploy, terraform: string, stackDir: string): TerraformWorkspace {
  run.tf?.cleanup();
  run.tf = terraformIn(terraform, stackDir, { CLOUDFLARE_API_TOKEN: run.token, CLOUDFLARE_BASE_URL: run.api.baseUrl });
  return run.tf;
}

/** Stop everything a deploy started; safe on a half-started one. */
export async function stopCloudflareDeploy(run: CloudflareDeploy | undefined): Promise<void> {
  if (!run) return;
  run.tf?.cleanup();
  rmSync(run.dir, { recursive: true, force: true });
  await run.api.close();
}

/** A record reduced to what DNS serves: `name TYPE [priority] value ttl`, TXT text joined, host names without dot. */
export function servedLine(r: { name: string; type: string; content: string; priority?: number | null; ttl: number; comment?: string | null }): string {
  const value = r.type === 'TXT' ? JSON.stringify(fromCloudflareTxt(r.content)) : r.content.replace(/\.$/, '').toLowerCase();
  return `${r.name.replace(/\.$/, '').toLowerCase()} ${r.type}${r.type === 'MX' ? ` ${r.priority}` : ''} ${value} ttl=${r.ttl}${r.comment ? ` comment=${JSON.stringify(r.comment)}` : ''}`;
}

/** The records a synthesized stack declares, per zone id, as {@link servedLine}s (sorted). */
export function declaredRecords(stackDir: string): Map<string, string[]> {
  const json = JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8')) as {
    resource?: { cloudflare_dns_record?: Record<string, { zone_id: string; name: string; type: string; content?: string; data?: Record<string, unknown>; priority?: number; ttl: number; comment?: string }> };
  };
  const out = new Map<string, string[]>();
  for (const r of Object.values(json.resource?.cloudflare_dns_record ?? {})) {
    const list = out.get(r.zone_id) ?? [];
    // Terraform reads `$${` as a literal `${`.
    const unescape = (s: string) => s.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
    // A TLSA record is declared by its `data` block; the API serves the content derived from it (usage selector matching_type certificate).
    const content = r.content ?? (r.type === 'TLSA' && r.data ? `${r.data.usage} ${r.data.selector} ${r.data.matching_type} ${r.data.certificate}` : '');
    list.push(servedLine({ ...r, content: unescape(content), ...(r.comment !== undefined ? { comment: unescape(r.comment) } : {}) }));
    out.set(r.zone_id, list);
  }
  for (const list of out.values()) list.sort();
  return out;
}

/** What the API holds for a zone, as {@link servedLine}s (sorted). */
export function heldRecords(api: CloudflareApi, zoneId: string): string[] {
  return api.records(zoneId).map(servedLine).sort();
}
