// Record-set hosts hold every record of a (zone, name, type) in ONE resource: the same mail
// stack on Route 53, Google Cloud DNS and RFC 2136, merged sets, stable addresses, lazy
// joining, one TTL per set, each host's TXT form (read back to the same text), import ids.
import { App, Testing, TerraformStack } from 'cdktf';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  GoogleDnsZone, GoogleWorkspaceMx, MxInputError, MxRecords, NullMx, readSynthesizedRecords, Rfc2136Zone, Route53Zone, SpfInclude, VendorMx, ZoneTarget,
} from '../../lib';
import { warningsOf } from '../presets/examples';
import { HOSTS, hostStack, resourceBlocks } from './host-stacks';

const TOKEN = 'rXOxyZounnZasA8Z7oaD3c14JdjS9aKSWvsR1EbUSIQ';
const DKIM = `v=DKIM1; k=rsa; p=${'A'.repeat(400)}`;

/** The mail stack of the brief: Google Workspace with SPF, DKIM and verification, a CRM's SPF include, a parked sub-domain. */
function mailStack(stack: TerraformStack, zone: ZoneTarget, order: 'mail-first' | 'parked-first' = 'mail-first'): void {
  const parked = () => new NullMx(stack, 'parked', { zone, name: 'parked' });
  if (order === 'parked-first') parked();
  new VendorMx(stack, 'mail', { zone, preset: 'google-workspace', companions: { spf: true, dkim: { publicKey: 'A'.repeat(400) }, verification: TOKEN } });
  // The SPF include order follows declaration (the SPF merge's rule); the set's order does not.
  new SpfInclude(stack, 'crm', { zone, include: ['sendgrid.net'] });
  if (order === 'mail-first') parked();
}

type Block = Record<string, unknown>;

/** Every resource block of the stack as [type, name, block]. */
function blocksOf(stack: TerraformStack): Array<[string, string, Block]> {
  return Object.entries(resourceBlocks(stack)).flatMap(([type, byName]) => Object.entries(byName).map(([name, block]) => [type, name, block] as [string, string, Block]));
}

