// CloudflareDnsRecord hands cdktf attributes without tokens already resolved (lib/zones/settled-json.ts),
// so cdktf's resolver does not walk them on each pass. These tests hold that to the JSON cdktf writes
// when it walks them itself (the prebuilt DnsRecord, which always goes the walked way), `//` metadata
// included, and check that anything with a token in it still goes through cdktf's resolver.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { DnsRecord } from '@cdktf/provider-cloudflare/lib/dns-record';
import { App, DefaultTokenResolver, Lazy, StringConcat, TerraformStack, TerraformVariable, Testing, Token, Tokenization } from 'cdktf';
import { Construct } from 'constructs';
import { CloudflareDnsRecord, CloudflareDnsRecordConfig } from '../../lib';
import { settledCopy, UNSETTLED } from '../../lib/zones/settled-json';

type RecordClass = new (scope: Construct, id: string, config: CloudflareDnsRecordConfig) => Construct;

/** The same stack written with one record class or the other; returns cdk.tf.json as written to disk. */
function synthesizedFile(recordClass: RecordClass): string {
  const app: App = Testing.app();
  const stack = new TerraformStack(app, 'stack');
  new CloudflareProvider(stack, 'cloudflare', {});
  const aliased = new CloudflareProvider(stack, 'other', { alias: 'other' });
  const zone = new TerraformVariable(stack, 'zone_id', { type: 'string' });
  const ttl = new TerraformVariable(stack, 'ttl', { type: 'number' });
  const plain = new recordClass(stack, 'plain', {
    zoneId: '023e105f4ecef8ad9ca31a8372d0c353', name: 'example.com', type: 'MX', content: 'mx1.example.net', priority: 10, ttl: 3600,
    lifecycle: { createBeforeDestroy: true }, comment: 'managed 1e+100 times',
  });
  new recordClass(stack, 'txt', { zoneId: '0123456789abcdef0123456789abcdef', name: '_dmarc.example.com', type: 'TXT', content: '"v=DMARC1; p=reject"', ttl: 1, proxied: false });
  new recordClass(stack, 'token-zone', { zoneId: zone.stringValue, name: 'example.org', type: 'MX', content: 'mx.example.org', priority: 0, ttl: 300 });
  new recordClass(stack, 'token-ttl', { zoneId: 'z1', name: 'example.org', type: 'TXT', content: 'v=spf1 -all', ttl: ttl.numberValue });
  new recordClass(stack, 'lazy', { zoneId: 'z1', name: 'a.example.org', type: 'TXT', content: Lazy.stringValue({ produce: () => '"late"' }), ttl: 300 });
  new recordClass(stack, 'aliased', { zoneId: 'z1', name: 'b.example.org', type: 'A', content: '192.0.2.1', ttl: 300, provider: aliased, dependsOn: [plain as DnsRecord] });
  const overridden = new recordClass(stack, 'overridden', { zoneId: 'z1', name: 'c.example.org', type: 'A', content: '192.0.2.2', ttl: 300 }) as DnsRecord;
  overridden.addOverride('ttl', 60);
  overridden.addOverride('lifecycle.ignore_changes', ['comment']);
  app.synth();
  return readFileSync(join(app.outdir, 'stacks', 'stack', 'cdk.tf.json'), 'utf8');
}

describe('CloudflareDnsRecord with pre-resolved attributes', () => {
  test('cdk.tf.json is byte-identical to the prebuilt DnsRecord\'s, `//` metadata, references and overrides included', () => {
    const ours = synthesizedFile(CloudflareDnsRecord);
    const prebuilt = synthesizedFile(DnsRecord as unknown as RecordClass);
    expect(ours).toBe(prebuilt);
    const record = (JSON.parse(ours) as { resource: { cloudflare_dns_record: Record<string, Record<string, unknown>> } }).resource.cloudflare_dns_record;
    expect(record.plain).toMatchObject({ content: 'mx1.example.net', priority: 10, lifecycle: { create_before_destroy: true }, '//': { metadata: { path: 'stack/plain' } } });
    expect(record['token-zone'].zone_id).toBe('${var.zone_id}');
    expect(record['token-ttl'].ttl).toBe('${var.ttl}');
    expect(record.lazy.content).toBe('"late"');
    expect(record.aliased).toMatchObject({ provider: 'cloudflare.other', depends_on: ['cloudflare_dns_record.plain'] });
    expect(record.overridden).toMatchObject({ ttl: 60, lifecycle: { ignore_changes: ['comment'] } });
  });

  test('the stack document holds plain objects, and a fragment resolved once reads as the attributes', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new CloudflareProvider(stack, 'cloudflare', {});
    const record = new CloudflareDnsRecord(stack, 'r', { zoneId: 'z1', name: 'example.com', type: 'MX', content: 'mx.example.com', priority: 5, ttl: 300 });
    const document = stack.toTerraform() as { resource: { cloudflare_dns_record: Record<string, unknown> } };
    const block = document.resource.cloudflare_dns_record[record.friendlyUniqueId];
    expect(Tokenization.isResolvable(block)).toBe(false);
    expect(Object.getPrototypeOf(block)).toBe(Object.prototype);
    const once = Tokenization.resolve(record.toTerraform(), { scope: record, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) }) as {
      resource: { cloudflare_dns_record: Record<string, Record<string, unknown>> };
    };
    expect(JSON.parse(JSON.stringify(once.resource.cloudflare_dns_record[record.friendlyUniqueId]))).toEqual(JSON.parse(JSON.stringify(block)));
    expect(once.resource.cloudflare_dns_record[record.friendlyUniqueId].priority).toBe(5);
  });
});

describe('settledCopy', () => {
  test('copies plain JSON, dropping undefined values as cdktf\'s resolver does', () => {
    expect(settledCopy({ a: 'x', b: undefined, c: [1, undefined, true, null], d: { e: 'zone 3e5' } })).toEqual({ a: 'x', c: [1, true, null], d: { e: 'zone 3e5' } });
  });

  test.each([
    ['a string token', () => Token.asString(Lazy.stringValue({ produce: () => 'x' }))],
    ['a number token', () => Token.asNumber(Lazy.numberValue({ produce: () => 1 }))],
    ['a list token', () => Token.asList(Lazy.listValue({ produce: () => ['x'] }))],
    ['a resolvable', () => Lazy.anyValue({ produce: () => 'x' })],
    ['an encoded number token as text', () => `ttl ${String(Token.asNumber(Lazy.numberValue({ produce: () => 1 })))}`],
    ['a Date', () => new Date(0)],
    ['a class instance', () => new (class Box { public readonly v = 1; })()],
  ])('leaves %s to cdktf, however deep', (_name, make) => {
    expect(settledCopy(make())).toBe(UNSETTLED);
    expect(settledCopy({ outer: [{ inner: make() }] })).toBe(UNSETTLED);
  });
});
