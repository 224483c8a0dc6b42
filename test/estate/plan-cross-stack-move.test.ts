// Issue 20 item 2: plan-cross-stack-move over the plans of every stack of one pipeline run. Plans
// are Terraform's plan JSON for applying each stack's new synth to the state its last synth left.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TerraformStack, Testing } from 'cdktf';
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { checkPlans, EstateDomain, EstateRecord, MailEstate, MailEstateProps, readPlanJson } from '../../lib';
import { runBin } from '../cli/bin';
import { CLOUDFLARE, planBetween, StackJson } from '../plan/plan-fixture';

const zoneId = (i: number) => i.toString(16).padStart(32, '0');
const DOMAINS: EstateDomain[] = Array.from({ length: 12 }, (_, k) => ({ domain: `d${k}.example`, zoneId: zoneId(k + 1), preset: k % 2 ? 'null-mx' : 'fastmail' }));

function synth(props: Partial<MailEstateProps>): { estate: MailEstate; stacks: Map<string, StackJson> } {
  const estate = new MailEstate(Testing.app(), 'estate', {
    domains: DOMAINS, shards: 3, shardSize: 12,
    configureShard: (stack: TerraformStack) => new CloudflareProvider(stack, 'cloudflare', {}),
    ...props,
  });
  return { estate, stacks: new Map(estate.shards.map((s) => [s.stackId, JSON.parse(Testing.synth(s.stack, true)) as StackJson])) };
}

/** Each stack's plan from its last deployed synth to the new one, as plan-check reads it. */
function plans(before: Map<string, StackJson>, after: Map<string, StackJson>) {
  return [...after].map(([stack, json]) => ({
    stack,
    plan: readPlanJson(JSON.stringify(planBetween(before.get(stack) ?? null, json, CLOUDFLARE)), stack),
    imports: new Map((json.import ?? []).map((i) => [i.to, undefined])),
  }));
}

describe('plan-cross-stack-move', () => {
  const v1 = synth({});
  const previous: EstateRecord = v1.estate.record();
  const mover = 'd0.example';
  const from = previous.domains[mover]!.stack;
  const pin = (Number(from.split('-').pop()) + 1) % 3;
  const to = `mail-shard-${pin}`;
  const pinned = DOMAINS.map((d) => (d.domain === mover ? { ...d, shard: pin } : d));
  const moves = (findings: ReturnType<typeof checkPlans>) => findings.filter((f) => f.rule === 'plan-cross-stack-move');

  test('a MailEstate move with the handshake (previous record given): no finding', () => {
    const v2 = synth({ domains: pinned, previous });
    expect(v2.estate.moved.get(mover)).toEqual([from, to]);
    expect(moves(checkPlans(plans(v1.stacks, v2.stacks)))).toEqual([]);
  });

  test('the same move without the handshake: every record of the domain, deleted in one stack and created in the other', () => {
    const v2 = synth({ domains: pinned });
    const found = moves(checkPlans(plans(v1.stacks, v2.stacks)));
    expect(found.map((f) => f.address).sort()).toEqual([...previous.domains[mover]!.addresses].sort());
    expect(found.every((f) => f.severity === 'error' && f.stack === to)).toBe(true);
    const mx = found.find((f) => f.address!.includes('in1-smtp'))!;
    expect(mx.name).toBe('d0.example.');
    expect(mx.message).toContain(`d0.example. MX 10 in1-smtp.messagingengine.com is deleted by cloudflare_dns_record.mx__d0_example__in1-smtp_messagingengine_com in ${from} and created by cloudflare_dns_record.mx__d0_example__in1-smtp_messagingengine_com in ${to}: a move between stacks without the handshake`);
  });

  test('half a handshake is caught either way: import while the old stack deletes; create while the old stack releases', () => {
    const handshake = synth({ domains: pinned, previous });
    // The new stack imports, but the old stack deletes (its removed blocks lost).
    const lost = new Map(handshake.stacks);
    lost.set(from, { ...handshake.stacks.get(from)!, removed: undefined });
    const deleting = moves(checkPlans(plans(v1.stacks, lost)));
    expect(deleting).toHaveLength(previous.domains[mover]!.addresses.length);
    expect(deleting[0]!.message).toMatch(/is imported by .* in mail-shard-\d but deleted by .* in mail-shard-\d: after both apply it is gone from the zone/);
    // The old stack releases, but the new stack creates (its import blocks lost).
    const creating = new Map(handshake.stacks);
    creating.set(to, { ...handshake.stacks.get(to)!, import: undefined });
    const duplicate = moves(checkPlans(plans(v1.stacks, creating)));
    expect(duplicate).toHaveLength(previous.domains[mover]!.addresses.length);
    expect(duplicate[0]!.message).toMatch(/is released by .* \(removed, destroy = false\) but created again by .*: the live record is still there, so the create duplicates it/);
  });

  test('an import while the old stack keeps managing the record: two states own it', () => {
    const handshake = synth({ domains: pinned, previous });
    const kept = new Map(handshake.stacks);
    kept.set(from, v1.stacks.get(from)!);
    const both = moves(checkPlans(plans(v1.stacks, kept)));
    expect(both).toHaveLength(previous.domains[mover]!.addresses.length);
    expect(both[0]!.message).toMatch(new RegExp(`is imported by .* in ${to} while .* in ${from} keeps managing it: two states own one record`));
  });

  test('off by --rule like any rule; a single stack never triggers it', () => {
    const v2 = synth({ domains: pinned });
    expect(moves(checkPlans(plans(v1.stacks, v2.stacks), { rules: { 'plan-cross-stack-move': 'off' } }))).toEqual([]);
    expect(moves(checkPlans(plans(v1.stacks, v2.stacks).filter((p) => p.stack === to)))).toEqual([]);
  });
});

