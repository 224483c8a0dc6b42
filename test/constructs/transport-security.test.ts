// MtaSts, TlsRpt and DaneTlsa: what they synthesize on each host, and the tie between MX set and policy.
import { DnsRecord } from '@cdktf/provider-cloudflare/lib/dns-record';
import { TerraformStack, Testing } from 'cdktf';
import {
  CloudflareZone, DaneTlsa, GoogleDnsZone, Microsoft365Mx, MtaSts, MxInputError, MxMigration, MxRecords, MxValidation, NullMx, renderZone, Rfc2136Zone, Route53Zone, TlsRpt,
} from '../../lib';
import { mtaStsPolicyId, parseMtaStsPolicy } from '../../lib/transport/mta-sts-policy';
import { newStack, synthRecords } from '../helpers';
import { HOSTS, hostStack } from '../hosts/host-stacks';

const zone = CloudflareZone.fromId('zone-1', 'example.com');
const KEY = 'ab'.repeat(32);

function synthJson(stack: TerraformStack): { output?: Record<string, { value: string; description: string }>; resource?: Record<string, Record<string, Record<string, unknown>>> } {
  return JSON.parse(Testing.synth(stack, true));
}

describe('MtaSts', () => {
  test('derives mx from the MX set at the name, publishes _mta-sts with the hash of the policy, outputs the policy', () => {
    const stack = newStack();
    new MxRecords(stack, 'mail', { zone, records: [{ priority: 10, exchange: 'mx1.example.com' }, { priority: 20, exchange: 'MX2.example.net.' }] });
    const sts = new MtaSts(stack, 'sts', { zone, mode: 'enforce' });
    expect(sts.policyText).toBe('version: STSv1\r\nmode: enforce\r\nmx: mx1.example.com\r\nmx: mx2.example.net\r\nmax_age: 604800\r\n');
    const json = synthJson(stack);
    const txt = Object.values(json.resource!.cloudflare_dns_record).find((r) => r.name === '_mta-sts.example.com')!;
    expect(txt.content).toBe(`"v=STSv1; id=${mtaStsPolicyId(sts.policyText)};"`);
    const output = Object.values(json.output!)[0];
    expect(output.value).toBe(sts.policyText);
    expect(parseMtaStsPolicy(output.value).problems).toEqual([]);
  });

  test('an MX construct declared after MtaSts is covered too: the policy is derived at synth', () => {
    const stack = newStack();
    const sts = new MtaSts(stack, 'sts', { zone, mode: 'enforce' });
    new MxRecords(stack, 'mail', { zone, records: [{ priority: 10, exchange: 'mx1.example.com' }] });
    const json = synthJson(stack);
    expect(Object.values(json.output!)[0].value).toContain('mx: mx1.example.com\r\n');
    const txt = Object.values(json.resource!.cloudflare_dns_record).find((r) => r.name === '_mta-sts.example.com')!;
    expect(txt.content).toBe(`"v=STSv1; id=${sts.policyId};"`);
  });

  test('the id changes exactly when the policy does', () => {
    const idOf = (mode: 'enforce' | 'testing', exchange: string) => {
      const stack = newStack();
      new MxRecords(stack, 'mail', { zone, records: [{ priority: 10, exchange }] });
      return new MtaSts(stack, 'sts', { zone, mode }).policyId;
    };
    expect(idOf('enforce', 'mx1.example.com')).toBe(idOf('enforce', 'mx1.example.com'));
    expect(idOf('testing', 'mx1.example.com')).not.toBe(idOf('enforce', 'mx1.example.com'));
    expect(idOf('enforce', 'mx2.example.com')).not.toBe(idOf('enforce', 'mx1.example.com'));
  });

  test('a vendor preset contributes the wildcard it documents (Microsoft 365), exact hosts otherwise', () => {
    const stack = newStack();
    new Microsoft365Mx(stack, 'mail', { zone, exchange: 'contoso-com.mail.protection.outlook.com' });
    expect(new MtaSts(stack, 'sts', { zone, mode: 'enforce' }).mxPatterns).toEqual(['*.mail.protection.outlook.com']);
    const dnssec = newStack();
    new Microsoft365Mx(dnssec, 'mail', { zone, exchange: 'contoso-com.o-v1.mx.microsoft' });
    expect(new MtaSts(dnssec, 'sts', { zone, mode: 'enforce' }).mxPatterns).toEqual(['contoso-com.o-v1.mx.microsoft']);
  });

  test('a migration overlap covers both vendors; extraMx adds patterns; policyHost publishes the CNAME', () => {
    const stack = newStack();
    new MxMigration(stack, 'move', {
      zone,
      from: { preset: 'microsoft-365', parameters: { exchange: 'contoso-com.mail.protection.outlook.com' } },
      to: { preset: 'fastmail' },
      step: 'overlap',
    });
    const sts = new MtaSts(stack, 'sts', { zone, mode: 'enforce', extraMx: ['backup.example.org'], policyHost: { cname: 'contoso.github.io' } });
    expect(sts.mxPatterns).toEqual(['*.mail.protection.outlook.com', 'in1-smtp.messagingengine.com', 'in2-smtp.messagingengine.com', 'backup.example.org']);
    const cname = Object.values(synthRecords(stack)).find((r) => r.type === 'CNAME')!;
    expect(cname).toEqual(expect.objectContaining({ name: 'mta-sts.example.com', content: 'contoso.github.io' }));
  });

  test.each([
    [{ mode: 'strict' }, /mode: must be "enforce"/],
    [{ mode: 'enforce', maxAge: 31557601 }, /maxAge: max_age 31557601 is above 31557600/],
    [{ mode: 'enforce', maxAge: -1 }, /maxAge/],
    [{ mode: 'enforce', mx: ['mx.*.example.com'] }, /mx\[0\]: "mx\.\*\.example\.com" has a "\*"/],
    [{ mode: 'enforce', extraMx: ['*.com'] }, /extraMx\[0\]/],
    [{ mode: 'enforce', policyHost: { cname: 'not a host' } }, /policyHost.cname/],
  ])('refuses %o', (props, message) => {
    expect(() => new MtaSts(newStack(), 'sts', { zone, ...(props as { mode: 'enforce' }) })).toThrow(MxInputError);
    expect(() => new MtaSts(newStack(), 'sts', { zone, ...(props as { mode: 'enforce' }) })).toThrow(message);
  });
});

