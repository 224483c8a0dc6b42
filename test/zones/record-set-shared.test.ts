// P1 (issue 19): a construct's record set and the user's own raw set resource at the same name and
// type on a record-set host are two resources holding one RRset; applied, each deletes the other's
// values (deployed in test/real-dns/record-set-shared-deploy.test.ts). Synth refuses it, naming
// both, and `cdktf-mx lint` of the synthesized output reports it.
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { DnsRecord } from '@cdktf/provider-cloudflare/lib/dns-record';
import { MxRecordSet } from '@cdktf/provider-dns/lib/mx-record-set';
import { TxtRecordSet } from '@cdktf/provider-dns/lib/txt-record-set';
import { DnsRecordSet } from '@cdktf/provider-google/lib/dns-record-set';
import { App, Testing, TerraformStack } from 'cdktf';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GoogleDnsZone, MxRecords, Rfc2136Zone, Route53Zone, SpfInclude } from '../../lib';
import { run as lint } from '../../lib/cli/lint';
import { checkPlan, PlanFinding } from '../../lib/plan/check-plan';
import { readPlanJson } from '../../lib/plan/plan-json';
import { newStack } from '../helpers';
import { HOSTS, hostStack } from '../hosts/host-stacks';

const [ROUTE53, GOOGLE, RFC2136] = HOSTS as [(typeof HOSTS)[0], (typeof HOSTS)[1], (typeof HOSTS)[2]];
const OURS = [{ priority: 10, exchange: 'mx1.mail.example.net' }, { priority: 20, exchange: 'mx2.mail.example.net' }];

