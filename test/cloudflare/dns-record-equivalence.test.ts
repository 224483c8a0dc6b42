// Our CloudflareDnsRecord must synthesize exactly what the prebuilt binding's DnsRecord does
// for the same inputs: for every construct, preset and edge case. The prebuilt binding is a
// devDependency used only here and in user-style fixtures.
import { DataCloudflareZone } from '@cdktf/provider-cloudflare/lib/data-cloudflare-zone';
import { DnsRecord, DnsRecordConfig } from '@cdktf/provider-cloudflare/lib/dns-record';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Construct } from 'constructs';
import {
  AmazonSesInboundMx, CLOUDFLARE_DNS_RECORD_TYPE, CloudflareDnsRecord, CloudflareDnsRecordConfig, CloudflareZone, FastmailMx, GoogleWorkspaceMx,
  DaneTlsa, Microsoft365Mx, MtaSts, MxMigration, MxRecords, NullMx, SpfInclude, TlsRpt, VendorMx, ZoneRegistry,
} from '../../lib';
import { newStack } from '../helpers';
import { everyCase, exampleCompanions, exampleParameters, pinnedApp } from '../presets/examples';

type Json = Record<string, Record<string, unknown>>;

/** The stack's cloudflare_dns_record blocks (Testing.synth leaves out the `//` metadata), validation off: the mirror duplicates every record on purpose. */
function recordBlocks(stack: TerraformStack): Json {
  const json = JSON.parse(Testing.synth(stack, false)) as { resource?: { cloudflare_dns_record?: Json } };
  return json.resource?.cloudflare_dns_record ?? {};
}

/** The prebuilt DnsRecord for the same inputs as one of ours, under `mirror`, at address `prebuilt_<ours>`. */
function mirrorOf(mirror: Construct, ours: CloudflareDnsRecord, index: number): void {
  const config: DnsRecordConfig = {
    zoneId: ours.zoneIdInput,
    name: ours.nameInput,
    type: ours.typeInput,
    ttl: ours.ttlInput,
    ...(ours.contentInput !== undefined ? { content: ours.contentInput } : {}),
    ...(ours.dataInput !== undefined ? { data: ours.dataInput } : {}),
    ...(ours.priorityInput !== undefined ? { priority: ours.priorityInput } : {}),
    ...(ours.proxiedInput !== undefined ? { proxied: ours.proxiedInput } : {}),
    ...(ours.commentInput !== undefined ? { comment: ours.commentInput } : {}),
    ...(ours.lifecycle !== undefined ? { lifecycle: ours.lifecycle } : {}),
  };
  new DnsRecord(mirror, `r${index}`, config).overrideLogicalId(`prebuilt_${ours.friendlyUniqueId}`);
}

/** Every record our constructs made in `stack`, next to the prebuilt binding's block for the same inputs. */
function pairs(stack: TerraformStack): Array<{ address: string; ours: Record<string, unknown>; prebuilt: Record<string, unknown> }> {
  const published = ZoneRegistry.of(stack).published.map((p) => p.resource);
  expect(published.length).toBeGreaterThan(0);
  const mirror = new Construct(stack, 'mirror');
  published.forEach((resource, index) => {
    expect(resource).toBeInstanceOf(CloudflareDnsRecord);
    mirrorOf(mirror, resource as CloudflareDnsRecord, index);
  });
  const blocks = recordBlocks(stack);
  return published.map((resource) => {
    const address = (resource as CloudflareDnsRecord).friendlyUniqueId;
    return { address, ours: blocks[address], prebuilt: blocks[`prebuilt_${address}`] };
  });
}

function expectEquivalent(build: (stack: TerraformStack) => void): void {
  const stack = newStack('stack', pinnedApp());
  build(stack);
  for (const { ours, prebuilt } of pairs(stack)) {
    expect(ours).toEqual(prebuilt);
    // Byte-identical, key order included.
    expect(JSON.stringify(ours)).toBe(JSON.stringify(prebuilt));
  }
}

