// The user's own record-set resources of each host are read into the zone model by Terraform
// type and synthesized attributes (here: the prebuilt bindings, as a user would write them), so
// zone-wide rules see them; each host's rules judge how they are written. `renderZone` and the
// synthesized-output reader (verify) read every host's resources from cdktf.out too.
import { DataAwsRoute53Zone } from '@cdktf/provider-aws/lib/data-aws-route53-zone';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { CnameRecord } from '@cdktf/provider-dns/lib/cname-record';
import { MxRecordSet } from '@cdktf/provider-dns/lib/mx-record-set';
import { TxtRecordSet } from '@cdktf/provider-dns/lib/txt-record-set';
import { DnsManagedZone } from '@cdktf/provider-google/lib/dns-managed-zone';
import { DnsRecordSet } from '@cdktf/provider-google/lib/dns-record-set';
import { App, TerraformStack } from 'cdktf';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  googleDnsReader, GoogleDnsZone, MxRecords, MxValidation, readSynthesizedRecords, renderZone, rfc2136Reader, Rfc2136Zone, route53Reader, Route53Zone, RULES_BY_ID,
} from '../../lib';
import { HOSTS, hostStack } from './host-stacks';

const [ROUTE53, GOOGLE, RFC2136] = HOSTS as [(typeof HOSTS)[0], (typeof HOSTS)[1], (typeof HOSTS)[2]];
const ZONE_ID = 'Z0123456789ABCDEFGHIJ';

/** Rule ids of the stack's findings. */
function rulesOf(stack: TerraformStack): string[] {
  return MxValidation.of(stack).findings().findings.map((f) => f.rule);
}

/** Our MX at the apex pointing at mail.example.com, which the user's raw records then describe. */
function ourMx(stack: TerraformStack, zone: ReturnType<(typeof HOSTS)[number]['zone']>): void {
  new MxRecords(stack, 'mail', { zone, records: [{ priority: 10, exchange: 'mail.example.com' }, { priority: 20, exchange: 'backup.example.net' }] });
}

describe('raw record sets join the zone model', () => {
  test('Route 53: a raw aws_route53_record CNAME at the name our MX points to is mx-target-cname', () => {
    const stack = hostStack(ROUTE53);
    ourMx(stack, Route53Zone.fromHostedZoneId(ZONE_ID, 'example.com'));
    new Route53Record(stack, 'web', { zoneId: ZONE_ID, name: 'mail.example.com', type: 'CNAME', ttl: 300, records: ['ghs.example.net.'] });
    expect(rulesOf(stack)).toContain('mx-target-cname');
  });

  test('Google: a raw google_dns_record_set CNAME at the MX target is mx-target-cname', () => {
    const stack = hostStack(GOOGLE);
    ourMx(stack, GoogleDnsZone.fromManagedZone('example-com', 'example.com'));
    new DnsRecordSet(stack, 'web', { managedZone: 'example-com', name: 'mail.example.com.', type: 'CNAME', ttl: 300, rrdatas: ['ghs.example.net.'] });
    expect(rulesOf(stack)).toContain('mx-target-cname');
  });

  test('RFC 2136: a raw dns_cname_record at the MX target is mx-target-cname', () => {
    const stack = hostStack(RFC2136);
    ourMx(stack, Rfc2136Zone.of('example.com'));
    new CnameRecord(stack, 'web', { zone: 'example.com.', name: 'mail', ttl: 300, cname: 'ghs.example.net.' });
    expect(rulesOf(stack)).toContain('mx-target-cname');
  });

  test('a raw SPF set beside ours is spf-multiple on every host', () => {
    const build = (host: (typeof HOSTS)[number], raw: (stack: TerraformStack) => void) => {
      const stack = hostStack(host);
      new MxRecords(stack, 'mail', { zone: host.zone('example.com'), records: [{ priority: 10, exchange: 'mx.example.net' }] });
      raw(stack);
      return stack;
    };
    const spf = 'v=spf1 include:_spf.example.net ~all';
    const stacks = [
      build(ROUTE53, (s) => new Route53Record(s, 'spf', { zoneId: ZONE_ID, name: 'example.com', type: 'TXT', ttl: 300, records: [spf, 'v=spf1 -all'] })),
      build(GOOGLE, (s) => new DnsRecordSet(s, 'spf', { managedZone: 'example-com', name: 'example.com.', type: 'TXT', ttl: 300, rrdatas: [`"${spf}"`, '"v=spf1 -all"'] })),
      build(RFC2136, (s) => new TxtRecordSet(s, 'spf', { zone: 'example.com.', ttl: 300, txt: [spf, 'v=spf1 -all'] })),
    ];
    for (const stack of stacks) expect(rulesOf(stack)).toContain('spf-multiple');
  });
});

