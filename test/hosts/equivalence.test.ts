// Our record-set classes must synthesize exactly what the prebuilt bindings do for the same
// inputs (the same lazy tokens), for every construct and preset. The prebuilt bindings are
// devDependencies loaded only by tests, through deep imports.
import { Route53Record as PrebuiltRoute53Record } from '@cdktf/provider-aws/lib/route53-record';
import { CnameRecord } from '@cdktf/provider-dns/lib/cname-record';
import { MxRecordSet } from '@cdktf/provider-dns/lib/mx-record-set';
import { TxtRecordSet } from '@cdktf/provider-dns/lib/txt-record-set';
import { DnsRecordSet } from '@cdktf/provider-google/lib/dns-record-set';
import { DefaultTokenResolver, StringConcat, TerraformResource, TerraformStack, Tokenization } from 'cdktf';
import { Construct } from 'constructs';
import {
  DaneTlsa, DnsCnameRecord, DnsMxRecordSet, DnsTxtRecordSet, FastmailMx, GoogleDnsRecordSet, GoogleWorkspaceMx, Microsoft365Mx, MxMigration, MxRecords, NullMx,
  MtaSts, Route53Record, SpfInclude, TlsRpt, VendorMx, ZoneRegistry, ZoneTarget,
} from '../../lib';
import { everyCase, exampleCompanions, exampleParameters, pinnedApp } from '../presets/examples';
import { HOSTS, hostStack, resourceBlocks } from './host-stacks';

/** The prebuilt binding's resource for the same inputs as one of ours, below `mirror`. */
function mirrorOf(mirror: Construct, ours: TerraformResource, id: string): TerraformResource {
  const meta = { ...(ours.lifecycle ? { lifecycle: ours.lifecycle } : {}) };
  if (ours instanceof Route53Record) return new PrebuiltRoute53Record(mirror, id, { ...ours.input, ...meta });
  if (ours instanceof GoogleDnsRecordSet) return new DnsRecordSet(mirror, id, { ...ours.input, ...meta });
  if (ours instanceof DnsMxRecordSet) return new MxRecordSet(mirror, id, { ...ours.input, mx: ours.input.mx as never, ...meta });
  if (ours instanceof DnsTxtRecordSet) return new TxtRecordSet(mirror, id, { ...ours.input, ...meta });
  if (ours instanceof DnsCnameRecord) return new CnameRecord(mirror, id, { ...ours.input, ...meta });
  throw new Error(`unexpected resource ${ours.terraformResourceType}`);
}

function expectEquivalent(host: (typeof HOSTS)[number], build: (stack: TerraformStack, zone: ZoneTarget) => void): void {
  const stack = hostStack(host, pinnedApp());
  build(stack, host.zone('example.com'));
  const ours = [...new Set(ZoneRegistry.of(stack).published.map((p) => p.resource))];
  expect(ours.length).toBeGreaterThan(0);
  const mirror = new Construct(stack, 'mirror');
  ours.forEach((resource, index) => mirrorOf(mirror, resource, `r${index}`).overrideLogicalId(`prebuilt_${resource.friendlyUniqueId}`));
  const blocks = resourceBlocks(stack, false);
  for (const resource of ours) {
    const byName = blocks[resource.terraformResourceType]!;
    const mine = byName[resource.friendlyUniqueId];
    const theirs = byName[`prebuilt_${resource.friendlyUniqueId}`];
    expect(mine).toBeDefined();
    expect(mine).toEqual(theirs);
    expect(JSON.stringify(mine)).toBe(JSON.stringify(theirs)); // key order too
    expect(mine).not.toHaveProperty('lifecycle');
  }
}