describe('TlsRpt', () => {
  test('publishes _smtp._tls with the report URIs', () => {
    const stack = newStack();
    new TlsRpt(stack, 'rpt', { zone, rua: ['mailto:tls@example.com', 'https://r.example.com/v1'] });
    expect(Object.values(synthRecords(stack))).toEqual([expect.objectContaining({ name: '_smtp._tls.example.com', type: 'TXT', content: '"v=TLSRPTv1; rua=mailto:tls@example.com,https://r.example.com/v1"' })]);
  });

  test.each([[[], /at least one/], [['http://r.example.com'], /rua\[0\].*neither mailto: nor https:/], [['mailto:x'], /rua\[0\]/]])('refuses rua %o', (rua, message) => {
    expect(() => new TlsRpt(newStack(), 'rpt', { zone, rua: rua as string[] })).toThrow(message);
  });
});

describe('DaneTlsa', () => {
  test('Cloudflare: cloudflare_dns_record type TLSA with its data object at _25._tcp.<exchange>', () => {
    const stack = newStack();
    new DaneTlsa(stack, 'dane', { zone, records: [{ exchange: 'MX1.example.com', data: KEY.toUpperCase() }] });
    const [record] = Object.values(synthJson(stack).resource!.cloudflare_dns_record);
    expect(record).toEqual(expect.objectContaining({ name: '_25._tcp.mx1.example.com', type: 'TLSA', data: { certificate: KEY, matching_type: 1, selector: 1, usage: 3 } }));
    expect(record.content).toBeUndefined();
  });

  test('Route 53 and Google: TLSA in the record set as presentation data', () => {
    const r53 = hostStack(HOSTS[0]);
    new DaneTlsa(r53, 'dane', { zone: Route53Zone.fromHostedZoneId('Z123', 'example.com'), records: [{ exchange: 'mx1.example.com', data: KEY }, { exchange: 'mx1.example.com', usage: 2, selector: 0, matchingType: 2, data: 'cd'.repeat(64) }] });
    const set = Object.values(synthJson(r53).resource!.aws_route53_record)[0];
    expect(set).toEqual(expect.objectContaining({ name: '_25._tcp.mx1.example.com', type: 'TLSA', records: [`2 0 2 ${'cd'.repeat(64)}`, `3 1 1 ${KEY}`] }));
    const google = hostStack(HOSTS[1]);
    new DaneTlsa(google, 'dane', { zone: GoogleDnsZone.fromManagedZone('example-com', 'example.com'), records: [{ exchange: 'mx1.example.com', data: KEY }] });
    expect(Object.values(synthJson(google).resource!.google_dns_record_set)[0]).toEqual(expect.objectContaining({ name: '_25._tcp.mx1.example.com.', type: 'TLSA', rrdatas: [`3 1 1 ${KEY}`] }));
  });

  test('RFC 2136 (hashicorp/dns) has no TLSA resource: an error naming the host', () => {
    expect(() => new DaneTlsa(newStack(), 'dane', { zone: Rfc2136Zone.of('example.com'), records: [{ exchange: 'mx1.example.com', data: KEY }] })).toThrow(
      /cannot publish TLSA records on an RFC 2136 server \(hashicorp\/dns\); the hashicorp\/dns provider has no TLSA resource/,
    );
  });

  test.each([
    [{ exchange: 'mx1.example.com', usage: 1, data: KEY }, /usage 1 \(PKIX-EE\) is not used for SMTP/],
    [{ exchange: 'mx1.example.com', data: 'ab'.repeat(31) }, /31 octets/],
    [{ exchange: 'mx.other.net', data: KEY }, /not in example.com; TLSA records for it belong in the zone that holds mx.other.net/],
  ])('refuses %o', (record, message) => {
    expect(() => new DaneTlsa(newStack(), 'dane', { zone, records: [record as never] })).toThrow(message);
  });

  test('renderZone shows TLSA, _mta-sts and _smtp._tls', () => {
    const stack = newStack();
    new MxRecords(stack, 'mail', { zone, records: [{ priority: 10, exchange: 'mx1.example.com' }] });
    new MtaSts(stack, 'sts', { zone, mode: 'testing' });
    new TlsRpt(stack, 'rpt', { zone, rua: ['mailto:tls@example.com'] });
    new DaneTlsa(stack, 'dane', { zone, records: [{ exchange: 'mx1.example.com', data: KEY }] });
    expect(renderZone(stack, 'example.com')).toMatchSnapshot();
  });
});