const zone = { zoneId: 'zone-1', domain: 'example.com' };

describe('CloudflareDnsRecord synthesizes what the prebuilt DnsRecord does', () => {
  test('resource type and provider metadata are the prebuilt binding\'s', () => {
    const stack = newStack();
    const ours = new CloudflareDnsRecord(stack, 'ours', { zoneId: 'z', name: 'example.com', type: 'MX', content: 'mx.example.net', priority: 10, ttl: 3600 });
    const prebuilt = new DnsRecord(stack, 'prebuilt', { zoneId: 'z', name: 'example.com', type: 'MX', content: 'mx.example.net', priority: 10, ttl: 3600 });
    expect(ours.terraformResourceType).toBe(CLOUDFLARE_DNS_RECORD_TYPE);
    expect(ours.terraformResourceType).toBe(prebuilt.terraformResourceType);
    expect(CloudflareDnsRecord.tfResourceType).toBe(DnsRecord.tfResourceType);
    expect(ours.terraformGeneratorMetadata).toEqual(prebuilt.terraformGeneratorMetadata);
  });

  test.each<[string, (stack: TerraformStack) => void]>([
    ['MxRecords', (s) => new MxRecords(s, 'self', { ...zone, records: [{ priority: 10, exchange: 'mail.example.com' }, { priority: 20, exchange: 'backup.example.net' }] })],
    ['NullMx (MX 0 ., SPF, DMARC)', (s) => new NullMx(s, 'parked', { ...zone, domain: 'parked.example' })],
    ['GoogleWorkspaceMx legacy with comment and TTL 1', (s) => new GoogleWorkspaceMx(s, 'g', { ...zone, variant: 'legacy', ttl: 1, comment: 'managed by cdktf-mx' })],
    ['Microsoft365Mx at a sub-name', (s) => new Microsoft365Mx(s, 'm', { ...zone, name: 'corp', exchange: 'corp-example-com.mail.protection.outlook.com' })],
    ['FastmailMx with every companion', (s) => new FastmailMx(s, 'fm', { ...zone, companions: { spf: true, dkim: true } })],
    ['SpfInclude merged with a vendor SPF (lazy content)', (s) => {
      new GoogleWorkspaceMx(s, 'g', { ...zone, companions: { spf: true } });
      new SpfInclude(s, 'crm', { ...zone, include: ['sendgrid.net'] });
    }],
    ['MxMigration overlap', (s) => new MxMigration(s, 'move', { ...zone, from: { preset: 'google-workspace' }, to: { preset: 'fastmail' }, step: 'overlap' })],
    ['AmazonSesInboundMx', (s) => new AmazonSesInboundMx(s, 'ses', { ...zone, name: 'inbound', region: 'eu-west-1' })],
    ['IDN domain (punycode)', (s) => new MxRecords(s, 'idn', { zoneId: 'z', domain: 'bücher.example', records: [{ priority: 10, exchange: 'mail.bücher.example' }] })],
    ['long TXT (DKIM key split in 255-octet strings)', (s) => new VendorMx(s, 'g', { ...zone, preset: 'google-workspace', companions: { dkim: { publicKey: 'A'.repeat(600) } } })],
    ['comment with ${ and %{ (escaped)', (s) => new VendorMx(s, 'm', { ...zone, comment: 'cost ${var.x} %{if}', preset: 'microsoft-365', parameters: { exchange: 'example-com.mail.protection.outlook.com' }, companions: { verification: 'ms12345678' } })],
    ['zone id from a TerraformVariable', (s) => new NullMx(s, 'v', { zoneId: new TerraformVariable(s, 'zone_id', { type: 'string' }).stringValue, domain: 'example.org' })],
    ['zone id from a DataCloudflareZone', (s) => new NullMx(s, 'd', { zoneId: new DataCloudflareZone(s, 'z', { filter: { name: 'example.org' } }).zoneId, domain: 'example.org' })],
    ['zone target form', (s) => new NullMx(s, 't', { zone: CloudflareZone.fromId('zone-9', 'example.net') })],
    ['MtaSts (lazy id), TlsRpt, DaneTlsa (TLSA data object)', (s) => {
      new MxRecords(s, 'self', { ...zone, records: [{ priority: 10, exchange: 'mx1.example.com' }] });
      new MtaSts(s, 'sts', { ...zone, mode: 'enforce', policyHost: { cname: 'sts.example.net' } });
      new TlsRpt(s, 'rpt', { ...zone, rua: ['mailto:tls@example.com'] });
      new DaneTlsa(s, 'dane', { ...zone, records: [{ exchange: 'mx1.example.com', data: 'ab'.repeat(32) }] });
    }],
    ['one domain under two zone ids', (s) => {
      new NullMx(s, 'prod', { zoneId: 'zone-prod', domain: 'example.com' });
      new NullMx(s, 'staging', { zoneId: 'zone-staging', domain: 'example.com' });
    }],
  ])('%s', (_label, build) => expectEquivalent(build));

  test.each(everyCase().map((c) => [c.label, c] as const))('preset %s with every companion', (_label, c) => {
    expectEquivalent((s) => new VendorMx(s, 'mail', {
      ...zone,
      preset: c.preset,
      variant: c.variant,
      ...(c.region ? { region: c.region } : {}),
      parameters: exampleParameters(c.preset),
      companions: exampleCompanions(c.preset, c.region),
    }));
  });

  test.each<[string, CloudflareDnsRecordConfig]>([
    ['proxied A record', { zoneId: 'z', name: 'www.example.com', type: 'A', content: '192.0.2.1', ttl: 1, proxied: true }],
    ['proxied false, comment, no lifecycle', { zoneId: 'z', name: 'mail.example.com', type: 'AAAA', content: '2001:db8::1', ttl: 300, proxied: false, comment: 'box' }],
    ['MX priority 0 with create_before_destroy', { zoneId: 'z', name: 'example.com', type: 'MX', content: '.', priority: 0, ttl: 3600, lifecycle: { createBeforeDestroy: true } }],
    ['lifecycle ignore_changes and prevent_destroy', { zoneId: 'z', name: 'example.com', type: 'TXT', content: '"v=spf1 -all"', ttl: 3600, lifecycle: { ignoreChanges: ['comment'], preventDestroy: true } }],
  ])('direct config: %s', (_label, config) => {
    const stack = newStack();
    new CloudflareDnsRecord(stack, 'ours', config).overrideLogicalId('ours');
    new DnsRecord(stack, 'prebuilt', config).overrideLogicalId('prebuilt');
    const blocks = recordBlocks(stack);
    expect(JSON.stringify(blocks.ours)).toBe(JSON.stringify(blocks.prebuilt));
  });

  test('HCL output (SYNTH_HCL_OUTPUT) is the same too', () => {
    const config: CloudflareDnsRecordConfig = { zoneId: 'z', name: 'example.com', type: 'MX', content: 'mx.example.net', priority: 10, ttl: 3600, comment: 'c' };
    const hcl = (make: (stack: TerraformStack) => void) => {
      const stack = newStack();
      make(stack);
      const attributes = (stack.node.findChild('r') as unknown as { synthesizeHclAttributes(): unknown }).synthesizeHclAttributes();
      return JSON.stringify(attributes);
    };
    expect(hcl((s) => new CloudflareDnsRecord(s, 'r', config))).toBe(hcl((s) => new DnsRecord(s, 'r', config)));
    const tlsa: CloudflareDnsRecordConfig = { zoneId: 'z', name: '_25._tcp.mx.example.com', type: 'TLSA', data: { usage: 3, selector: 1, matchingType: 1, certificate: 'ab'.repeat(32) }, ttl: 3600 };
    expect(hcl((s) => new CloudflareDnsRecord(s, 'r', tlsa))).toBe(hcl((s) => new DnsRecord(s, 'r', tlsa)));
  });
});
