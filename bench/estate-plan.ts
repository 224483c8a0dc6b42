/**
 * `npm run bench:estate-plan`: the real cloudflare/cloudflare provider (5.22.0) through terraform
 * against the loopback Cloudflare API (test/support) with Cloudflare's documented rate limit
 * (1,200 requests per 5 minutes per token, then every call blocked for 5 minutes) sped up by
 * `--rate-scale`: one stack against stacks of `--shard-size` (default 250, MailEstate's default).
 * Per size and layout: (a) the plan after a one-domain change (only the stacks `compareSynths`
 * lists), (b) a full refresh (every stack planned with no change), (c) synth: API requests, 429s,
 * wall time, the part of it spent blocked, and peak memory of terraform (GNU time, the largest
 * process: terraform or the provider) and of synth.
 *
 * Time: the window and the block are divided by the scale, terraform and provider work is not. So
 * `waitedMs` (the blocks, measured) is scaled back (× scale) and `otherMs` (the rest) is not:
 * `realMs = otherMs + waitedMs × scale` is the time against Cloudflare. A scale is faithful only if
 * terraform still spends 1,200 requests within one scaled window: `windowsEndedUnderQuota` counts
 * windows that ran out mid-phase before the quota did (0 means the scale did not hide a block).
 * Each phase starts in a fresh window (the limiter is reset, as after 5 idle minutes).
 *
 * Seeding, not rate-limited (its requests and time are reported): the shard stacks are applied
 * (real creates); the single stack's state is the shard states merged into one file (the
 * addresses are the same in both layouts: checked), which its full refresh then confirms with
 * "no changes".
 *
 *   npm run bench:estate-plan -- --sizes=200 --shard-size=50           a quick look
 *   npm run bench:estate-plan -- --sizes=1000,10000 [--rate-scale=10] [--single-refresh-max=1000]
 * --single-refresh-max=N runs (b) for one stack only up to N domains: there (a) already reads
 * every record (default: every size).
 * Needs terraform and the provider (npm run providers). Writes bench/estate-plan-results.json
 * after each size; prints JSON lines.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { compareSynths } from '../lib/estate/changed-stacks';
import { cliConfig } from '../test/real-dns/terraform';
import { PROVIDER_MIRROR } from '../test/real-dns/providers';
import { CloudflareApi, startCloudflareApi, testApiToken } from '../test/support/cloudflare-api';
import { estateInventory, estateZone } from './estate-inventory';
import { EstateSynth, synthEstate } from './estate-synth';

const ROOT = resolve(__dirname, '..');
const RESULTS = join(ROOT, 'bench', 'estate-plan-results.json');

function flag(name: string): string | undefined {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

const log = (message: string) => process.stderr.write(`[bench:estate-plan ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

/** terraform under GNU time in a stack directory with the mirror's providers, no time limit; resolves to its peak RSS in MiB. */
function terraformRunner(work: string, env: Record<string, string>) {
  const home = join(work, 'terraform-home');
  mkdirSync(join(home, 'plugin-cache'), { recursive: true });
  writeFileSync(join(home, 'terraform.rc'), cliConfig(join(home, 'plugin-cache'), PROVIDER_MIRROR, ['registry.terraform.io/cloudflare/cloudflare']));
  const runEnv = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TF_'))), CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_CLI_CONFIG_FILE: join(home, 'terraform.rc'), ...env };
  const timeFile = join(work, 'time.out');
  return (dir: string, args: string[], ok: number[] = [0]) =>
    new Promise<number>((done, fail) => {
      const command = ['-f', '%M', '-o', timeFile, process.env.TERRAFORM ?? 'terraform', ...args, '-no-color', '-input=false'];
      execFile('/usr/bin/time', command, { cwd: dir, env: { ...runEnv, TF_DATA_DIR: join(dir, '.terraform-bench') }, maxBuffer: 1 << 28 }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        if (!ok.includes(code)) return fail(new Error(`terraform ${args.join(' ')} exited ${code} in ${dir}:\n${stdout.slice(-3000)}\n${stderr.slice(-3000)}`));
        done(Math.round(Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop()) / 1024));
      });
    });
}
type Terraform = ReturnType<typeof terraformRunner>;

