// Issue 20 items 1-2: MailEstate synthesizes bounded, stable stacks; a domain that changes stack
// moves with the handshake (import in the new stack, removed/destroy=false in the old one).
import { LocalBackend, TerraformStack, Testing } from 'cdktf';
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { DnsProvider } from '@cdktf/provider-dns/lib/provider';
import { EstateDomain, EstateRecord, MailEstate, MailEstateProps, MxInputError, parseInventoryCsv } from '../../lib';

const zoneId = (i: number) => i.toString(16).padStart(32, '0');
const domains = (count: number, from = 0): EstateDomain[] =>
  Array.from({ length: count }, (_, k) => ({ domain: `d${from + k}.example`, zoneId: zoneId(from + k + 1), preset: (from + k) % 2 ? 'null-mx' : 'fastmail' }));

function estate(props: Partial<MailEstateProps> & Pick<MailEstateProps, 'domains'>): MailEstate {
  return new MailEstate(Testing.app(), 'estate', {
    configureShard: (stack: TerraformStack, shard) => {
      new CloudflareProvider(stack, 'cloudflare', {});
      new DnsProvider(stack, 'dns', {});
      new LocalBackend(stack, { path: `state/${shard.stackId}.tfstate` });
    },
    ...props,
  });
}

const synthOf = (e: MailEstate) => new Map(e.shards.map((s) => [s.stackId, JSON.parse(Testing.synth(s.stack, true)) as Record<string, any>]));

