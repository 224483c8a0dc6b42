import { DnsRecord } from '@cdktf/provider-cloudflare/lib/dns-record';
import { promises as dns } from 'node:dns';
import { MxRecords, MxValidation, NullMx, renderZone } from '../../lib';
import { newStack } from '../helpers';
import { exampleZones, presetZones } from '../testing/zones';
import { KnotServer, startKnot } from './knot';
import { describeWithTool } from './tools';

/** MX at `name` as a real resolver gets them from the server, by preference: [priority, exchange]. */
async function resolveMx(server: string, name: string): Promise<Array<[number, string]>> {
  const resolver = new dns.Resolver({ timeout: 2000, tries: 2 });
  resolver.setServers([server]);
  const records = await resolver.resolveMx(`${name}.`);
  return records
    .map((mx): [number, string] => [mx.priority, mx.exchange === '' ? '.' : mx.exchange])
    .sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
}

describeWithTool('knotd', 'Knot DNS serves rendered zones: MX round trip through a real server', (knotd) => {
  const examples = exampleZones({ soa: true });
  const presets = presetZones({ soa: true }, (index) => `preset-${index}.example`);

  // A zone of our own with preference ties, a null MX below it, an IDN and a TXT longer than 255 octets.
  const declared = [
    { priority: 30, exchange: 'mx3.round-trip.example' },
    { priority: 10, exchange: 'MX1.round-trip.example.' },
    { priority: 10, exchange: 'mx2.round-trip.example' },
    { priority: 20, exchange: 'backup.mail.example.net' },
  ];
  const longText = `v=spf1 ${Array.from({ length: 40 }, (_, i) => `ip4:198.51.100.${i}`).join(' ')} -all`;
  const stack = newStack();
  new MxRecords(stack, 'mail', { zoneId: 'z1', domain: 'round-trip.example', records: declared });
  new NullMx(stack, 'no-mail', { zoneId: 'z1', domain: 'round-trip.example', name: 'noreply' });
  new MxRecords(stack, 'idn', { zoneId: 'z2', domain: 'bücher.example', records: [{ priority: 5, exchange: 'post.bücher.example' }] });
  new DnsRecord(stack, 'long-spf', { zoneId: 'z1', name: 'round-trip.example', type: 'TXT', content: longText, ttl: 1 });
  const own = [
    { apex: 'round-trip.example', text: renderZone(stack, 'round-trip.example', { soa: true }) },
    { apex: 'xn--bcher-kva.example', text: renderZone(stack, 'bücher.example', { soa: true }) },
  ];

  let server: KnotServer;
  beforeAll(async () => {
    server = await startKnot(knotd, [...examples, ...presets, ...own]);
  });
  afterAll(async () => {
    await server?.stop();
  });

  test.each(examples.map((z) => [z.label, z] as const))('%s: the MX its cdk.tf.json declares', async (_label, zone) => {
    expect(zone.synthesizedMx.length).toBeGreaterThan(0);
    expect(await resolveMx(server.address, zone.apex)).toEqual(zone.synthesizedMx);
  });

  test.each(presets.map((z) => [z.label, z] as const))('%s: the MX the preset documents', async (_label, zone) => {
    expect(await resolveMx(server.address, zone.apex)).toEqual(zone.documentedMx);
  });

  test('preference ties, case and trailing dots: exactly the declared set, by preference', async () => {
    const expected = declared
      .map((mx): [number, string] => [mx.priority, mx.exchange.toLowerCase().replace(/\.$/, '')])
      .sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
    expect(await resolveMx(server.address, 'round-trip.example')).toEqual(expected);
  });

  test('a null MX below the apex is served as MX 0 .', async () => {
    expect(await resolveMx(server.address, 'noreply.round-trip.example')).toEqual([[0, '.']]);
  });

  test('an IDN domain is served under its punycode name', async () => {
    expect(await resolveMx(server.address, 'xn--bcher-kva.example')).toEqual([[5, 'post.xn--bcher-kva.example']]);
  });

  test('a TXT longer than 255 octets comes back whole, in strings of at most 255', async () => {
    const resolver = new dns.Resolver({ timeout: 2000, tries: 2 });
    resolver.setServers([server.address]);
    const spf = (await resolver.resolveTxt('round-trip.example.')).filter((strings) => strings[0].startsWith('v=spf1'));
    expect(spf).toHaveLength(1);
    expect(spf[0].join('')).toBe(longText);
    expect(spf[0].length).toBe(Math.ceil(longText.length / 255));
    expect(Math.max(...spf[0].map((s) => s.length))).toBeLessThanOrEqual(255);
  });
});

describeWithTool('knotd', 'Knot DNS refuses what our rules call errors', (knotd) => {
  test('CNAME beside other data: cname-coexists, and knotd will not load the zone', async () => {
    const stack = newStack();
    new MxRecords(stack, 'mail', { zoneId: 'z1', domain: 'example.com', records: [{ priority: 10, exchange: 'mx.example.net' }, { priority: 20, exchange: 'mx2.example.net' }] });
    new DnsRecord(stack, 'www', { zoneId: 'z1', name: 'www.example.com', type: 'CNAME', content: 'web.example.net', ttl: 300 });
    new DnsRecord(stack, 'www-txt', { zoneId: 'z1', name: 'www.example.com', type: 'TXT', content: 'verification', ttl: 300 });
    expect(MxValidation.of(stack).findings().findings.map((f) => f.rule)).toContain('cname-coexists');
    const text = renderZone(stack, 'example.com', { soa: true });
    await expect(startKnot(knotd, [{ apex: 'example.com', text }])).rejects.toThrow(/\[example\.com\.\] check, node www\.example\.com\., another record exists beside CNAME/);
  });
});