describe('record-set-create-before-destroy', () => {
  test.each<[string, (typeof HOSTS)[number], (stack: TerraformStack) => void]>([
    ['aws_route53_record', ROUTE53, (s) => new Route53Record(s, 'raw', { zoneId: ZONE_ID, name: 'backup.example.com', type: 'MX', ttl: 300, records: ['10 mx.example.net.'], lifecycle: { createBeforeDestroy: true } })],
    ['google_dns_record_set', GOOGLE, (s) => new DnsRecordSet(s, 'raw', { managedZone: 'example-com', name: 'backup.example.com.', type: 'MX', ttl: 300, rrdatas: ['10 mx.example.net.'], lifecycle: { createBeforeDestroy: true } })],
    ['dns_mx_record_set', RFC2136, (s) => new MxRecordSet(s, 'raw', { zone: 'example.com.', name: 'backup', ttl: 300, mx: [{ preference: 10, exchange: 'mx.example.net.' }], lifecycle: { createBeforeDestroy: true } })],
  ])('a raw %s with create_before_destroy is an error finding; without it, none', (type, host, raw) => {
    const stack = hostStack(host);
    new MxRecords(stack, 'mail', { zone: host.zone('example.com'), records: [{ priority: 10, exchange: 'mx.example.net' }] });
    raw(stack);
    const findings = MxValidation.of(stack).findings().findings.filter((f) => f.rule === 'record-set-create-before-destroy');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error' });
    expect(findings[0]!.message).toContain(`${type}.raw sets create_before_destroy`);

    const clean = hostStack(host);
    new MxRecords(clean, 'mail', { zone: host.zone('example.com'), records: [{ priority: 10, exchange: 'mx.example.net' }] });
    expect(rulesOf(clean)).not.toContain('record-set-create-before-destroy');
  });

  test('the rule is one rule shared by the three hosts, listed once', () => {
    expect(RULES_BY_ID.get('record-set-create-before-destroy')).toBeDefined();
  });
});

describe('host TXT rules', () => {
  const LONG = `v=DKIM1; k=rsa; p=${'A'.repeat(300)}`;

  test('route53-txt-string: an element with a 318-octet string fails; split with "" it passes', () => {
    const build = (value: string) => {
      const stack = hostStack(ROUTE53);
      ourMx(stack, Route53Zone.fromHostedZoneId(ZONE_ID, 'example.com'));
      new Route53Record(stack, 'dkim', { zoneId: ZONE_ID, name: 'sel1._domainkey.example.com', type: 'TXT', ttl: 300, records: [value] });
      return stack;
    };
    const bad = MxValidation.of(build(LONG)).findings().findings.filter((f) => f.rule === 'route53-txt-string');
    expect(bad).toHaveLength(1);
    expect(bad[0]!.message).toContain('a character-string of 318 octets');
    expect(rulesOf(build(`${LONG.slice(0, 255)}""${LONG.slice(255)}`))).not.toContain('route53-txt-string');
  });

  test('rfc2136-txt-escape: " or \\ unescaped fails; zone-file escaped passes, and reads back as the text', () => {
    const build = (txt: string[]) => {
      const stack = hostStack(RFC2136);
      ourMx(stack, Rfc2136Zone.of('example.com'));
      new TxtRecordSet(stack, 'quoted', { zone: 'example.com.', name: 'quoted', ttl: 300, txt });
      return stack;
    };
    const bad = MxValidation.of(build(['say "hi" now', 'back\\slash'])).findings().findings.filter((f) => f.rule === 'rfc2136-txt-escape');
    expect(bad.map((f) => f.message)).toEqual([expect.stringContaining('an unescaped " at position 5'), expect.stringContaining('a \\ at position 5 that escapes "s"')]);
    const good = build(['say \\"hi\\" now', 'back\\\\slash']);
    expect(rulesOf(good)).not.toContain('rfc2136-txt-escape');
    expect(renderZone(good, 'example.com')).toContain('quoted.example.com. 300 IN TXT "back\\\\slash"');
  });

  test('google-dns-txt-unquoted: an unquoted TXT with spaces fails; quoted passes', () => {
    const build = (rrdata: string) => {
      const stack = hostStack(GOOGLE);
      ourMx(stack, GoogleDnsZone.fromManagedZone('example-com', 'example.com'));
      new DnsRecordSet(stack, 'spf', { managedZone: 'example-com', name: 'example.com.', type: 'TXT', ttl: 300, rrdatas: [rrdata] });
      return stack;
    };
    expect(rulesOf(build('v=spf1 include:_spf.example.net ~all'))).toContain('google-dns-txt-unquoted');
    expect(rulesOf(build('"v=spf1 include:_spf.example.net ~all"'))).not.toContain('google-dns-txt-unquoted');
  });
});

