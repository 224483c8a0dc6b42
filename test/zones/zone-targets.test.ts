// Zone targets and the emission path: the `zone` prop, one domain under two zone ids, owner
// names, Terraform escaping, the provider check, import ids and lazy attribute references.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Construct } from 'constructs';
import {
  CloudflareDnsRecord, CloudflareZone, GoogleWorkspaceMx, MailDomainProps, MailRecordsBase, MxInputError, MxMigration, MxRecords, MxValidation, NullMx, readSynthesizedRecords,
  renderZone, SpfInclude, VendorMx, ZoneRegistry,
} from '../../lib';
import { appSynthError, newStack, synthRecords, withSynth } from '../helpers';
import { pinnedApp } from '../presets/examples';

const mx = [{ priority: 10, exchange: 'mx1.example.net' }, { priority: 20, exchange: 'mx2.example.net' }];

describe('the zone prop', () => {
  test('zone: CloudflareZone.fromId(…) synthesizes exactly what { zoneId, domain } does', () => {
    const shorthand = newStack();
    new MxRecords(shorthand, 'mail', { zoneId: 'z1', domain: 'Example.COM.', records: mx });
    const target = newStack();
    new MxRecords(target, 'mail', { zone: CloudflareZone.fromId('z1', 'Example.COM.'), records: mx });
    expect(synthRecords(target)).toEqual(synthRecords(shorthand));
  });

  test.each<[string, Record<string, unknown>, RegExp]>([
    ['zone and zoneId', { zone: CloudflareZone.fromId('z1', 'example.com'), zoneId: 'z1' }, /^zoneId: give either zone or \{ zoneId, domain \}, not both/],
    ['zone and domain', { zone: CloudflareZone.fromId('z1', 'example.com'), domain: 'example.com' }, /^domain: give either zone or \{ zoneId, domain \}, not both/],
    ['neither', {}, /^zone: give the zone: \{ zone \}/],
    ['zoneId without domain', { zoneId: 'z1' }, /^domain: must be a literal domain name/],
    ['something that is not a zone target', { zone: { apex: 'example.com' } }, /^zone: must be a zone target/],
  ])('%s is an MxInputError naming the field', (_label, props, message) => {
    const build = () => new NullMx(newStack(), 'p', props as never);
    expect(build).toThrow(MxInputError);
    expect(build).toThrow(message);
  });

  test('every construct accepts zone', () => {
    const stack = newStack('stack', pinnedApp());
    const zone = CloudflareZone.fromId('z1', 'example.com');
    new GoogleWorkspaceMx(stack, 'g', { zone, companions: { spf: true } });
    new SpfInclude(stack, 'crm', { zone, include: 'sendgrid.net' });
    new VendorMx(stack, 'fm', { zone, name: 'fm', preset: 'fastmail' });
    new MxMigration(stack, 'move', { zone, name: 'move', from: { preset: 'google-workspace' }, to: { preset: 'fastmail' }, step: 'overlap' });
    new NullMx(stack, 'parked', { zone, name: 'parked' });
    const records = Object.values(synthRecords(stack));
    expect(new Set(records.map((r) => r.zone_id))).toEqual(new Set(['z1']));
    expect(records.filter((r) => r.type === 'TXT' && r.name === 'example.com').map((r) => r.content)).toEqual(['"v=spf1 include:_spf.google.com include:sendgrid.net ~all"']);
  });

  test('the registry keeps every published record with its zone and the resource holding it', () => {
    const stack = newStack();
    const zone = CloudflareZone.fromId('z1', 'example.com');
    const parked = new NullMx(stack, 'parked', { zone });
    const published = ZoneRegistry.of(stack).published;
    expect(published.map((p) => [p.spec.type, p.spec.name, p.spec.value])).toEqual([
      ['MX', 'example.com', '.'],
      ['TXT', 'example.com', 'v=spf1 -all'],
      ['TXT', '_dmarc.example.com', 'v=DMARC1; p=reject;'],
    ]);
    expect(published.map((p) => p.resource)).toEqual(parked.records);
    expect(published.every((p) => p.zone === zone)).toBe(true);
  });
});