/** What one phase cost: requests the API saw, 429s, wall time and the blocks within it, terraform's peak RSS. */
interface Phase {
  readonly stacks: number;
  readonly requests: number;
  readonly refused: number;
  readonly blocks: number;
  readonly ms: number;
  readonly waitedMs: number;
  /** Terraform and provider time: wall time minus the blocks (not scaled). */
  readonly otherMs: number;
  /** The time against Cloudflare: otherMs + waitedMs × scale. */
  readonly realMs: number;
  readonly windowsEndedUnderQuota: number;
  readonly terraformPeakMiB: number;
}

/** Run `commands` (one per stack) in a fresh rate-limit window and measure them as one phase. */
async function phase(api: CloudflareApi, scale: number, commands: Array<() => Promise<number>>): Promise<Phase> {
  const limiter = api.rateLimiter!;
  limiter.reset();
  const firstWindow = limiter.windows.length;
  const before = { requests: api.requests.length, refused: limiter.refused };
  const started = Date.now();
  let peak = 0;
  for (const command of commands) peak = Math.max(peak, await command());
  const ended = Date.now();
  const windows = limiter.windows.slice(firstWindow);
  const blocks = windows.flatMap((w) => (w.block ? [w.block] : []));
  const waitedMs = blocks.reduce((sum, b) => sum + Math.min(b.until, ended) - b.from, 0);
  const ms = ended - started;
  return {
    stacks: commands.length, requests: api.requests.length - before.requests, refused: limiter.refused - before.refused, blocks: blocks.length,
    ms, waitedMs, otherMs: ms - waitedMs, realMs: ms - waitedMs + waitedMs * scale,
    windowsEndedUnderQuota: windows.slice(0, -1).filter((w) => !w.block).length, terraformPeakMiB: peak,
  };
}