describe('at synth the zone rules see the MtaSts policy and TLSA of the stack', () => {
  test('an mx override that misses an MX host fails synth with mta-sts-mx-uncovered', () => {
    const stack = newStack();
    new MxRecords(stack, 'mail', { zone, records: [{ priority: 10, exchange: 'mx1.example.com' }, { priority: 20, exchange: 'backup.example.net' }] });
    new MtaSts(stack, 'sts', { zone, mode: 'enforce', mx: ['mx1.example.com'] });
    new TlsRpt(stack, 'rpt', { zone, rua: ['mailto:tls@example.com'] });
    expect(() => synthRecords(stack)).toThrow('[mta-sts-mx-uncovered] example.com. (stack/sts): MX backup.example.net is matched by no mx pattern of the enforce MTA-STS policy');
  });

  test('the derived policy passes: consistent by construction', () => {
    const stack = newStack();
    new MxRecords(stack, 'mail', { zone, records: [{ priority: 10, exchange: 'mx1.example.com' }, { priority: 20, exchange: 'backup.example.net' }] });
    new MtaSts(stack, 'sts', { zone, mode: 'enforce' });
    new TlsRpt(stack, 'rpt', { zone, rua: ['mailto:tls@example.com'] });
    expect(() => synthRecords(stack)).not.toThrow();
  });

  test('MxMigration overlap with a policy for the new vendor only fails synth naming the step and the pattern', () => {
    const stack = newStack();
    new MxMigration(stack, 'move', { zone, from: { preset: 'microsoft-365', parameters: { exchange: 'contoso-com.mail.protection.outlook.com' } }, to: { preset: 'fastmail' }, step: 'overlap' });
    new MtaSts(stack, 'sts', { zone, mode: 'enforce', mx: ['in1-smtp.messagingengine.com', 'in2-smtp.messagingengine.com'] });
    expect(() => synthRecords(stack)).toThrow(/\[mta-sts-migration\] example\.com\. \(stack\/move\): MxMigration step overlap: MX contoso-com\.mail\.protection\.outlook\.com \(the vendor mail leaves\).*Add "mx: \*\.mail\.protection\.outlook\.com"/);
  });

  test('MxMigration cutover with the old pattern left in extraMx fails synth', () => {
    const stack = newStack();
    new MxMigration(stack, 'move', { zone, from: { preset: 'microsoft-365', parameters: { exchange: 'contoso-com.mail.protection.outlook.com' } }, to: { preset: 'fastmail' }, step: 'cutover' });
    new MtaSts(stack, 'sts', { zone, mode: 'enforce', extraMx: ['*.mail.protection.outlook.com'] });
    expect(() => synthRecords(stack)).toThrow(/\[mta-sts-migration\] example\.com\. \(stack\/sts\): MxMigration step cutover: the MTA-STS policy still lists "mx: \*\.mail\.protection\.outlook\.com"/);
  });

  test('MTA-STS on a null MX name fails synth', () => {
    const stack = newStack();
    new NullMx(stack, 'parked', { zone });
    new MtaSts(stack, 'sts', { zone, mode: 'none' });
    expect(() => synthRecords(stack)).toThrow('[mta-sts-null-mx]');
  });

  test('a user\'s raw Cloudflare TLSA (prebuilt binding, data object) is read: DANE for one MX host of two warns dane-partial', () => {
    const stack = newStack();
    new MxRecords(stack, 'mail', { zone, records: [{ priority: 10, exchange: 'mx1.example.com' }, { priority: 20, exchange: 'mx2.example.com' }] });
    new DnsRecord(stack, 'tlsa', { zoneId: 'zone-1', name: '_25._tcp.mx1.example.com', type: 'TLSA', ttl: 3600, data: { usage: 3, selector: 1, matchingType: 1, certificate: KEY } });
    const findings = MxValidation.of(stack).findings().findings.map((f) => `${f.rule} ${f.message}`);
    expect(findings).toContainEqual(expect.stringMatching(/^dane-partial MX mx2\.example\.com has no TLSA/));
    expect(findings.some((f) => f.startsWith('dane-tlsa-stale'))).toBe(false);
  });
});

describe('MtaSts and TlsRpt on the record-set hosts', () => {
  test.each(HOSTS.map((host) => [host.label, host] as const))('%s: the _mta-sts TXT carries the id of the policy derived at synth', (_label, host) => {
    const stack = hostStack(host);
    const target = host.zone('example.com');
    const sts = new MtaSts(stack, 'sts', { zone: target, mode: 'enforce' });
    new MxRecords(stack, 'mail', { zone: target, records: [{ priority: 10, exchange: 'mx1.example.com' }] });
    new TlsRpt(stack, 'rpt', { zone: target, rua: ['mailto:tls@example.com'] });
    const text = JSON.stringify(synthJson(stack).resource);
    expect(sts.policyText).toContain('mx: mx1.example.com\r\n');
    expect(text).toContain(`v=STSv1; id=${sts.policyId};`);
    expect(text).toContain('v=TLSRPTv1; rua=mailto:tls@example.com');
  });
});