describe('the same mail stack on each record-set host', () => {
  test('Route 53: one aws_route53_record per name + type, merged SPF and the verification token in one TXT set, null MX "0 ."', () => {
    const stack = hostStack(HOSTS[0]!);
    mailStack(stack, Route53Zone.fromHostedZoneId('Z0123456789ABCDEFGHIJ', 'example.com'));
    const blocks = resourceBlocks(stack).aws_route53_record!;
    expect(Object.keys(blocks).sort()).toEqual([
      'mx__example_com', 'mx__parked_example_com', 'txt__dmarc_parked_example_com_e707c9aa', 'txt__example_com', 'txt__google_domainkey_example_com_c9ba19ed', 'txt__parked_example_com',
    ]);
    expect(blocks.mx__example_com).toEqual({ zone_id: 'Z0123456789ABCDEFGHIJ', name: 'example.com', type: 'MX', ttl: 3600, records: ['1 smtp.google.com.'] });
    expect(blocks.txt__example_com!.records).toEqual([`google-site-verification=${TOKEN}`, 'v=spf1 include:_spf.google.com include:sendgrid.net ~all']);
    expect(blocks.mx__parked_example_com!.records).toEqual(['0 .']);
    expect(blocks.txt__google_domainkey_example_com_c9ba19ed!.records).toEqual([`${DKIM.slice(0, 255)}""${DKIM.slice(255)}`]);
  });

  test('Google Cloud DNS: names with the trailing dot, TXT quoted and split', () => {
    const stack = hostStack(HOSTS[1]!);
    mailStack(stack, GoogleDnsZone.fromManagedZone('example-com', 'example.com', { project: 'mail-prod' }));
    const blocks = resourceBlocks(stack).google_dns_record_set!;
    expect(blocks.mx__example_com).toEqual({ managed_zone: 'example-com', project: 'mail-prod', name: 'example.com.', type: 'MX', ttl: 3600, rrdatas: ['1 smtp.google.com.'] });
    expect(blocks.txt__example_com!.rrdatas).toEqual([`"google-site-verification=${TOKEN}"`, '"v=spf1 include:_spf.google.com include:sendgrid.net ~all"']);
    expect(blocks.mx__parked_example_com!.rrdatas).toEqual(['0 .']);
    expect(blocks.txt__google_domainkey_example_com_c9ba19ed!.rrdatas).toEqual([`"${DKIM.slice(0, 255)}" "${DKIM.slice(255)}"`]);
  });

  test('RFC 2136: dns_mx_record_set / dns_txt_record_set, zone and exchanges fully qualified, names relative, none at the apex', () => {
    const stack = hostStack(HOSTS[2]!);
    mailStack(stack, Rfc2136Zone.of('Example.COM.'));
    const blocks = resourceBlocks(stack);
    expect(blocks.dns_mx_record_set!.mx__example_com).toEqual({ zone: 'example.com.', ttl: 3600, mx: [{ exchange: 'smtp.google.com.', preference: 1 }] });
    expect(blocks.dns_mx_record_set!.mx__parked_example_com).toEqual({ zone: 'example.com.', name: 'parked', ttl: 3600, mx: [{ exchange: '.', preference: 0 }] });
    expect(blocks.dns_txt_record_set!.txt__example_com!.txt).toEqual([`google-site-verification=${TOKEN}`, 'v=spf1 include:_spf.google.com include:sendgrid.net ~all']);
    expect(blocks.dns_txt_record_set!.txt__dmarc_parked_example_com_e707c9aa).toMatchObject({ name: '_dmarc.parked' });
    // Unsplit: the provider splits at 255 octets itself.
    expect(blocks.dns_txt_record_set!.txt__google_domainkey_example_com_c9ba19ed!.txt).toEqual([DKIM]);
  });

  test.each(HOSTS.map((h) => [h.label, h] as const))('%s: no record set has a lifecycle block (never create_before_destroy)', (_l, host) => {
    const stack = hostStack(host);
    mailStack(stack, host.zone('example.com'));
    const blocks = blocksOf(stack);
    expect(blocks.length).toBe(6);
    for (const [, , block] of blocks) expect(block).not.toHaveProperty('lifecycle');
  });

  test.each(HOSTS.map((h) => [h.label, h] as const))('%s: addresses and values do not depend on construct order, and a construct added later joins its sets', (_l, host) => {
    const a = hostStack(host);
    mailStack(a, host.zone('example.com'), 'mail-first');
    const b = hostStack(host);
    mailStack(b, host.zone('example.com'), 'parked-first');
    expect(JSON.stringify(resourceBlocks(b))).toBe(JSON.stringify(resourceBlocks(a)));
    // A construct added after the sets were created: the same addresses, the set grows.
    const before = blocksOf(a).map(([type, name]) => `${type}.${name}`);
    new MxRecords(a, 'backup', { zone: host.zone('example.com'), records: [{ priority: 50, exchange: 'backup.example.net' }] });
    const after = blocksOf(a);
    expect(after.map(([type, name]) => `${type}.${name}`)).toEqual(before);
    const mx = after.find(([type, name]) => type === host.resourceType('MX') && name === 'mx__example_com')![2];
    expect(JSON.stringify(mx)).toContain('backup.example.net.');
  });

  test.each(HOSTS.map((h) => [h.label, h] as const))('%s: MX values in preference order whatever the declaration order', (_l, host) => {
    const synthMx = (first: number, second: number) => {
      const stack = hostStack(host);
      const zone = host.zone('example.com');
      const records = [{ priority: 20, exchange: 'mx2.example.net' }, { priority: 10, exchange: 'mx1.example.net' }];
      new MxRecords(stack, 'a', { zone, records: [records[first]!] });
      new MxRecords(stack, 'b', { zone, records: [records[second]!] });
      return JSON.stringify(resourceBlocks(stack)[host.resourceType('MX')]);
    };
    const text = synthMx(0, 1);
    expect(synthMx(1, 0)).toBe(text);
    expect(text.indexOf('mx1.example.net.')).toBeLessThan(text.indexOf('mx2.example.net.'));
  });
});