/** Every resource address (`type.name`) a synth's stacks declare. */
function addresses(outdir: string): string[] {
  const out: string[] = [];
  for (const stack of readdirSync(join(outdir, 'stacks'))) {
    const json = JSON.parse(readFileSync(join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8')) as { resource?: Record<string, Record<string, unknown>> };
    for (const [type, byName] of Object.entries(json.resource ?? {})) for (const name of Object.keys(byName)) out.push(`${type}.${name}`);
  }
  return out.sort();
}

/** One local state holding every resource of `states` (Terraform state format 4). */
function mergeStates(states: string[], into: string): void {
  const parsed = states.map((file) => JSON.parse(readFileSync(file, 'utf8')) as { version: number; terraform_version: string; resources: unknown[] });
  const merged = { version: 4, terraform_version: parsed[0]!.terraform_version, serial: 1, lineage: randomUUID(), outputs: {}, resources: parsed.flatMap((s) => s.resources), check_results: null };
  writeFileSync(into, JSON.stringify(merged));
}

async function measure(n: number, shardSize: number, scale: number, singleRefresh: boolean) {
  const work = mkdtempSync(join(tmpdir(), 'cdktf-mx-bench-plan-'));
  const token = testApiToken();
  const zones = Array.from({ length: n }, (_, i) => ({ ...estateZone(i), records: [] }));
  const api = await startCloudflareApi({ token, zones, rateLimit: { scale } });
  try {
    const terraform: Terraform = terraformRunner(work, { CLOUDFLARE_BASE_URL: api.baseUrl, CLOUDFLARE_API_TOKEN: token });
    const csv = { a: join(work, 'a.csv'), b: join(work, 'b.csv') };
    writeFileSync(csv.a, estateInventory(n, false));
    writeFileSync(csv.b, estateInventory(n, true));
    const layouts = [
      { layout: `stacks of ${shardSize}`, size: shardSize, key: 'shards' },
      { layout: 'one stack', size: n, key: 'single' },
    ].map((l) => {
      const states = join(work, `${l.key}-state`);
      mkdirSync(states);
      log(`${n}: synth ${l.layout}`);
      const a = synthEstate(work, csv.a, l.size, `${l.key}-a`, states);
      return { ...l, states, a, stackIds: readdirSync(join(a.outdir, 'stacks')).sort() };
    });
    const [shards, single] = layouts as [(typeof layouts)[0], (typeof layouts)[0]];
    if (addresses(shards.a.outdir).join('\n') !== addresses(single.a.outdir).join('\n')) throw new Error('the two layouts declare different resource addresses: cannot merge states');

    api.rateLimiter!.enabled = false;
    log(`${n}: seeding: applying ${shards.stackIds.length} shard stacks`);
    let started = Date.now();
    let requests = api.requests.length;
    for (const stack of shards.stackIds) {
      const dir = join(shards.a.outdir, 'stacks', stack);
      await terraform(dir, ['init']);
      await terraform(dir, ['apply', '-auto-approve']);
    }
    const seedApply = { stacks: shards.stackIds.length, requests: api.requests.length - requests, ms: Date.now() - started };
    started = Date.now();
    mergeStates(shards.stackIds.map((s) => join(shards.states, `${s}.tfstate`)), join(single.states, `${single.stackIds[0]}.tfstate`));
    const seedMergeMs = Date.now() - started;
    for (const stack of single.stackIds) await terraform(join(single.a.outdir, 'stacks', stack), ['init']);
    api.rateLimiter!.enabled = true;
    const records = zones.reduce((sum, z) => sum + api.records(z.id).length, 0);

    const rows = [];
    for (const l of [single, shards]) {
      log(`${n}: ${l.layout}: synth after a one-domain change`);
      const b = synthEstate(work, csv.b, l.size, `${l.key}-b`, l.states);
      const changed = compareSynths(l.a.outdir, b.outdir).changed.map((s) => s.name);
      for (const stack of changed) await terraform(join(b.outdir, 'stacks', stack), ['init']);
      log(`${n}: ${l.layout}: (a) plan of ${changed.join(', ')}`);
      const oneChange = await phase(api, scale, changed.map((stack) => () => terraform(join(b.outdir, 'stacks', stack), ['plan', '-detailed-exitcode'], [2])));
      log(`${n}: ${l.layout}: (a) ${JSON.stringify(oneChange)}`);
      let fullRefresh: Phase | null = null;
      if (l === shards || singleRefresh) {
        log(`${n}: ${l.layout}: (b) full refresh of ${l.stackIds.length} stacks`);
        fullRefresh = await phase(api, scale, l.stackIds.map((stack) => () => terraform(join(l.a.outdir, 'stacks', stack), ['plan', '-detailed-exitcode'])));
        log(`${n}: ${l.layout}: (b) ${JSON.stringify(fullRefresh)}`);
      }
      const synth: EstateSynth = l.a.result;
      rows.push({ domains: n, layout: l.layout, stacks: l.stackIds.length, records, synth, changedStacks: changed, oneChange, fullRefresh });
      rmSync(b.outdir, { recursive: true, force: true });
    }
    return { domains: n, records, seed: { apply: seedApply, singleStateMergeMs: seedMergeMs }, rows };
  } finally {
    await api.close();
    rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const sizes = (flag('sizes') ?? flag('domains') ?? '1000,10000').split(',').map(Number);
  const shardSize = Number(flag('shard-size') ?? 250);
  const scale = Number(flag('rate-scale') ?? 10);
  const singleRefreshMax = Number(flag('single-refresh-max') ?? Infinity);
  if ([...sizes, shardSize].some((v) => !Number.isInteger(v) || v < 1) || !(scale >= 1)) throw new Error('--sizes and --shard-size take positive whole numbers, --rate-scale a number ≥ 1');
  const results = {
    date: new Date().toISOString(),
    loadavgAtStart: loadavg().map((l) => Math.round(l * 10) / 10),
    loadavgAtEnd: [] as number[],
    rateLimit: { requests: 1200, windowSeconds: 300, scale, meaning: `1,200 requests per ${300 / scale} s, then every call blocked ${300 / scale} s; realMs = otherMs + waitedMs × ${scale}` },
    provider: 'cloudflare/cloudflare 5.22.0, terraform plan -parallelism=10 (default)',
    sizes: [] as unknown[],
  };
  for (const n of sizes) {
    const size = await measure(n, shardSize, scale, n <= singleRefreshMax);
    results.sizes.push(size);
    results.loadavgAtEnd = loadavg().map((l) => Math.round(l * 10) / 10);
    writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(size)}\n`);
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exitCode = 1;
});