describe('MailEstate', () => {
  test('shards hold at most shardSize domains, each stack its own backend, provider and records', () => {
    const e = estate({ domains: domains(30), shardSize: 10 });
    expect(e.shards.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...e.shards.map((s) => s.domains.length))).toBeLessThanOrEqual(10);
    expect(e.shards.reduce((n, s) => n + s.domains.length, 0)).toBe(30);
    const stacks = synthOf(e);
    for (const shard of e.shards) {
      const json = stacks.get(shard.stackId)!;
      expect(json.terraform.backend.local.path).toBe(`state/${shard.stackId}.tfstate`);
      const mx = Object.values(json.resource.cloudflare_dns_record as Record<string, any>).filter((r) => r.type === 'MX');
      expect(new Set(mx.map((r) => r.name))).toEqual(new Set(shard.domains.map((d) => d.domain)));
    }
  });

  test('the record names each domain\'s stack and the addresses of its records in that stack', () => {
    const e = estate({ domains: domains(12), shardSize: 5 });
    const record = e.record();
    expect(record).toMatchObject({ version: 1, shardSize: 5, shards: e.assignment.shardCount });
    const stacks = synthOf(e);
    for (const [domain, { stack, addresses }] of Object.entries(record.domains)) {
      const resources = stacks.get(stack)!.resource.cloudflare_dns_record as Record<string, any>;
      expect(addresses.length).toBeGreaterThan(0);
      for (const address of addresses) expect(resources[address.split('.')[1]!].name).toMatch(new RegExp(`${domain.replace('.', '\\.')}$`));
    }
  });

  test('adding a domain changes one stack\'s synthesized JSON', () => {
    const before = synthOf(estate({ domains: domains(40), shards: 4, shardSize: 40 }));
    const after = synthOf(estate({ domains: [...domains(40), ...domains(1, 500)], shards: 4, shardSize: 40 }));
    const changed = [...after].filter(([id, json]) => JSON.stringify(json) !== JSON.stringify(before.get(id)));
    expect(changed).toHaveLength(1);
  });

  describe('a domain that changes stack', () => {
    const all = domains(20);
    const first = estate({ domains: all, shards: 3, shardSize: 20 });
    const previous: EstateRecord = first.record();
    const mover = all[0]!;
    const from = previous.domains[mover.domain]!.stack;
    const pin = (Number(from.split('-').pop()) + 1) % 3;
    const second = estate({ domains: all.map((d) => (d === mover ? { ...d, shard: pin } : d)), shards: 3, shardSize: 20, previous });
    const stacks = synthOf(second);
    const to = `mail-shard-${pin}`;

    test('is reported as moved, and only it', () => {
      expect([...second.moved]).toEqual([[mover.domain, [from, to]]]);
    });

    test('the old stack releases its records without deleting them: removed { from, lifecycle { destroy = false } }', () => {
      expect(stacks.get(from)!.removed).toEqual(previous.domains[mover.domain]!.addresses.slice().sort().map((address) => ({ from: address, lifecycle: { destroy: false } })));
      const resources = Object.keys(stacks.get(from)!.resource.cloudflare_dns_record);
      for (const address of previous.domains[mover.domain]!.addresses) expect(resources).not.toContain(address.split('.')[1]);
    });

    test('the new stack imports the live records by an id looked up at plan time', () => {
      const json = stacks.get(to)!;
      const imports = json.import as Array<{ to: string; id: string }>;
      expect(imports.map((i) => i.to).sort()).toEqual(second.record().domains[mover.domain]!.addresses.slice().sort());
      for (const block of imports) {
        const [, lookup] = /^[0-9a-f]{32}\/\$\{data\.cloudflare_dns_records\.([^.]+)\.result\[0\]\.id\}$/.exec(block.id)!;
        const resource = json.resource.cloudflare_dns_record[block.to.split('.')[1]!];
        expect(json.data.cloudflare_dns_records[lookup!]).toEqual({ zone_id: resource.zone_id, name: { exact: resource.name }, type: resource.type, content: { exact: resource.content }, max_items: 1 });
      }
    });

    test('the third stack is untouched', () => {
      const other = [...stacks.keys()].find((id) => id !== from && id !== to)!;
      expect(stacks.get(other)!.import).toBeUndefined();
      expect(stacks.get(other)!.removed).toBeUndefined();
    });
  });

  test('RFC 2136 zones import a moved record set by its fully qualified name', () => {
    const inventory = parseInventoryCsv('domain,zone_id,preset,host,companions\nmoved.example,moved.example,null-mx,rfc2136,spf;dmarc\n', 'i.csv');
    const previous = estate({ domains: inventory.map((d) => ({ ...d, shard: 0 })), shards: 2, shardSize: 10 }).record();
    const e = estate({ domains: inventory.map((d) => ({ ...d, shard: 1 })), shards: 2, shardSize: 10, previous });
    const stacks = synthOf(e);
    expect(stacks.get('mail-shard-0')!.removed).toEqual(['dns_mx_record_set.mx__moved_example', 'dns_txt_record_set.txt__dmarc_moved_example_ad471e73', 'dns_txt_record_set.txt__moved_example'].map((from) => ({ from, lifecycle: { destroy: false } })));
    expect((stacks.get('mail-shard-1')!.import as Array<{ id: string }>).map((i) => i.id).sort()).toEqual(['_dmarc.moved.example.', 'moved.example.', 'moved.example.']);
  });

  test('a previous stack that is no longer a shard stays, only to release its domains', () => {
    const previous = estate({ domains: domains(1).map((d) => ({ ...d, shard: 4 })), shards: 5, shardSize: 10 }).record();
    const e = estate({ domains: domains(1), shards: 2, shardSize: 10, previous });
    expect(e.shards.map((s) => [s.stackId, s.domains.length])).toEqual([['mail-shard-0', expect.any(Number)], ['mail-shard-1', expect.any(Number)], ['mail-shard-4', 0]]);
    expect(synthOf(e).get('mail-shard-4')!.removed).toEqual([...previous.domains['d0.example']!.addresses].sort().map((from) => ({ from, lifecycle: { destroy: false } })));
  });

  test('only addresses both stacks declare are handed over: the old stack deletes what the domain dropped', () => {
    const one = [{ domain: 'a.example', zoneId: zoneId(1), preset: 'fastmail', companions: { spf: true, dkim: true } }];
    const previous = estate({ domains: one.map((d) => ({ ...d, shard: 0 })), shards: 2, shardSize: 10 }).record();
    // Same settings hash, one address fewer: as if a release of cdktf-mx dropped a record from the preset.
    const dropped = previous.domains['a.example']!.addresses.find((a) => a.includes('fm3'))!;
    const e = estate({ domains: one.map((d) => ({ ...d, shard: 1 })), shards: 2, shardSize: 10, previous: { ...previous, domains: { 'a.example': { ...previous.domains['a.example']!, addresses: [...previous.domains['a.example']!.addresses.filter((a) => a !== dropped), 'cloudflare_dns_record.gone'] } } } });
    const stacks = synthOf(e);
    const released = (stacks.get('mail-shard-0')!.removed as Array<{ from: string }>).map((r) => r.from);
    expect(released).not.toContain('cloudflare_dns_record.gone');
    const imported = (stacks.get('mail-shard-1')!.import as Array<{ to: string }>).map((i) => i.to);
    expect(imported).not.toContain(dropped);
    expect(imported.sort()).toEqual(released.sort());
    expect(imported).toHaveLength(previous.domains['a.example']!.addresses.length - 1);
  });

  test('a domain whose records change in the run it would move stays a run: the change applies in its old stack, the move comes next', () => {
    const one = (preset: string, shard: number) => [{ domain: 'a.example', zoneId: zoneId(1), preset, shard }];
    const previous = estate({ domains: one('fastmail', 0), shards: 2, shardSize: 10 }).record();
    const changed = estate({ domains: one('google-workspace', 1), shards: 2, shardSize: 10, previous });
    expect(changed.moved.size).toBe(0);
    expect([...changed.deferred]).toEqual([['a.example', 'mail-shard-1']]);
    expect(changed.record().domains['a.example']!.stack).toBe('mail-shard-0');
    const stacks = synthOf(changed);
    expect(stacks.get('mail-shard-0')!.import).toBeUndefined();
    expect(stacks.get('mail-shard-0')!.removed).toBeUndefined();
    expect(Object.values(stacks.get('mail-shard-0')!.resource.cloudflare_dns_record as Record<string, { content: string }>).map((r) => r.content)).toContain('smtp.google.com');
    expect(Testing.synth(changed.shards[0]!.stack)).toBeDefined();
    const next = estate({ domains: one('google-workspace', 1), shards: 2, shardSize: 10, previous: changed.record() });
    expect([...next.moved]).toEqual([['a.example', ['mail-shard-0', 'mail-shard-1']]]);
  });

  test.each([
    ['an unknown host', 'domain,zone_id,preset,host\na.example,0123456789abcdef0123456789abcdef,null-mx,azure\n', /^host: unknown host "azure"; hosts are cloudflare, rfc2136 \(i.csv:2\)$/],
    ['a Cloudflare zone id that is not one', 'domain,zone_id,preset\na.example,my-zone,null-mx\n', /^zone_id: a Cloudflare zone id is 32 hex digits, not "my-zone" \(i.csv:2\)$/],
    ['a preset input missing', 'domain,zone_id,preset\na.example,0123456789abcdef0123456789abcdef,microsoft-365\n', /exchange.*\(i.csv:2\)$/],
  ])('%s is an MxInputError naming the inventory line', (_what, csv, message) => {
    expect(() => estate({ domains: parseInventoryCsv(csv, 'i.csv') })).toThrow(MxInputError);
    expect(() => estate({ domains: parseInventoryCsv(csv, 'i.csv') })).toThrow(message);
  });

  test('domains given in code are checked like an inventory\'s', () => {
    expect(() => estate({ domains: [{ domain: 'a.example', zoneId: zoneId(1), preset: 'nope' }] })).toThrow(/^domains\[0\].preset: there is no preset "nope"/);
    expect(() => estate({ domains: [...domains(1), ...domains(1)] })).toThrow(/d0.example is listed twice/);
  });
});