describe('host TTL rules', () => {
  test.each<[string, (typeof HOSTS)[number], string]>([
    ['Route 53', ROUTE53, 'route53-ttl'],
    ['Google Cloud DNS', GOOGLE, 'google-dns-ttl'],
    ['RFC 2136', RFC2136, 'rfc2136-ttl'],
  ])('%s: a TTL outside 0–2147483647 is %s; Cloudflare\'s range does not apply (TTL 1 and 172800 are fine)', (_l, host, rule) => {
    const stackWith = (ttl: number) => {
      const stack = hostStack(host);
      new MxRecords(stack, 'mail', { zone: host.zone('example.com'), ttl, records: [{ priority: 10, exchange: 'mx.example.net' }] });
      return stack;
    };
    expect(rulesOf(stackWith(2147483648))).toContain(rule);
    for (const ttl of [1, 172800]) {
      const rules = rulesOf(stackWith(ttl));
      expect(rules).not.toContain(rule);
      expect(rules).not.toContain('cloudflare-ttl');
    }
  });
});

describe('synthesized output of every host (verify, renderZone)', () => {
  test('readSynthesizedRecords and renderZone read our sets and the user\'s raw sets from cdktf.out', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'cdktf-mx-hosts-raw-'));
    try {
      const app = new App({ outdir });
      const r53 = hostStack(ROUTE53, app, 'r53');
      ourMx(r53, Route53Zone.fromHostedZoneId(ZONE_ID, 'example.com'));
      new Route53Record(r53, 'a', { zoneId: ZONE_ID, name: 'mail.example.com', type: 'A', ttl: 300, records: ['192.0.2.10'] });
      const rfc = hostStack(RFC2136, app, 'rfc');
      ourMx(rfc, Rfc2136Zone.of('example.org'));
      new TxtRecordSet(rfc, 'dkim', { zone: 'example.org.', name: 'sel1._domainkey', ttl: 300, txt: ['v=DKIM1; p=abc'] });
      app.synth();
      const records = readSynthesizedRecords(outdir).map((r) => `${r.stack} ${r.address} ${r.name} ${r.type} ${r.priority ?? ''} ${r.value}`);
      expect(records.sort()).toEqual([
        'r53 aws_route53_record.a mail.example.com A  192.0.2.10',
        'r53 aws_route53_record.mx__example_com example.com MX 10 mail.example.com',
        'r53 aws_route53_record.mx__example_com example.com MX 20 backup.example.net',
        'rfc dns_mx_record_set.mx__example_org example.org. MX 10 mail.example.com',
        'rfc dns_mx_record_set.mx__example_org example.org. MX 20 backup.example.net',
        'rfc dns_txt_record_set.dkim sel1._domainkey.example.org. TXT  v=DKIM1; p=abc',
      ]);
      expect(renderZone(outdir, 'example.org', { stack: 'rfc' })).toBe(
        ['; cdktf-mx zone example.org.', 'example.org. 3600 IN MX 10 mail.example.com.', 'example.org. 3600 IN MX 20 backup.example.net.', 'sel1._domainkey.example.org. 300 IN TXT "v=DKIM1; p=abc"', ''].join('\n'),
      );
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});