describe('CloudflareDnsRecord', () => {
  test('attribute getters are lazy references, resolved at synth', () => {
    const stack = newStack();
    const parked = new NullMx(stack, 'parked', { zoneId: 'z1', domain: 'example.com' });
    const record = parked.records[0] as CloudflareDnsRecord;
    expect(record).toBeInstanceOf(CloudflareDnsRecord);
    new TerraformVariable(stack, 'v', { type: 'string', default: record.id });
    new TerraformVariable(stack, 'w', { type: 'string', default: record.name });
    new TerraformVariable(stack, 'p', { type: 'number', default: record.priority });
    const json = JSON.parse(Testing.synth(stack)) as { variable: Record<string, { default: string }> };
    expect(json.variable.v.default).toBe('${cloudflare_dns_record.mx__example_com__null.id}');
    expect(json.variable.p.default).toBe('${cloudflare_dns_record.mx__example_com__null.priority}');
    expect(json.variable.w.default).toBe('${cloudflare_dns_record.mx__example_com__null.name}');
  });

  test('importFrom writes a Terraform import block for the record', () => {
    const stack = newStack();
    const parked = new NullMx(stack, 'parked', { zoneId: 'z1', domain: 'example.com', spf: false, dmarc: false });
    (parked.records[0] as CloudflareDnsRecord).importFrom('z1/3f2e');
    const json = JSON.parse(Testing.synth(stack)) as { import?: Array<{ to: string; id: string }> };
    expect(json.import).toEqual([{ to: 'cloudflare_dns_record.mx__example_com__null', id: 'z1/3f2e' }]);
  });

  test('importing cdktf-mx and synthesizing its records never loads @cdktf/provider-cloudflare', () => {
    const script = `
      const lib = require('./lib/index.ts');
      const { App, TerraformProvider, TerraformStack } = require('cdktf');
      // A provider as \`cdktf get\` generates it, cut down: the prebuilt package is never loaded.
      class GeneratedCloudflareProvider extends TerraformProvider {
        constructor(scope, id) {
          super(scope, id, { terraformResourceType: 'cloudflare', terraformGeneratorMetadata: { providerName: 'cloudflare' }, terraformProviderSource: 'cloudflare/cloudflare' });
        }
        synthesizeAttributes() { return {}; }
      }
      const app = new App({ outdir: ${JSON.stringify(join(tmpdir(), `cdktf-mx-probe-${process.pid}`))}, skipValidation: true });
      const stack = new TerraformStack(app, 's');
      new GeneratedCloudflareProvider(stack, 'cloudflare');
      new lib.GoogleWorkspaceMx(stack, 'g', { zoneId: 'z', domain: 'example.com', companions: { spf: true } });
      new lib.NullMx(stack, 'p', { zone: lib.CloudflareZone.fromId('z', 'example.org') });
      app.synth();
      const loaded = Object.keys(require.cache);
      process.stdout.write(JSON.stringify({ modules: loaded.length, provider: loaded.filter((f) => f.includes('provider-cloudflare')) }));`;
    const result = spawnSync(process.execPath, ['-r', 'tsx/cjs', '-e', script], { cwd: join(__dirname, '..', '..'), encoding: 'utf8' });
    expect(result.stderr).toBe('');
    const probe = JSON.parse(result.stdout) as { modules: number; provider: string[] };
    expect(probe.modules).toBeGreaterThan(50);
    expect(probe.provider).toEqual([]);
    rmSync(join(tmpdir(), `cdktf-mx-probe-${process.pid}`), { recursive: true, force: true });
  });
});

