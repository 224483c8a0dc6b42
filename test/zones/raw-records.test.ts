// Raw records are recognised by Terraform resource type and synthesized attributes, whichever
// class made them; zones by their identity, so two references to one zone are one zone.
import { DataCloudflareZone } from '@cdktf/provider-cloudflare/lib/data-cloudflare-zone';
import { DnsRecord } from '@cdktf/provider-cloudflare/lib/dns-record';
import { App, TerraformResource, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MxRecords, MxValidation, readSynthesizedRecords, renderZone } from '../../lib';
import { appSynthError, newStack } from '../helpers';

/** What `cdktf get` generates for cloudflare_dns_record, cut to the attributes used: defined here, not imported. */
interface GeneratedDnsRecordConfig {
  readonly zoneId: string;
  readonly name: string;
  readonly type: string;
  readonly content?: string;
  readonly ttl: number;
  readonly proxied?: boolean;
}

class GeneratedDnsRecord extends TerraformResource {
  constructor(scope: Construct, id: string, private readonly config: GeneratedDnsRecordConfig) {
    super(scope, id, {
      terraformResourceType: 'cloudflare_dns_record',
      terraformGeneratorMetadata: { providerName: 'cloudflare', providerVersion: '5.15.0', providerVersionConstraint: '~> 5.0' },
    });
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return {
      content: this.config.content,
      name: this.config.name,
      proxied: this.config.proxied,
      ttl: this.config.ttl,
      type: this.config.type,
      zone_id: this.config.zoneId,
    };
  }
}

const mx = { priority: 10, exchange: 'mx.example.net' };

describe('raw records from any binding', () => {
  test('a raw CNAME at the apex made with a generated-style class fails synth with cname-at-apex', () => {
    const message = appSynthError((stack) => {
      new MxRecords(stack, 'mail', { zoneId: 'z1', domain: 'example.com', records: [mx, { priority: 20, exchange: 'mx2.example.net' }] });
      new GeneratedDnsRecord(stack, 'apex-alias', { zoneId: 'z1', name: '@', type: 'CNAME', content: 'web.example.net', ttl: 1 });
    });
    expect(message).toMatch(/\[cname-at-apex\] example\.com\. \(stack\/apex-alias\)/);
  });

  test('the same raw record in another zone id is not part of the zone', () => {
    const stack = newStack();
    new MxRecords(stack, 'mail', { zoneId: 'z1', domain: 'example.com', records: [mx] });
    new GeneratedDnsRecord(stack, 'apex-alias', { zoneId: 'z2', name: 'example.com', type: 'CNAME', content: 'web.example.net', ttl: 1 });
    expect(MxValidation.of(stack).findings().findings.map((f) => f.rule)).not.toContain('cname-at-apex');
  });

  test('attributes set with addOverride are read as Terraform will see them', () => {
    const message = appSynthError((stack) => {
      new MxRecords(stack, 'mail', { zoneId: 'z1', domain: 'example.com', records: [mx, { priority: 20, exchange: 'mx2.example.net' }] });
      const raw = new GeneratedDnsRecord(stack, 'raw', { zoneId: 'z1', name: '@', type: 'A', content: '192.0.2.1', ttl: 1 });
      raw.addOverride('type', 'CNAME');
      raw.addOverride('content', 'web.example.net');
    });
    expect(message).toContain('[cname-at-apex] example.com. (stack/raw)');
  });

  test('records with count are left out: what they publish is known only at apply', () => {
    const stack = newStack();
    new MxRecords(stack, 'mail', { zoneId: 'z1', domain: 'example.com', records: [mx] });
    const raw = new GeneratedDnsRecord(stack, 'raw', { zoneId: 'z1', name: '@', type: 'CNAME', content: 'web.example.net', ttl: 1 });
    raw.count = 0;
    expect(MxValidation.of(stack).findings().findings.map((f) => f.rule)).not.toContain('cname-at-apex');
  });

  test('renderZone shows generated-class records, from the stack and from cdk.tf.json alike', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'cdktf-mx-raw-'));
    try {
      const app = new App({ outdir });
      const stack = newStack('mail', app);
      new MxRecords(stack, 'mail', { zoneId: 'z1', domain: 'example.com', records: [mx] });
      new GeneratedDnsRecord(stack, 'host', { zoneId: 'z1', name: 'www', type: 'A', content: '192.0.2.1', ttl: 300 });
      app.synth();
      const text = renderZone(stack, 'example.com');
      expect(text).toContain('www.example.com. 300 IN A 192.0.2.1');
      expect(renderZone(outdir, 'example.com')).toBe(text);
      expect(readSynthesizedRecords(outdir).map((r) => r.address).sort()).toEqual(['cloudflare_dns_record.host', 'cloudflare_dns_record.mx__example_com__mx_example_net']);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});

describe('one zone, however it is referenced', () => {
  test('two DataCloudflareZone lookups of the same zone name are one zone', () => {
    const message = appSynthError((stack) => {
      const a = new DataCloudflareZone(stack, 'zone-a', { filter: { name: 'example.com' } });
      const b = new DataCloudflareZone(stack, 'zone-b', { filter: { name: 'Example.com.' } });
      new MxRecords(stack, 'mail', { zoneId: a.zoneId, domain: 'example.com', records: [mx, { priority: 20, exchange: 'mx2.example.net' }] });
      new DnsRecord(stack, 'apex-alias', { zoneId: b.zoneId, name: 'example.com', type: 'CNAME', content: 'web.example.net', ttl: 1 });
    });
    expect(message).toContain('[cname-at-apex] example.com. (stack/apex-alias)');
  });

  test('lookups of different zone names stay different zones', () => {
    const stack = newStack();
    const a = new DataCloudflareZone(stack, 'zone-a', { filter: { name: 'example.com' } });
    const b = new DataCloudflareZone(stack, 'zone-b', { filter: { name: 'example.org' } });
    new MxRecords(stack, 'mail', { zoneId: a.zoneId, domain: 'example.com', records: [mx] });
    new DnsRecord(stack, 'apex-alias', { zoneId: b.zoneId, name: 'example.com', type: 'CNAME', content: 'web.example.net', ttl: 1 });
    expect(MxValidation.of(stack).findings().findings.map((f) => f.rule)).not.toContain('cname-at-apex');
    expect(MxValidation.of(stack).zoneModels()).toHaveLength(1);
  });

  test('two references to one variable are one zone', () => {
    const stack: TerraformStack = newStack();
    const zoneId = new TerraformVariable(stack, 'zone_id', { type: 'string' });
    new MxRecords(stack, 'mail', { zoneId: zoneId.stringValue, domain: 'example.com', records: [mx] });
    new GeneratedDnsRecord(stack, 'apex-alias', { zoneId: zoneId.stringValue, name: '@', type: 'CNAME', content: 'web.example.net', ttl: 1 });
    expect(MxValidation.of(stack).findings().findings.map((f) => f.rule)).toContain('cname-at-apex');
  });

  test('one zone id declared for two domains fails synth, naming both constructs', () => {
    const message = appSynthError((stack) => {
      new MxRecords(stack, 'a', { zoneId: 'z1', domain: 'example.com', records: [mx] });
      new MxRecords(stack, 'b', { zoneId: 'z1', domain: 'example.org', records: [mx] });
    });
    expect(message).toContain('Cloudflare zone z1 is used for "example.com" (stack/a) and for "example.org" (stack/b); a zone belongs to one domain.');
  });
});