describe('cdktf-mx plan-check with several stacks\' plans', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-cross-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Each stack's cdk.tf.json and plan.json in <dir>/<run>/<stack>/ (as cdktf.out/stacks/<stack>); the plan paths. */
  function write(run: string, before: Map<string, StackJson>, after: Map<string, StackJson>): string[] {
    return [...after].map(([stack, json]) => {
      const at = join(dir, run, stack);
      mkdirSync(at, { recursive: true });
      writeFileSync(join(at, 'cdk.tf.json'), JSON.stringify(json));
      writeFileSync(join(at, 'plan.json'), JSON.stringify(planBetween(before.get(stack) ?? null, json, CLOUDFLARE)));
      return join(at, 'plan.json');
    });
  }

  const v1 = synth({});
  const previous = v1.estate.record();
  const from = previous.domains['d0.example']!.stack;
  const pin = (Number(from.split('-').pop()) + 1) % 3;
  const pinned = DOMAINS.map((d) => (d.domain === 'd0.example' ? { ...d, shard: pin } : d));

  test('a move without the handshake exits 1 naming the rule, both stacks and the fix; --format json carries each finding\'s plan', async () => {
    const inputs = write('naive', v1.stacks, synth({ domains: pinned }).stacks);
    const text = await runBin(['plan-check', ...inputs, '--no-end-state']);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('plan-cross-stack-move');
    expect(text.stdout).toContain(`in ${join(dir, 'naive', from, 'plan.json')} and created by`);
    expect(text.stdout).toContain(`[cloudflare_dns_record.mx__d0_example__in1-smtp_messagingengine_com in ${join(dir, 'naive', `mail-shard-${pin}`, 'plan.json')}]`);
    const json = JSON.parse((await runBin(['plan-check', ...inputs, '--no-end-state', '--format', 'json'])).stdout) as Array<{ rule: string; stack: string }>;
    expect(json.filter((f) => f.rule === 'plan-cross-stack-move').map((f) => f.stack)).toEqual(json.filter((f) => f.rule === 'plan-cross-stack-move').map(() => join(dir, 'naive', `mail-shard-${pin}`, 'plan.json')));
  });

  test('the same move with the handshake: no cross-stack finding, exit 0; import blocks are read from cdk.tf.json beside each plan', async () => {
    const inputs = write('handshake', v1.stacks, synth({ domains: pinned, previous }).stacks);
    const result = await runBin(['plan-check', ...inputs, '--no-end-state']);
    expect(result.stdout).not.toContain('plan-cross-stack-move');
    expect(result.code).toBe(0);
  });

  test('--list-rules lists plan-cross-stack-move; --synth with several plans is a usage error', async () => {
    expect((await runBin(['plan-check', '--list-rules'])).stdout).toMatch(/^plan-cross-stack-move\s+error\s+a record moves between stacks/m);
    const usage = await runBin(['plan-check', 'a.json', 'b.json', '--synth', 'x.json']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--synth names one stack\'s configuration');
  });
});
