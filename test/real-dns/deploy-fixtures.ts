import { DnsProvider } from '@cdktf/provider-dns/lib/provider';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { execFileSync } from 'node:child_process';
import { promises as dns } from 'node:dns';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BindServer, startBind } from './bind';
import { providerPin } from './providers';
import { terraformIn, TerraformWorkspace } from './terraform';

/**
 * A real 2048-bit RSA public key (SubjectPublicKeyInfo, base64), as a DKIM TXT carries it:
 * the record is 410 octets, so it must travel as two character-strings.
 */
export const DKIM_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtwIngPcH07jYqKjv2MdAqtAO85et6sRF8mVu998hDWO9GXFH/yRV1bVjqh2G+oOZraXTqvuMRKf10HeB58mLoXLreSUgp1aEMuSUMzzibg71EfIpKcABoQqasR5pjSsuEzVr5f9IEZ+1K0eY0MAIi6avngbqmjsgNE5X4JaE5FYjTjt2vjcUaywJUFkkS/AWGV5csdsMXwx8mPHZnAA+n8FkslD7KcbhZZyW5dv6Q4yrGGqgztpGhpxanEOhgcu7EYsQ45K/LUKDzwzqsUfCwlzHmkR+DZmTYQa9LYKmuc76Eat0Y6pk0PsfLQNdcErMzfaxbjsBQ8rken/EwCUkuQIDAQAB';

/** A TXT value in zone-file form as dig prints it: character-strings of at most 255 octets, quoted. */
export function txtRdata(value: string): string {
  return (value.match(/.{1,255}/gs) ?? ['']).map((chunk) => `"${chunk}"`).join(' ');
}

/** Every file below `dir`, recursively. */
export function filesBelow(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/**
 * What `zone` on `bind` holds besides its SOA, NS and the NS host's address, by AXFR with dig:
 * `name ttl TYPE rdata`, sorted. This is every record a deploy added, not only those asked for.
 */
export function servedRecords(dig: string, bind: BindServer, zone: string): string[] {
  const answer = execFileSync(dig, [`@${bind.address.split(':')[0]}`, '-p', String(bind.port), '+noall', '+answer', '+nocmd', 'AXFR', `${zone}.`], { encoding: 'utf8', timeout: 10_000 });
  const records = answer
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [name, ttl, , type, ...rdata] = line.split(/\s+/);
      return `${name} ${ttl} ${type} ${rdata.join(' ')}`;
    });
  expect(records.filter((r) => / SOA /.test(r))).toHaveLength(2); // a complete transfer opens and closes with the SOA
  return records.filter((r) => !/ (SOA|NS) /.test(r) && !r.startsWith(`ns1.${zone}. `)).sort();
}

/** One deploy test's world: a temporary directory, BIND with its zones, a resolver on it, terraform initialised in the stack. */
export interface DeployRun {
  readonly work: string;
  /** `<work>/cdktf.out`. */
  readonly outdir: string;
  /** Terraform state, outside cdktf.out: a re-synth never touches it, and secret checks read cdktf.out whole. */
  readonly statePath: string;
  readonly bind: BindServer;
  readonly resolver: dns.Resolver;
  readonly tf: TerraformWorkspace;
}

/**
 * Start BIND with `zones`, synthesize the first stack with `synth(outdir, statePath)` (returns the
 * stack directory) and `terraform init` there, with the provider's update settings from the environment.
 */
export async function startDeploy(
  tools: { named: string; 'tsig-keygen': string; terraform: string },
  zones: readonly string[],
  synth: (outdir: string, statePath: string) => string,
): Promise<DeployRun> {
  const work = mkdtempSync(join(tmpdir(), 'cdktf-mx-deploy-'));
  const outdir = join(work, 'cdktf.out');
  const statePath = join(work, 'terraform.tfstate');
  let bind: BindServer | undefined;
  let tf: TerraformWorkspace | undefined;
  try {
    bind = await startBind(tools, zones);
    const resolver = new dns.Resolver({ timeout: 2000, tries: 2 });
    resolver.setServers([bind.address]);
    tf = terraformIn(tools.terraform, synth(outdir, statePath), bind.updateEnv);
    await tf.init();
    return { work, outdir, statePath, bind, resolver, tf };
  } catch (error) {
    // A failed setup (no provider, a synth error, BIND refusing a zone) stops what it started: jest's afterAll gets no run to stop.
    tf?.cleanup();
    await bind?.stop();
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
}

/** Stop what {@link startDeploy} started and remove its files. */
export async function stopDeploy(run: DeployRun | undefined): Promise<void> {
  if (!run) return;
  run.tf.cleanup();
  await run.bind.stop();
  rmSync(run.work, { recursive: true, force: true });
}

/**
 * Synthesize a stack named `name` into `outdir` with `App.synth`, its state at `statePath` and the
 * user's hashicorp/dns provider (the prebuilt binding) with no `update` block: the provider reads
 * server, port and TSIG key from DNS_UPDATE_* variables. The binding pins 3.4.3; the version
 * is overridden with the one `npm run providers` installs (scripts/providers.json). `build` adds the records;
 * `skipValidation` writes the stack even when cdktf-mx's validation would refuse it (to deploy a hazard). Returns the stack directory.
 */
export function synthDnsStack(outdir: string, statePath: string, name: string, build: (stack: TerraformStack) => void, options: { skipValidation?: boolean } = {}): string {
  const app = new App({ outdir, ...(options.skipValidation ? { skipValidation: true } : {}) });
  const stack = new TerraformStack(app, name);
  new LocalBackend(stack, { path: statePath });
  new DnsProvider(stack, 'dns', {});
  stack.addOverride('terraform.required_providers.dns.version', providerPin('dns').version);
  build(stack);
  app.synth();
  return join(outdir, 'stacks', name);
}