describe.each(HOSTS.map((h) => [h.label, h] as const))('%s: our record-set classes synthesize what the prebuilt binding does', (_label, host) => {
  test('resource types and provider names are the prebuilt binding\'s', () => {
    const stack = hostStack(host);
    new MxRecords(stack, 'm', { zone: host.zone('example.com'), records: [{ priority: 10, exchange: 'mx.example.net' }] });
    new VendorMx(stack, 'v', { zone: host.zone('example.com'), name: 'eu', preset: 'google-workspace', companions: { spf: true } });
    const resources = [...new Set(ZoneRegistry.of(stack).published.map((p) => p.resource))];
    const mirror = new Construct(stack, 'mirror');
    for (const [index, ours] of resources.entries()) {
      const prebuilt = mirrorOf(mirror, ours, `r${index}`);
      expect(ours.terraformResourceType).toBe(prebuilt.terraformResourceType);
      expect(ours.terraformGeneratorMetadata?.providerName).toBe(prebuilt.terraformGeneratorMetadata?.providerName);
    }
  });

  test.each<[string, (stack: TerraformStack, zone: ZoneTarget) => void]>([
    ['MxRecords', (s, zone) => new MxRecords(s, 'self', { zone, records: [{ priority: 20, exchange: 'backup.example.net' }, { priority: 10, exchange: 'mail.example.com' }] })],
    ['NullMx (MX 0 ., SPF, DMARC)', (s, zone) => new NullMx(s, 'parked', { zone, name: 'parked' })],
    ['GoogleWorkspaceMx legacy', (s, zone) => new GoogleWorkspaceMx(s, 'g', { zone, variant: 'legacy', ttl: 300 })],
    ['Microsoft365Mx at a sub-name', (s, zone) => new Microsoft365Mx(s, 'm', { zone, name: 'corp', exchange: 'corp-example-com.mail.protection.outlook.com' })],
    ['FastmailMx with every companion (CNAMEs)', (s, zone) => new FastmailMx(s, 'fm', { zone, companions: { spf: true, dkim: true } })],
    ['SpfInclude merged with a vendor SPF (lazy)', (s, zone) => {
      new GoogleWorkspaceMx(s, 'g', { zone, companions: { spf: true } });
      new SpfInclude(s, 'crm', { zone, include: ['sendgrid.net'] });
    }],
    ['MxMigration overlap', (s, zone) => new MxMigration(s, 'move', { zone, from: { preset: 'google-workspace' }, to: { preset: 'fastmail' }, step: 'overlap' })],
    ['MtaSts (lazy id) with its policy-host CNAME, TlsRpt', (s, zone) => {
      new MxRecords(s, 'self', { zone, records: [{ priority: 10, exchange: 'mail.example.com' }] });
      new MtaSts(s, 'sts', { zone, mode: 'enforce', policyHost: { cname: 'sts.example.net' } });
      new TlsRpt(s, 'rpt', { zone, rua: ['mailto:tls@example.com'] });
    }],
    ['long TXT (2048-bit-sized DKIM key)', (s, zone) => new VendorMx(s, 'g', { zone, preset: 'google-workspace', companions: { dkim: { publicKey: 'A'.repeat(600) } } })],
  ])('%s', (_l, build) => expectEquivalent(host, build));

  test.each(everyCase().map((c) => [c.label, c] as const))('preset %s with every companion', (_l, c) => {
    expectEquivalent(host, (s, zone) => new VendorMx(s, 'mail', {
      zone,
      preset: c.preset,
      variant: c.variant,
      ...(c.region ? { region: c.region } : {}),
      parameters: exampleParameters(c.preset),
      companions: exampleCompanions(c.preset, c.region),
    }));
  });

  test('HCL output (SYNTH_HCL_OUTPUT) is the same too', () => {
    const stack = hostStack(host);
    new NullMx(stack, 'p', { zone: host.zone('example.com') });
    const mirror = new Construct(stack, 'mirror');
    for (const [index, ours] of [...new Set(ZoneRegistry.of(stack).published.map((p) => p.resource))].entries()) {
      const prebuilt = mirrorOf(mirror, ours, `r${index}`);
      const hcl = (r: TerraformResource) =>
        JSON.stringify(Tokenization.resolve((r as unknown as { synthesizeHclAttributes(): unknown }).synthesizeHclAttributes(), { scope: stack, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) }));
      expect(hcl(ours)).toBe(hcl(prebuilt));
    }
  });
});

// hashicorp/dns has no TLSA resource (DaneTlsa refuses it there: test/constructs/transport-security.test.ts).
describe.each(HOSTS.filter((h) => h.label !== 'RFC 2136').map((h) => [h.label, h] as const))('%s: TLSA sets synthesize what the prebuilt binding does', (_label, host) => {
  test('DaneTlsa, two records at one host', () => expectEquivalent(host, (s, zone) => new DaneTlsa(s, 'dane', {
    zone,
    records: [{ exchange: 'mail.example.com', data: 'ab'.repeat(32) }, { exchange: 'mail.example.com', usage: 2, selector: 0, matchingType: 2, data: 'cd'.repeat(64) }],
  })));
});
