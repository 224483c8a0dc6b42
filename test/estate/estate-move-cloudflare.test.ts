// Issue 20 item 2 on Cloudflare: a MailEstate domain moves between two stacks through terraform +
// the real cloudflare/cloudflare provider against the loopback Cloudflare API. With the handshake
// the new stack finds the live records' ids with the cloudflare_dns_records data source and imports
// them, the old stack forgets them, and the API sees no write at all: the records never leave the zone.
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPlans, EstateDomain, EstateRecord } from '../../lib';
import { providerPin } from '../real-dns/providers';
import { TerraformWorkspace } from '../real-dns/terraform';
import { describeWithTools } from '../real-dns/tools';
import { acting, estateMoveHarness } from './move-harness';
import { CloudflareApi, cloudflareId, startCloudflareApi, testApiToken } from '../support/cloudflare-api';

const ZONES = ['alpha.example', 'beta.example', 'gamma.example'].map((name) => ({ id: cloudflareId(), name }));
const DOMAINS: EstateDomain[] = ZONES.map((zone, i) => ({ domain: zone.name, zoneId: zone.id, preset: i === 1 ? 'null-mx' : 'fastmail', companions: i === 1 ? { spf: true, dmarc: true } : { spf: true, dkim: true } }));

describeWithTools(['terraform'], `MailEstate move between two stacks on Cloudflare: terraform + cloudflare/cloudflare ${providerPin('cloudflare').version} -> loopback API`, (tools) => {
  let work: string;
  let api: CloudflareApi | undefined;
  let env: Record<string, string>;
  let harness: ReturnType<typeof estateMoveHarness>;
  const synth = (name: string, domains: EstateDomain[], previous?: EstateRecord) => harness.synth(name, domains, previous);
  const terraform = (outdir: string, stack: string) => harness.terraform(outdir, stack);
  const plan = (tf: TerraformWorkspace, stack: string) => harness.plan(tf, stack);

  let previous: EstateRecord;
  const mover = 'alpha.example';
  let from: string;
  let to: string;
  let moved: EstateDomain[];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'cdktf-mx-estate-cf-'));
    harness = estateMoveHarness(work, tools.terraform, (stack) => {
      new CloudflareProvider(stack, 'cloudflare', {});
      stack.addOverride('terraform.required_providers.cloudflare.version', providerPin('cloudflare').version);
    }, () => env);
    try {
      const token = testApiToken();
      api = await startCloudflareApi({ token, zones: ZONES.map((z) => ({ ...z, records: [] })) });
      env = { CLOUDFLARE_BASE_URL: api.baseUrl, CLOUDFLARE_API_TOKEN: token };
      const v1 = synth('v1', DOMAINS);
      previous = v1.estate.record();
      for (const stack of ['mail-shard-0', 'mail-shard-1']) await (await terraform(v1.outdir, stack)).apply();
      from = previous.domains[mover]!.stack;
      to = from === 'mail-shard-0' ? 'mail-shard-1' : 'mail-shard-0';
      moved = DOMAINS.map((d) => (d.domain === mover ? { ...d, shard: Number(to.slice(-1)) } : d));
    } catch (error) {
      harness.cleanup();
      await api?.close();
      rmSync(work, { recursive: true, force: true });
      throw error;
    }
  }, 300_000);

  afterAll(async () => {
    harness?.cleanup();
    await api?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const live = () => Object.fromEntries(ZONES.map((z) => [z.name, api!.records(z.id).map((r) => `${r.id} ${r.name} ${r.type} ${r.priority ?? ''} ${r.content}`).sort()]));

  test('the first deploy put every record in the API (MX, SPF, DKIM of the mover)', () => {
    const mx = api!.records(ZONES[0]!.id).filter((r) => r.type === 'MX').map((r) => `${r.priority} ${r.content}`).sort();
    expect(mx).toEqual(['10 in1-smtp.messagingengine.com', '20 in2-smtp.messagingengine.com']);
    expect(api!.records(ZONES[0]!.id)).toHaveLength(previous.domains[mover]!.addresses.length);
  });

  test('without the handshake the real plans delete in one stack and create in the other: plan-cross-stack-move', async () => {
    const naive = synth('naive', moved);
    const plans = [await plan(await terraform(naive.outdir, from), from), await plan(await terraform(naive.outdir, to), to)];
    const findings = checkPlans(plans).filter((f) => f.rule === 'plan-cross-stack-move');
    expect(findings.map((f) => f.address).sort()).toEqual([...previous.domains[mover]!.addresses].sort());
    expect(findings.every((f) => f.stack === to && /is deleted by .* and created by .*: a move between stacks without the handshake/.test(f.message))).toBe(true);
  }, 300_000);

  test('with the handshake: the old stack forgets, the new one imports by ids looked up at plan time, and the API sees no write', async () => {
    const before = live();
    const writes = api!.writes.length;
    const v2 = synth('v2', moved, previous);
    const release = await terraform(v2.outdir, from);
    const adopt = await terraform(v2.outdir, to);
    const plans = [await plan(release, from), await plan(adopt, to)];
    expect(acting(plans[0]!).sort()).toEqual(previous.domains[mover]!.addresses.map((a) => [a, 'forget', '']).sort());
    // Each import id is <zone id>/<the live record's id>, found by the cloudflare_dns_records lookup.
    const ids = new Set(api!.records(ZONES[0]!.id).map((r) => `${ZONES[0]!.id}/${r.id}`));
    const imports = acting(plans[1]!);
    expect(imports.map(([address, actions]) => [address, actions]).sort()).toEqual(v2.estate.record().domains[mover]!.addresses.map((a) => [a, 'no-op']).sort());
    expect(new Set(imports.map(([, , id]) => id))).toEqual(ids);
    expect(checkPlans(plans).filter((f) => f.rule === 'plan-cross-stack-move')).toEqual([]);

    // The releasing stack first: the order in which delete + create leaves the name without MX.
    await release.apply();
    await adopt.apply();
    expect(api!.writes.slice(writes)).toEqual([]);
    expect(live()).toEqual(before);
    expect(await release.plan()).toBe(0);
    expect(await adopt.plan()).toBe(0);
  }, 600_000);
}, ['cloudflare']);
