// Issue 20 items 1-3: examples/estate synthesized by the real `cdktf synth` CLI (then by the app itself) from the inventory
// named by CDKTF_MX_INVENTORY; `cdktf-mx changed-stacks` on two real synths (one domain changed:
// exactly one stack); a pinned domain moves with the handshake and changes exactly two stacks.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBin } from '../cli/bin';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'estate');
const SAMPLE = readFileSync(join(EXAMPLE, 'domains.csv'), 'utf8');

/**
 * Synthesize examples/estate into `outdir` with the estate's environment: with `cli`, the real
 * `cdktf synth` in examples/estate (its cdktf.json); otherwise the app itself (`npx tsx main.ts`
 * with CDKTF_OUTDIR, as cdktf synth runs it), which skips the CLI's start-up.
 */
function synth(outdir: string, env: Record<string, string>, cli = false): { status: number | null; output: string } {
  const [command, args] = cli ? ['npx', ['cdktf', 'synth', '--output', outdir]] : ['npx', ['tsx', 'main.ts']];
  const result = spawnSync(command, args, {
    cwd: EXAMPLE,
    env: { ...process.env, CHECKPOINT_DISABLE: '1', CI: 'true', FORCE_COLOR: '0', ...(cli ? {} : { CDKTF_OUTDIR: outdir }), ...env },
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

const stackJson = (out: string, stack: string) => JSON.parse(readFileSync(join(out, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
const record = (out: string) => JSON.parse(readFileSync(join(out, 'mail-estate.json'), 'utf8')) as { shards: number; domains: Record<string, { stack: string; addresses: string[] }> };

describe('examples/estate with the real cdktf synth', () => {
  let dir: string;
  const out = (name: string) => join(dir, name);
  let first: ReturnType<typeof synth>;
  let second: ReturnType<typeof synth>;
  let third: ReturnType<typeof synth>;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-estate-'));
    writeFileSync(join(dir, 'v1.csv'), SAMPLE);
    // One domain changes vendor.
    writeFileSync(join(dir, 'v2.csv'), SAMPLE.replace(/^proton\.example,([0-9a-f]+),proton-mail,/m, 'proton.example,$1,fastmail,'));
    first = synth(out('v1'), { CDKTF_MX_INVENTORY: join(dir, 'v1.csv'), CDKTF_MX_SHARD_SIZE: '4' }, true);
    second = synth(out('v2'), { CDKTF_MX_INVENTORY: join(dir, 'v2.csv'), CDKTF_MX_SHARD_SIZE: '4' });
    // shop.example pinned to another shard, with the first synth's record as the previous one.
    const from = Number(record(out('v1')).domains['shop.example']!.stack.split('-').pop());
    const pin = (from + 1) % record(out('v1')).shards;
    writeFileSync(join(dir, 'v3.csv'), SAMPLE.replace(/^(shop\.example,[0-9a-f]+,fastmail,,,)(,)/m, `$1${pin}$2`));
    third = synth(out('v3'), { CDKTF_MX_INVENTORY: join(dir, 'v3.csv'), CDKTF_MX_SHARD_SIZE: '4', CDKTF_MX_PREVIOUS_ESTATE: join(out('v1'), 'mail-estate.json') });
  }, 600_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('every domain of the inventory is in exactly one stack of at most 4 domains', () => {
    expect(first.status).toBe(0);
    const { domains, shards } = record(out('v1'));
    expect(Object.keys(domains).sort()).toEqual(SAMPLE.trim().split('\n').slice(1).map((line) => line.split(',')[0]).sort());
    const perStack = new Map<string, string[]>();
    for (const [domain, { stack }] of Object.entries(domains)) perStack.set(stack, [...(perStack.get(stack) ?? []), domain]);
    expect(Math.max(...[...perStack.values()].map((d) => d.length))).toBeLessThanOrEqual(4);
    expect(shards).toBeGreaterThanOrEqual(3);
    for (const [stack, names] of perStack) {
      const json = stackJson(out('v1'), stack);
      const mxNames = new Set(Object.values(json.resource.cloudflare_dns_record as Record<string, { type: string; name: string }>).filter((r) => r.type === 'MX').map((r) => r.name));
      expect(mxNames).toEqual(new Set(names));
      expect(json.provider.cloudflare).toEqual([{}]);
      expect(json.terraform.backend.local.path).toBe(`terraform.${stack}.tfstate`);
    }
    // The pinned domain (shard column) is where it was pinned.
    expect(domains['legacy.example']!.stack).toBe('mail-shard-0');
  });

  test('changed-stacks: one domain changed vendor -> exactly its stack (text and --format json)', async () => {
    expect(second.status).toBe(0);
    const stack = record(out('v1')).domains['proton.example']!.stack;
    const text = await runBin(['changed-stacks', out('v1'), out('v2')]);
    expect(text).toEqual({ code: 0, stdout: `${stack}\n`, stderr: '' });
    const json = await runBin(['changed-stacks', out('v1'), out('v2'), '--format', 'json']);
    expect(JSON.parse(json.stdout)).toEqual([stack]);
  });

  test('changed-stacks: the same synth twice -> nothing; from an empty old synth -> every stack', async () => {
    expect(await runBin(['changed-stacks', out('v1'), out('v1')])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((await runBin(['changed-stacks', out('v1'), out('v1'), '--format=json'])).stdout).toBe('[]\n');
    const empty = join(dir, 'empty');
    rmSync(empty, { recursive: true, force: true });
    require('node:fs').mkdirSync(empty);
    writeFileSync(join(empty, 'manifest.json'), JSON.stringify({ version: '0.21.0', stacks: {} }));
    const all = await runBin(['changed-stacks', empty, out('v1')]);
    expect(all.stdout.trim().split('\n').sort()).toEqual(Object.keys(JSON.parse(readFileSync(join(out('v1'), 'manifest.json'), 'utf8')).stacks).sort());
  });

  test('a pinned domain moves with the handshake: each old stack releases, each new one imports; only those stacks change', async () => {
    expect(third.status).toBe(0);
    const v1 = record(out('v1')).domains;
    const v3 = record(out('v3')).domains;
    expect(v3['shop.example']!.stack).not.toBe(v1['shop.example']!.stack);
    // The pin may also fill a shard past 4 domains: then the count grows and about 1/(N+1) of the domains move too, each with the handshake.
    const moved = Object.keys(v3).filter((domain) => v3[domain]!.stack !== v1[domain]!.stack);
    const released = new Map<string, string[]>();
    const imported = new Map<string, string[]>();
    for (const domain of moved) {
      released.set(v1[domain]!.stack, [...(released.get(v1[domain]!.stack) ?? []), ...v1[domain]!.addresses]);
      imported.set(v3[domain]!.stack, [...(imported.get(v3[domain]!.stack) ?? []), ...v3[domain]!.addresses]);
    }
    for (const [stack, addresses] of released) {
      expect(stackJson(out('v3'), stack).removed).toEqual(addresses.sort().map((from) => ({ from, lifecycle: { destroy: false } })));
    }
    for (const [stack, addresses] of imported) {
      expect((stackJson(out('v3'), stack).import as Array<{ to: string }>).map((i) => i.to).sort()).toEqual(addresses.sort());
    }
    const changed = await runBin(['changed-stacks', out('v1'), out('v3'), '--format', 'json']);
    const newStacks = Object.keys(JSON.parse(readFileSync(join(out('v3'), 'manifest.json'), 'utf8')).stacks).filter((s) => !(s in JSON.parse(readFileSync(join(out('v1'), 'manifest.json'), 'utf8')).stacks));
    expect(JSON.parse(changed.stdout).sort()).toEqual([...new Set([...released.keys(), ...imported.keys(), ...newStacks])].sort());
  });

  test('changed-stacks errors: a directory that is no synth, one directory, a finding-only option', async () => {
    const notSynth = await runBin(['changed-stacks', dir, out('v1')]);
    expect(notSynth.code).toBe(2);
    expect(notSynth.stderr).toContain(`${dir} is not a synth output directory: it has no manifest.json`);
    const one = await runBin(['changed-stacks', out('v1')]);
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/^cdktf-mx changed-stacks: give two synth output directories, the old and the new cdktf.out, not 1\n\nusage: cdktf-mx changed-stacks/);
    const strict = await runBin(['changed-stacks', out('v1'), out('v2'), '--strict']);
    expect(strict).toMatchObject({ code: 2, stderr: expect.stringMatching(/--strict does not apply to changed-stacks/) });
    const sarif = await runBin(['changed-stacks', out('v1'), out('v2'), '--format', 'sarif']);
    expect(sarif).toMatchObject({ code: 2, stderr: expect.stringMatching(/--format must be text or json, not "sarif"/) });
  });
});