describe('one set, one TTL; each record once', () => {
  test.each(HOSTS.map((h) => [h.label, h] as const))('%s: two constructs with different TTLs at one name is an error naming both', (_l, host) => {
    const stack = hostStack(host);
    const zone = host.zone('example.com');
    new MxRecords(stack, 'primary', { zone, ttl: 300, records: [{ priority: 10, exchange: 'mx1.example.net' }] });
    let error: unknown;
    try {
      new MxRecords(stack, 'backup', { zone, ttl: 600, records: [{ priority: 20, exchange: 'mx2.example.net' }] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MxInputError);
    expect((error as Error).message).toMatch(/MX example\.com is one record set .* a set has one TTL: stack\/primary declares 300, stack\/backup declares 600; give both the same ttl/);
  });

  test.each(HOSTS.map((h) => [h.label, h] as const))('%s: the same exchange from two constructs is an error', (_l, host) => {
    const stack = hostStack(host);
    const zone = host.zone('example.com');
    new MxRecords(stack, 'a', { zone, records: [{ priority: 10, exchange: 'mx1.example.net' }] });
    expect(() => new MxRecords(stack, 'b', { zone, records: [{ priority: 20, exchange: 'mx1.example.net' }] })).toThrow(/declared twice in one zone \(stack\/a and stack\/b\)/);
  });

  test.each(HOSTS.map((h) => [h.label, h] as const))('%s: a comment is not stored, and says so', (_l, host) => {
    const stack = hostStack(host);
    const mx = new MxRecords(stack, 'a', { zone: host.zone('example.com'), comment: 'managed', records: [{ priority: 10, exchange: 'mx1.example.net' }, { priority: 20, exchange: 'mx2.example.net' }] });
    const warnings = warningsOf(mx).filter((w) => w.includes('comment'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/comment is not stored on .*: its record sets have no comment field/);
  });

  test('one domain under two Route 53 zones: both sets kept, the second address names its zone', () => {
    const stack = hostStack(HOSTS[0]!);
    new NullMx(stack, 'prod', { zone: Route53Zone.fromHostedZoneId('ZPROD', 'example.com'), spf: false, dmarc: false });
    new NullMx(stack, 'staging', { zone: Route53Zone.fromHostedZoneId('ZSTAGING', 'example.com'), spf: false, dmarc: false });
    const blocks = resourceBlocks(stack).aws_route53_record!;
    expect(Object.keys(blocks).sort()).toEqual(['mx__example_com', 'mx__example_com__in__zstaging']);
    expect(blocks.mx__example_com__in__zstaging!.zone_id).toBe('ZSTAGING');
  });

  test('RFC 2136 cannot hold other types through cdktf-mx: the error says so', () => {
    const stack = hostStack(HOSTS[2]!);
    const zone = Rfc2136Zone.of('example.com');
    expect(() => zone.host.publish(stack, zone, { name: 'www.example.com', type: 'A', value: '192.0.2.1', ttl: 300 }, 'a')).toThrow(/cannot publish A records on an RFC 2136 server/);
  });
});

describe('TXT encoding per host, read back to the same text', () => {
  const TEXT = `say "hi" \\ cost \${var.x} ${'B'.repeat(300)}`;

  test.each(HOSTS.map((h) => [h.label, h] as const))('%s', (_l, host) => {
    const outdir = mkdtempSync(join(tmpdir(), 'cdktf-mx-hosts-'));
    try {
      const app = new App({ outdir });
      const stack = hostStack(host, app, 'mail');
      const zone = host.zone('example.com');
      zone.host.publish(stack, zone, { name: 'note.example.com', type: 'TXT', value: TEXT, ttl: 300 }, 'note');
      app.synth();
      const block = JSON.stringify(resourceBlocks(stack));
      // Terraform interpolation escaped, never a live ${.
      expect(block).toContain('$${var.x}');
      if (host.label === 'Route 53') expect(block).toContain(String.raw`say \\\"hi\\\" \\\\ cost`);
      if (host.label === 'Google Cloud DNS') expect(block).toContain(String.raw`\"say \\\"hi\\\" \\\\ cost`);
      if (host.label === 'RFC 2136') expect(block).toContain(String.raw`\"say \\\"hi\\\" \\\\ cost`.slice(2));
      const [read] = readSynthesizedRecords(outdir);
      expect(read).toMatchObject({ type: 'TXT', value: TEXT });
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});

describe('import ids for record sets', () => {
  test('Route 53: ZONEID_name_TYPE', () => {
    expect(Route53Zone.fromHostedZoneId('Z0123456789ABCDEFGHIJ', 'example.com').importId('noreply.example.com', 'mx')).toBe('Z0123456789ABCDEFGHIJ_noreply.example.com_MX');
  });
  test('Google: projects/{p}/managedZones/{z}/rrsets/{name.}/{type}, or {z}/{name.}/{type}', () => {
    expect(GoogleDnsZone.fromManagedZone('example-com', 'example.com', { project: 'my-project' }).importId('noreply.example.com', 'MX')).toBe('projects/my-project/managedZones/example-com/rrsets/noreply.example.com./MX');
    expect(GoogleDnsZone.fromManagedZone('example-com', 'example.com').importId('example.com', 'TXT')).toBe('example-com/example.com./TXT');
  });
  test('RFC 2136: the FQDN with the trailing dot', () => {
    expect(Rfc2136Zone.of('example.com').importId('noreply.example.com')).toBe('noreply.example.com.');
  });
  test('a set resource takes importFrom: the import block is synthesized', () => {
    const stack = hostStack(HOSTS[0]!);
    const zone = Route53Zone.fromHostedZoneId('Z0123456789ABCDEFGHIJ', 'example.com');
    const mail = new GoogleWorkspaceMx(stack, 'mail', { zone });
    mail.records[0]!.importFrom(zone.importId('example.com', 'MX'));
    const json = JSON.parse(Testing.synth(stack)) as { import?: Array<{ id: string; to: string }> };
    expect(json.import).toEqual([{ id: 'Z0123456789ABCDEFGHIJ_example.com_MX', to: 'aws_route53_record.mx__example_com' }]);
  });
});

describe('zone target input', () => {
  test.each<[string, () => unknown, RegExp]>([
    ['Route 53 id that is not one', () => Route53Zone.fromHostedZoneId('example.com', 'example.com'), /hostedZoneId: "example.com" is not a Route 53 hosted zone id/],
    ['Route 53 without id', () => Route53Zone.fromHostedZoneId('', 'example.com'), /hostedZoneId: the Route 53 hosted zone id is required/],
    ['Google DNS name given as managed zone', () => GoogleDnsZone.fromManagedZone('example.com.', 'example.com'), /managedZone: "example.com." is not a managed zone name/],
    ['Google empty project', () => GoogleDnsZone.fromManagedZone('example-com', 'example.com', { project: '' }), /project: must be a project id/],
    ['RFC 2136 bad domain', () => Rfc2136Zone.of('exa mple.com'), /domain: "exa mple.com" is not a valid domain name/],
  ])('%s', (_l, make, message) => {
    expect(make).toThrow(MxInputError);
    expect(make).toThrow(message);
  });

  test.each(HOSTS.map((h) => [h.label, h] as const))('%s: a stack without the provider fails synth with one error naming it', (_l, host) => {
    const stack = new TerraformStack(Testing.app(), 'bare');
    new NullMx(stack, 'p', { zone: host.zone('example.com') });
    expect(() => Testing.synth(stack)).toThrow(/has .* DNS records from cdktf-mx but no .* provider; add `new (Aws|Google|Dns)Provider/);
    // cdktn has no prebuilt provider packages: the hint says how to generate the provider class.
    expect(() => Testing.synth(stack)).toThrow(/On cdktn, add "hashicorp\/(aws|google|dns)@~> \d+\.\d+" to terraformProviders in cdktf\.json, run `cdktn get` and import the provider from \.\/\.gen\/providers\/(aws|google|dns)\/provider\./);
  });
});

describe('a construct\'s records on a record-set host', () => {
  test.each(HOSTS.map((h) => [h.label, h] as const))('%s: records lists each set resource once; specs every record', (_l, host) => {
    const stack = hostStack(host);
    const legacy = new GoogleWorkspaceMx(stack, 'old', { zone: host.zone('example.com'), variant: 'legacy' });
    expect(legacy.specs).toHaveLength(5);
    expect(legacy.records).toHaveLength(1);
    expect(legacy.records[0]!.terraformResourceType).toBe(host.resourceType('MX'));
  });
});