describe('host readers on plain attributes (as plan or state JSON holds them)', () => {
  test('RFC 2136: name null at the apex, an MX set, escaped TXT', () => {
    const mx = rfc2136Reader.readRecords({ type: 'dns_mx_record_set', address: 'dns_mx_record_set.m', attributes: { zone: 'example.com.', name: null, ttl: 300, mx: [{ preference: 0, exchange: '.' }] } });
    expect(mx).toEqual([{ zoneId: 'example.com.', name: 'example.com.', type: 'MX', value: '.', priority: 0, ttl: 300, resource: { address: 'dns_mx_record_set.m', ownsRecordSet: true } }]);
    const txt = rfc2136Reader.readRecords({ type: 'dns_txt_record_set', address: 'dns_txt_record_set.t', attributes: { zone: 'example.com.', name: 'note', ttl: 300, txt: ['say \\"hi\\"'] } });
    expect(txt).toMatchObject([{ name: 'note.example.com.', value: 'say "hi"', resource: { written: 'say \\"hi\\"' } }]);
  });

  test('Route 53: MX, "" -split TXT and an alias record (nothing readable)', () => {
    const read = (attributes: Record<string, unknown>) => route53Reader.readRecords({ type: 'aws_route53_record', address: 'aws_route53_record.r', attributes });
    expect(read({ zone_id: ZONE_ID, name: 'example.com', type: 'MX', ttl: 300, records: ['10 mx.example.net.', '0 .'] }).map((r) => [r.priority, r.value])).toEqual([[10, 'mx.example.net'], [0, '.']]);
    expect(read({ zone_id: ZONE_ID, name: 'example.com', type: 'TXT', ttl: 300, records: ['abc""def', 'say \\"hi\\"'] }).map((r) => r.value)).toEqual(['abcdef', 'say "hi"']);
    expect(read({ zone_id: ZONE_ID, name: 'www.example.com', type: 'A', alias: [{ name: 'lb.example.net', zone_id: 'Z2', evaluate_target_health: false }] })).toEqual([]);
  });

  test('Google: quoted split rrdatas join; an unquoted one is read as written', () => {
    const read = (rrdatas: string[]) => googleDnsReader.readRecords({ type: 'google_dns_record_set', address: 'google_dns_record_set.g', attributes: { managed_zone: 'example-com', name: 'example.com.', type: 'TXT', ttl: 300, rrdatas } });
    expect(read(['"abc" "def"', 'v=spf1 -all']).map((r) => r.value)).toEqual(['abcdef', 'v=spf1 -all']);
  });
});

describe('zone identities: references to zone resources name the same zone', () => {
  test('Route 53: two DataAwsRoute53Zone lookups of one name are one zone', () => {
    const stack = hostStack(ROUTE53);
    const ours = new DataAwsRoute53Zone(stack, 'z1', { name: 'example.com' });
    const theirs = new DataAwsRoute53Zone(stack, 'z2', { name: 'example.com.' });
    ourMx(stack, Route53Zone.fromHostedZoneId(ours.zoneId, 'example.com'));
    new Route53Record(stack, 'web', { zoneId: theirs.zoneId, name: 'mail.example.com', type: 'CNAME', ttl: 300, records: ['ghs.example.net.'] });
    expect(MxValidation.of(stack).zoneModels()).toHaveLength(1);
    expect(rulesOf(stack)).toContain('mx-target-cname');
  });

  test('Google: a reference to the DnsManagedZone named "example-com" is the managed zone "example-com"', () => {
    const stack = hostStack(GOOGLE);
    const managed = new DnsManagedZone(stack, 'zone', { name: 'example-com', dnsName: 'example.com.' });
    ourMx(stack, GoogleDnsZone.fromManagedZone('example-com', 'example.com'));
    new DnsRecordSet(stack, 'web', { managedZone: managed.name, name: 'mail.example.com.', type: 'CNAME', ttl: 300, rrdatas: ['ghs.example.net.'] });
    expect(rulesOf(stack)).toContain('mx-target-cname');
  });

  test('RFC 2136: the zone written in another case or without the dot is the same zone', () => {
    const stack = hostStack(RFC2136);
    ourMx(stack, Rfc2136Zone.of('example.com'));
    new CnameRecord(stack, 'web', { zone: 'Example.COM.', name: 'mail', ttl: 300, cname: 'ghs.example.net.' });
    expect(rulesOf(stack)).toContain('mx-target-cname');
  });
});