/** The error synth fails with, or '' when it passes. */
function synthError(stack: TerraformStack): string {
  try {
    Testing.synth(stack, true);
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('record-set-shared at synth', () => {
  test('RFC 2136: MxRecords on Rfc2136Zone plus a raw dns_mx_record_set at the same name: synth fails naming both, with the fix', () => {
    const stack = hostStack(RFC2136);
    new MxRecords(stack, 'mail', { zone: Rfc2136Zone.of('example.com'), records: OURS });
    new MxRecordSet(stack, 'raw', { zone: 'example.com.', mx: [{ preference: 30, exchange: 'mx3.other.example.' }] });
    const message = synthError(stack);
    expect(message).toContain('[record-set-shared] example.com. (stack/raw)');
    expect(message).toContain('MX at example.com is one record set, held by 2 resources: dns_mx_record_set.mx__example_com (stack/mail: MX 10 mx1.mail.example.net, MX 20 mx2.mail.example.net) and dns_mx_record_set.raw (stack/raw: MX 30 mx3.other.example)');
    expect(message).toContain('or drop the raw resource');
  });

  test('RFC 2136: a raw dns_txt_record_set at the apex beside our SPF is the same hazard for TXT', () => {
    const stack = hostStack(RFC2136);
    new SpfInclude(stack, 'spf', { zone: Rfc2136Zone.of('example.com'), include: ['_spf.example.net'] });
    new TxtRecordSet(stack, 'verify', { zone: 'example.com.', txt: ['site-verification=abc'] });
    expect(synthError(stack)).toMatch(/\[record-set-shared\][^\n]*TXT at example\.com is one record set, held by 2 resources: dns_txt_record_set\.\S+ \(stack\/spf: TXT v=spf1[^)]*\) and dns_txt_record_set\.verify/);
  });

  test('the fix for TXT: the raw value published into the zone (zone.host.publish) joins the construct\'s set: one resource, synth passes', () => {
    const stack = hostStack(RFC2136);
    const zone = Rfc2136Zone.of('example.com');
    new SpfInclude(stack, 'spf', { zone, include: ['_spf.example.net'] });
    zone.host.publish(stack, zone, { name: 'example.com', type: 'TXT', value: 'site-verification=abc', ttl: 3600 }, 'verification');
    expect(synthError(stack)).toBe('');
    const sets = Object.values(JSON.parse(Testing.synth(stack, true)).resource.dns_txt_record_set as Record<string, { txt: string[] }>);
    expect(sets.map((s) => s.txt.sort())).toEqual([['site-verification=abc', 'v=spf1 include:_spf.example.net ~all']]);
  });

  test('RFC 2136: a raw set at another name of the zone is fine', () => {
    const stack = hostStack(RFC2136);
    new MxRecords(stack, 'mail', { zone: Rfc2136Zone.of('example.com'), records: OURS });
    new MxRecordSet(stack, 'raw', { zone: 'example.com.', name: 'shop', mx: [{ preference: 10, exchange: 'mx1.mail.example.net.' }] });
    expect(synthError(stack)).toBe('');
  });

  test('Route 53: a raw aws_route53_record MX beside ours fails; with set_identifier (routing policy) it does not', () => {
    const stack = hostStack(ROUTE53);
    new MxRecords(stack, 'mail', { zone: Route53Zone.fromHostedZoneId('Z0123456789ABCDEFGHIJ', 'example.com'), records: OURS });
    new Route53Record(stack, 'raw', { zoneId: 'Z0123456789ABCDEFGHIJ', name: 'example.com', type: 'MX', ttl: 3600, records: ['30 mx3.other.example.'] });
    expect(synthError(stack)).toMatch(/\[record-set-shared\] example\.com\. \(stack\/raw\): MX at example\.com is one record set, held by 2 resources: aws_route53_record\.\S+ \(stack\/mail: [^)]*\) and aws_route53_record\.raw \(stack\/raw: MX 30 mx3\.other\.example\)/);

    const weighted = hostStack(ROUTE53);
    new Route53Record(weighted, 'a', { zoneId: 'Z0123456789ABCDEFGHIJ', name: 'example.com', type: 'MX', ttl: 3600, records: ['10 mx1.mail.example.net.'], setIdentifier: 'a', weightedRoutingPolicy: { weight: 1 } });
    new Route53Record(weighted, 'b', { zoneId: 'Z0123456789ABCDEFGHIJ', name: 'example.com', type: 'MX', ttl: 3600, records: ['10 mx2.mail.example.net.'], setIdentifier: 'b', weightedRoutingPolicy: { weight: 1 } });
    new MxRecords(weighted, 'other', { zone: Route53Zone.fromHostedZoneId('Z0123456789ABCDEFGHIJ', 'example.com'), name: 'shop', records: OURS });
    expect(synthError(weighted)).not.toContain('record-set-shared');
  });

  test('Google Cloud DNS: a raw google_dns_record_set MX beside ours fails', () => {
    const stack = hostStack(GOOGLE);
    new MxRecords(stack, 'mail', { zone: GoogleDnsZone.fromManagedZone('example-com', 'example.com'), records: OURS });
    new DnsRecordSet(stack, 'raw', { managedZone: 'example-com', name: 'example.com.', type: 'MX', ttl: 3600, rrdatas: ['30 mx3.other.example.'] });
    expect(synthError(stack)).toMatch(/\[record-set-shared\] example\.com\. \(stack\/raw\): MX at example\.com is one record set, held by 2 resources: google_dns_record_set\.\S+ \(stack\/mail: [^)]*\) and google_dns_record_set\.raw/);
  });

  test('Cloudflare holds one record per resource: a raw MX record beside ours is no shared set', () => {
    const stack = newStack();
    new MxRecords(stack, 'mail', { zoneId: 'z1', domain: 'example.com', records: OURS });
    new DnsRecord(stack, 'raw', { zoneId: 'z1', name: 'example.com', type: 'MX', content: 'mx3.other.example', priority: 30, ttl: 3600 });
    expect(synthError(stack)).not.toContain('record-set-shared');
  });
});

