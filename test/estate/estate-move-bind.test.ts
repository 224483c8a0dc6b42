// Issue 20 item 2, for real: a domain of a MailEstate moves between two stacks (two Terraform
// states) on BIND through terraform + hashicorp/dns. With the handshake the old stack forgets and
// the new one imports, and a poller asking BIND for the domain's MX every 20 ms through both
// applies never finds it missing; without it, plan-cross-stack-move flags the real plans.
import { DnsProvider } from '@cdktf/provider-dns/lib/provider';
import { promises as dns } from 'node:dns';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPlans, EstateDomain, EstateRecord } from '../../lib';
import { BindServer, startBind } from '../real-dns/bind';
import { servedRecords } from '../real-dns/deploy-fixtures';
import { providerPin } from '../real-dns/providers';
import { TerraformWorkspace } from '../real-dns/terraform';
import { describeWithTools } from '../real-dns/tools';
import { acting, estateMoveHarness } from './move-harness';

const ZONES = ['one.test', 'two.test', 'three.test', 'four.test'];
const DOMAINS: EstateDomain[] = ZONES.map((zone, i) => ({ domain: zone, zoneId: zone, host: 'rfc2136', preset: i % 2 ? 'null-mx' : 'fastmail', companions: i % 2 ? { spf: true, dmarc: true } : { spf: true } }));

describeWithTools(['named', 'tsig-keygen', 'dig', 'terraform'], `MailEstate move between two stacks for real: terraform + hashicorp/dns ${providerPin('dns').version} -> BIND`, (tools) => {
  let work: string;
  let bind: BindServer | undefined;
  let harness: ReturnType<typeof estateMoveHarness>;
  const synth = (name: string, domains: EstateDomain[], previous?: EstateRecord) => harness.synth(name, domains, previous);
  const terraform = (outdir: string, stack: string) => harness.terraform(outdir, stack);
  const plan = (tf: TerraformWorkspace, stack: string) => harness.plan(tf, stack);

  let v1: ReturnType<typeof synth>;
  let previous: EstateRecord;
  let mover: string;
  let from: string;
  let to: string;
  let moved: EstateDomain[];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'cdktf-mx-estate-move-'));
    harness = estateMoveHarness(work, tools.terraform, (stack) => {
      new DnsProvider(stack, 'dns', {});
      stack.addOverride('terraform.required_providers.dns.version', providerPin('dns').version);
    }, () => bind!.updateEnv);
    try {
      bind = await startBind(tools, ZONES);
      v1 = synth('v1', DOMAINS);
      previous = v1.estate.record();
      for (const stack of ['mail-shard-0', 'mail-shard-1']) await (await terraform(v1.outdir, stack)).apply();
      // The fastmail domain moves: an MX set of two and an SPF TXT set.
      mover = 'one.test';
      from = previous.domains[mover]!.stack;
      to = from === 'mail-shard-0' ? 'mail-shard-1' : 'mail-shard-0';
      moved = DOMAINS.map((d) => (d.domain === mover ? { ...d, shard: Number(to.slice(-1)) } : d));
    } catch (error) {
      harness.cleanup();
      await bind?.stop();
      rmSync(work, { recursive: true, force: true });
      throw error;
    }
  }, 300_000);

  afterAll(async () => {
    harness?.cleanup();
    await bind?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** Apply `first` then `second` while asking BIND for the mover's MX every 20 ms; what the poller saw missing, and how often it asked. */
  async function applyPolled(first: TerraformWorkspace, second: TerraformWorkspace): Promise<{ misses: string[]; polls: number }> {
    const resolver = new dns.Resolver({ timeout: 1000, tries: 1 });
    resolver.setServers([bind!.address]);
    const misses: string[] = [];
    let polls = 0;
    let polling = true;
    const poller = (async () => {
      while (polling) {
        polls++;
        try {
          const mx = await resolver.resolveMx(`${mover}.`);
          if (mx.length !== 2) misses.push(`${polls}: ${JSON.stringify(mx)}`);
        } catch (error) {
          misses.push(`${polls}: ${(error as NodeJS.ErrnoException).code}`);
        }
        await new Promise((done) => setTimeout(done, 20));
      }
    })();
    try {
      await first.apply();
      await second.apply();
    } finally {
      polling = false;
      await poller;
    }
    return { misses, polls };
  }

  const served = () => Object.fromEntries(ZONES.map((zone) => [zone, servedRecords(tools.dig, bind!, zone)]));

  test('without the handshake the real plans delete in one stack and create in the other: plan-cross-stack-move', async () => {
    const naive = synth('naive', moved);
    const plans = [await plan(await terraform(naive.outdir, from), from), await plan(await terraform(naive.outdir, to), to)];
    expect(plans[0]!.raw.resource_changes.filter((c) => c.change.actions.includes('delete')).map((c) => c.address).sort()).toEqual([...previous.domains[mover]!.addresses].sort());
    const findings = checkPlans(plans).filter((f) => f.rule === 'plan-cross-stack-move');
    // One finding per record: the two MX of the set and the SPF.
    expect(findings.map((f) => f.address).sort()).toEqual([...previous.domains[mover]!.addresses, previous.domains[mover]!.addresses.find((a) => a.startsWith('dns_mx'))!].sort());
    expect(findings.map((f) => f.stack)).toEqual(findings.map(() => to));
    expect(findings.find((f) => f.address!.startsWith('dns_mx_record_set'))!.message).toContain(`${mover}. MX 10 in1-smtp.messagingengine.com is deleted by`);
  }, 300_000);

  test('with the handshake: the old stack forgets, the new one imports, the MX never leaves BIND, and nothing else changes', async () => {
    const before = served();
    const v2 = synth('v2', moved, previous);
    expect([...v2.estate.moved]).toEqual([[mover, [from, to]]]);
    const release = await terraform(v2.outdir, from);
    const adopt = await terraform(v2.outdir, to);
    const plans = [await plan(release, from), await plan(adopt, to)];
    expect(acting(plans[0]!).sort()).toEqual(previous.domains[mover]!.addresses.map((a) => [a, 'forget', '']).sort());
    expect(acting(plans[1]!).sort()).toEqual(
      v2.estate.record().domains[mover]!.addresses.map((a) => [a, 'no-op', expect.stringMatching(/one\.test\.$/)]).sort());
    expect(checkPlans(plans).filter((f) => f.rule === 'plan-cross-stack-move')).toEqual([]);

    // The releasing stack applies first (the order that loses mail with delete + create), polled throughout.
    const { misses, polls } = await applyPolled(release, adopt);
    expect(misses).toEqual([]);
    expect(polls).toBeGreaterThan(10);
    expect(served()).toEqual(before);
    // Both stacks are settled: a second plan with the same synth changes nothing (the import is done, the removed address is gone).
    expect(await release.plan()).toBe(0);
    expect(await adopt.plan()).toBe(0);

    // The next synth, with this one's record as previous: no handshake blocks left, still nothing to change.
    const v3 = synth('v3', moved, v2.estate.record());
    expect(v3.estate.moved.size).toBe(0);
    for (const stack of [from, to]) expect(await (await terraform(v3.outdir, stack)).plan()).toBe(0);
  }, 600_000);

  test('the poller is not blind: moving back without the handshake, deleting first, leaves the name without MX', async () => {
    const back = synth('back', DOMAINS);
    const { misses } = await applyPolled(await terraform(back.outdir, to), await terraform(back.outdir, from));
    expect(misses.length).toBeGreaterThan(0);
    expect(misses[0]).toMatch(/ENODATA|ENOTFOUND|\[/);
  }, 600_000);
}, ['dns']);