describe('one domain under two zone ids keeps both record sets (issue 13.1)', () => {
  test('MxRecords: four records, the first zone keeps today\'s addresses', () => {
    const stack = newStack();
    new MxRecords(stack, 'prod', { zoneId: 'zone-prod', domain: 'example.com', records: mx });
    new MxRecords(stack, 'staging', { zoneId: 'zone-staging', domain: 'example.com', records: mx });
    const records = synthRecords(stack);
    expect(Object.entries(records).map(([address, r]) => [address, r.zone_id, r.content]).sort()).toEqual([
      ['mx__example_com__mx1_example_net', 'zone-prod', 'mx1.example.net'],
      ['mx__example_com__mx1_example_net__in__zone-staging', 'zone-staging', 'mx1.example.net'],
      ['mx__example_com__mx2_example_net', 'zone-prod', 'mx2.example.net'],
      ['mx__example_com__mx2_example_net__in__zone-staging', 'zone-staging', 'mx2.example.net'],
    ]);
    // Two zones, each judged on its own: no mx-duplicate.
    expect(MxValidation.of(stack).zoneModels().map((m) => [m.zoneId, m.zone.records.length])).toEqual([['zone-prod', 2], ['zone-staging', 2]]);
    expect(MxValidation.of(stack).findings().findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('NullMx with a literal id and a variable: six records', () => {
    const stack = newStack();
    const staging = new TerraformVariable(stack, 'staging_zone_id', { type: 'string' });
    new NullMx(stack, 'prod', { zoneId: 'zone-prod', domain: 'example.com' });
    new NullMx(stack, 'staging', { zoneId: staging.stringValue, domain: 'example.com' });
    const records = synthRecords(stack);
    expect(Object.keys(records)).toHaveLength(6);
    expect(Object.values(records).filter((r) => r.zone_id === '${var.staging_zone_id}')).toHaveLength(3);
    expect(Object.keys(records).filter((address) => address.includes('__in__var_staging_zone_id_'))).toHaveLength(3);
  });

  test('SpfInclude: one SPF record per zone, each with its own includes', () => {
    const stack = newStack();
    new SpfInclude(stack, 'prod', { zoneId: 'zone-prod', domain: 'example.com', include: 'prod.example.net' });
    new SpfInclude(stack, 'staging', { zoneId: 'zone-staging', domain: 'example.com', include: 'staging.example.net' });
    const spf = Object.values(synthRecords(stack)).map((r) => [r.zone_id, r.content]).sort();
    expect(spf).toEqual([
      ['zone-prod', '"v=spf1 include:prod.example.net ~all"'],
      ['zone-staging', '"v=spf1 include:staging.example.net ~all"'],
    ]);
  });

  test('the same records twice in ONE zone are still an error', () => {
    const stack = newStack();
    new MxRecords(stack, 'a', { zoneId: 'z1', domain: 'example.com', records: mx });
    expect(() => new MxRecords(stack, 'b', { zoneId: 'z1', domain: 'example.com', records: mx })).toThrow(/declared twice in one zone \(stack\/a and stack\/b\)/);
  });
});

describe('owner names are validated at construction (issue 13.7)', () => {
  test.each(['a..b', '.eu', 'a b', 'a/b', 'eu.', 'a$b'])('name %j is an MxInputError naming the field', (name) => {
    const build = () => new MxRecords(newStack(), 'mail', { zoneId: 'z1', domain: 'example.com', name, records: mx });
    expect(build).toThrow(MxInputError);
    expect(build).toThrow(/^name: /);
  });

  test.each(['@', 'eu', 'Mail.EU', 'eu.example.com.', '_bounce', '*.wild'])('name %j is accepted', (name) => {
    const stack = newStack();
    expect(() => new MxRecords(stack, 'mail', { zoneId: 'z1', domain: 'example.com', name, records: mx })).not.toThrow();
  });
});

describe('strings reach Terraform as literal text (issue 13.10)', () => {
  const comment = 'cost ${var.x} and %{ if true }x%{ endif } $${kept}';

  test('comments and TXT values are escaped in cdk.tf.json and read back as written', () => {
    withSynth((stack) => {
      new MxRecords(stack, 'mail', { zoneId: 'z1', domain: 'example.com', records: mx, comment });
      const zone = CloudflareZone.fromId('z1', 'example.com');
      zone.host.publish(stack, zone, { name: 'example.com', type: 'TXT', value: 'token=${secret}', ttl: 3600 }, 'token');
    }, (stack, outdir) => {
      const json = JSON.parse(readFileSync(join(outdir, 'stacks', 'mail', 'cdk.tf.json'), 'utf8')) as { resource: { cloudflare_dns_record: Record<string, { comment?: string; content: string }> } };
      const records = json.resource.cloudflare_dns_record;
      expect(records.mx__example_com__mx1_example_net.comment).toBe('cost $${var.x} and %%{ if true }x%%{ endif } $$${kept}');
      expect(records.txt__example_com__token.content).toBe('"token=$${secret}"');
      expect(readSynthesizedRecords(outdir).find((r) => r.type === 'TXT')?.value).toBe('token=${secret}');
      expect(renderZone(outdir, 'example.com')).toContain('example.com. 3600 IN TXT "token=${secret}"');
      expect(renderZone(stack, 'example.com')).toBe(renderZone(outdir, 'example.com'));
    });
  });

  test('the rules see our own records\' text with ${ as written, not as an expression', () => {
    class TokenRecord extends MailRecordsBase {
      constructor(scope: Construct, id: string, props: MailDomainProps) {
        super(scope, id, props);
        this.publish({ type: 'TXT', value: 'token=${secret}', identity: 'token', field: 'token' });
      }
    }
    const stack = newStack();
    new TokenRecord(stack, 'token', { zoneId: 'z1', domain: 'example.com' });
    expect(MxValidation.of(stack).zoneModels()[0].zone.records.map((r) => r.value)).toEqual(['token=${secret}']);
    expect(renderZone(stack, 'example.com')).toContain('example.com. 3600 IN TXT "token=${secret}"');
  });

  test('Terraform itself reads the escaped text as the literal', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-tf-'));
    try {
      const stack = newStack();
      new MxRecords(stack, 'mail', { zoneId: 'z1', domain: 'example.com', records: mx, comment });
      const written = synthRecords(stack).mx__example_com__mx1_example_net.comment;
      writeFileSync(join(dir, 'main.tf.json'), JSON.stringify({ locals: { comment: written } }));
      const result = spawnSync('terraform', ['console'], { cwd: dir, input: 'jsonencode(local.comment)\n', encoding: 'utf8', env: { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' } });
      expect(result.status).toBe(0);
      expect(JSON.parse(JSON.parse(result.stdout.trim()) as string)).toBe(comment);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('tokens are left alone', () => {
    const stack = newStack();
    const note = new TerraformVariable(stack, 'note', { type: 'string' });
    new MxRecords(stack, 'mail', { zoneId: 'z1', domain: 'example.com', records: mx, comment: note.stringValue });
    expect(synthRecords(stack).mx__example_com__mx1_example_net.comment).toBe('${var.note}');
  });
});

describe('a stack without a Cloudflare provider', () => {
  test('gets one clear error naming the stack and what to add, not cdktf\'s generic one', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'cdktf-mx-noprov-'));
    let message = '';
    try {
      const app = new App({ outdir });
      const stack = new TerraformStack(app, 'mail');
      new NullMx(stack, 'parked', { zoneId: 'z1', domain: 'example.com' });
      app.synth();
    } catch (error) {
      message = (error as Error).message;
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
    expect(message).toBe(
      'provider: stack "mail" has Cloudflare DNS records from cdktf-mx but no Cloudflare provider; add `new CloudflareProvider(stack, \'cloudflare\', {})` ' +
      "(from '@cdktf/provider-cloudflare/lib/provider', or from the binding `cdktf get` or `cdktn get` generates) to the stack; it reads the API token from CLOUDFLARE_API_TOKEN, so keep the token out of the code. " +
      'On cdktn, add "cloudflare/cloudflare@~> 5.0" to terraformProviders in cdktf.json, run `cdktn get` and import the provider from ./.gen/providers/cloudflare/provider.',
    );
    expect(message).not.toContain('Found resources without a matching provider construct');
  });

  test('a provider anywhere in the stack is enough', () => {
    expect(() => appSynthError((stack) => new NullMx(stack, 'parked', { zoneId: 'z1', domain: 'example.com' }))).toThrow('synth succeeded');
  });
});

describe('reading synthesized output', () => {
  test.each(['cdk.tf.json', 'manifest.json'])('a broken %s is an error naming the file', (file) => {
    const dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-broken-'));
    try {
      mkdirSync(join(dir, 'stacks', 'mail'), { recursive: true });
      writeFileSync(join(dir, 'manifest.json'), file === 'manifest.json' ? '{"stacks": {' : JSON.stringify({ stacks: { mail: { synthesizedStackPath: 'stacks/mail/cdk.tf.json' } } }));
      writeFileSync(join(dir, 'stacks', 'mail', 'cdk.tf.json'), '{"resource": ');
      const read = () => readSynthesizedRecords(dir);
      expect(read).toThrow(MxInputError);
      expect(read).toThrow(`${join(dir, file === 'manifest.json' ? 'manifest.json' : join('stacks', 'mail', 'cdk.tf.json'))} is not valid JSON`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