describe('record-set-shared in `cdktf-mx lint` of synthesized output', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'cdktf-mx-shared-'));
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  test('lint cdktf.out reports the two resources (synth skipped its validation)', async () => {
    const app = new App({ outdir, skipValidation: true });
    const stack = hostStack(RFC2136, app, 'dns');
    new MxRecords(stack, 'mail', { zone: Rfc2136Zone.of('example.com'), records: OURS });
    new MxRecordSet(stack, 'raw', { zone: 'example.com.', mx: [{ preference: 30, exchange: 'mx3.other.example.' }] });
    app.synth();
    let stdout = '';
    const code = await lint([outdir, '--format', 'json'], { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true }, readFile: (path: string) => readFileSync(path, 'utf8'), env: {} });
    const findings = (JSON.parse(stdout) as Array<{ rule: string; severity: string; name: string; message: string }>).filter((f) => f.rule === 'record-set-shared');
    expect(findings.map((f) => [f.severity, f.name])).toEqual([['error', 'example.com.']]);
    expect(findings[0].message).toContain('dns_mx_record_set.mx__example_com (');
    expect(findings[0].message).toContain('and dns_mx_record_set.raw (');
    expect(code).toBe(1);
  });
});

describe('plan-record-set-delete-shared: deleting one of two resources of a set deletes the other\'s records', () => {
  const dnsMx = (...exchanges: string[]) => ({ zone: 'example.com.', name: null, ttl: 300, mx: exchanges.map((exchange, i) => ({ preference: 10 * (i + 1), exchange })) });
  const plan = (...changes: Array<[string, string[], object | null, object | null]>) => readPlanJson(JSON.stringify({
    format_version: '1.2',
    planned_values: { root_module: {} },
    resource_changes: changes.map(([address, actions, before, after]) => ({ address, mode: 'managed', type: 'dns_mx_record_set', name: address.split('.')[1], change: { actions, before, after, after_unknown: {} } })),
  }), 'fixture');
  const brief = (findings: readonly PlanFinding[]) => findings.filter((f) => f.rule.startsWith('plan-')).map((f) => [f.rule, f.severity, f.name, f.address]);

  test('dropping the raw set from the code while the construct\'s set stays: error naming both and `terraform state rm`', () => {
    const findings = checkPlan(plan(
      ['dns_mx_record_set.raw', ['delete'], dnsMx('mx1.mail.example.net.', 'mx2.mail.example.net.', 'mx3.other.example.'), null],
      ['dns_mx_record_set.mx__example_com', ['update'], dnsMx('mx1.mail.example.net.', 'mx2.mail.example.net.', 'mx3.other.example.'), dnsMx('mx1.mail.example.net.', 'mx2.mail.example.net.', 'mx3.other.example.')],
    ), { endState: false });
    expect(brief(findings)).toEqual([['plan-record-set-delete-shared', 'error', 'example.com.', 'dns_mx_record_set.raw']]);
    expect(findings[0].message).toContain('its delete removes the whole MX set at example.com., which dns_mx_record_set.mx__example_com holds after the plan');
    expect(findings[0].message).toContain('terraform state rm dns_mx_record_set.raw');
  });

  test('a set renamed without a moved block (delete one address, create another at the same name): error, beside plan-mx-gap', () => {
    expect(brief(checkPlan(plan(
      ['dns_mx_record_set.old', ['delete'], dnsMx('mx1.mail.example.net.'), null],
      ['dns_mx_record_set.new', ['create'], null, dnsMx('mx1.mail.example.net.')],
    ), { endState: false }))).toEqual([['plan-mx-gap', 'error', 'example.com.', 'dns_mx_record_set.old'], ['plan-record-set-delete-shared', 'error', 'example.com.', 'dns_mx_record_set.old']]);
  });

  test('a set deleted where nothing else holds its name and type: not this rule (plan-mx-removed judges the MX)', () => {
    expect(brief(checkPlan(plan(['dns_mx_record_set.raw', ['delete'], dnsMx('mx1.mail.example.net.'), null]), { endState: false })).map((f) => f[0])).toEqual(['plan-mx-removed']);
  });
});
