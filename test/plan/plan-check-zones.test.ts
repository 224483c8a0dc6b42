// P2 (issue 19): plan-check keys every view by zone AND name. A plan that deletes the only MX of the
// prod zone while the staging zone (same name) keeps one used to pass with exit 0: prod/staging
// Cloudflare zone ids, Route 53 public/private hosted zones, Google public/private managed zones,
// module instances, RFC 2136 zones of one name on two servers (provider configurations). An
// in-place update that moves a record to another zone is a removal from the first.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../lib/cli/plan-check';
import { checkPlan, PlanFinding } from '../../lib/plan/check-plan';
import { readPlanJson } from '../../lib/plan/plan-json';

type Attributes = Record<string, unknown>;

/** One `resource_changes` entry as `terraform show -json` writes it. */
function change(address: string, actions: string[], before: Attributes | null, after: Attributes | null): object {
  const type = address.split('.').at(-2)!.replace(/\[.*$/, '');
  return { address, mode: 'managed', type, name: address.split('.').at(-1), change: { actions, before, after, after_unknown: {} } };
}

/** A plan (format 1.2) of `changes`, with `configuration` when given. */
function plan(changes: object[], configuration?: object): object {
  return { format_version: '1.2', terraform_version: '1.11.0', planned_values: { root_module: {} }, resource_changes: changes, ...(configuration ? { configuration } : {}) };
}

const brief = (findings: readonly PlanFinding[]) => findings.filter((f) => f.rule.startsWith('plan-')).map((f) => [f.rule, f.severity, f.name, f.address]);
const check = (p: object) => checkPlan(readPlanJson(JSON.stringify(p), 'fixture'), { endState: false });

const cfMx = (zoneId: string, content: string) => ({ zone_id: zoneId, name: 'example.com', type: 'MX', content, priority: 10, ttl: 3600 });
const r53Mx = (zoneId: string, rdata: string) => ({ zone_id: zoneId, name: 'example.com', type: 'MX', ttl: 3600, records: [rdata] });
const gMx = (managedZone: string, rdata: string) => ({ managed_zone: managedZone, name: 'example.com.', type: 'MX', ttl: 3600, rrdatas: [rdata] });
const dnsMx = (exchange: string) => ({ zone: 'example.com.', name: null, ttl: 300, mx: [{ preference: 10, exchange }] });

const PROD = '023e105f4ecef8ad9ca31a8372d0c353';
const STAGING = '372e67954025e0ba6aaa6d586b9e0b59';

describe('plan-check: the same name in two zones is two names', () => {
  test('Cloudflare: prod zone loses its only MX, staging keeps one → plan-mx-removed for prod', () => {
    const findings = check(plan([
      change('cloudflare_dns_record.prod_mx', ['delete'], cfMx(PROD, 'mx.example.net'), null),
      change('cloudflare_dns_record.staging_mx', ['no-op'], cfMx(STAGING, 'mx.example.net'), cfMx(STAGING, 'mx.example.net')),
    ]));
    expect(brief(findings)).toEqual([['plan-mx-removed', 'error', 'example.com.', 'cloudflare_dns_record.prod_mx']]);
    expect(findings[0].message).toContain(`example.com. (Cloudflare ${PROD}) loses every MX`);
  });

  test('Route 53: the public hosted zone loses its MX while the private one (same name) keeps it', () => {
    expect(brief(check(plan([
      change('aws_route53_record.public_mx', ['delete'], r53Mx('Z0PUBLIC000000000000', '10 mx.example.net.'), null),
      change('aws_route53_record.private_mx', ['no-op'], r53Mx('Z0PRIVATE00000000000', '10 relay.corp.example.'), r53Mx('Z0PRIVATE00000000000', '10 relay.corp.example.')),
    ])))).toEqual([['plan-mx-removed', 'error', 'example.com.', 'aws_route53_record.public_mx']]);
  });

  test('Google Cloud DNS: the public managed zone loses its MX while the private one keeps it', () => {
    expect(brief(check(plan([
      change('google_dns_record_set.public_mx', ['delete'], gMx('example-public', '10 mx.example.net.'), null),
      change('google_dns_record_set.private_mx', ['no-op'], gMx('example-private', '10 relay.corp.example.'), gMx('example-private', '10 relay.corp.example.')),
    ])))).toEqual([['plan-mx-removed', 'error', 'example.com.', 'google_dns_record_set.public_mx']]);
  });

  test('module instances mail["prod"] / mail["staging"] (their own zone ids): prod loses its MX', () => {
    expect(brief(check(plan([
      change('module.mail["prod"].cloudflare_dns_record.mx', ['delete'], cfMx(PROD, 'mx.example.net'), null),
      change('module.mail["staging"].cloudflare_dns_record.mx', ['no-op'], cfMx(STAGING, 'mx.example.net'), cfMx(STAGING, 'mx.example.net')),
    ])))).toEqual([['plan-mx-removed', 'error', 'example.com.', 'module.mail["prod"].cloudflare_dns_record.mx']]);
  });

  test('RFC 2136: zone example.com. on two servers (provider configurations dns.prod, dns.staging) is two zones', () => {
    const configuration = {
      provider_config: { 'dns.prod': { name: 'dns', alias: 'prod' }, 'dns.staging': { name: 'dns', alias: 'staging' } },
      root_module: { resources: [
        { address: 'dns_mx_record_set.prod', mode: 'managed', type: 'dns_mx_record_set', name: 'prod', provider_config_key: 'dns.prod' },
        { address: 'dns_mx_record_set.staging', mode: 'managed', type: 'dns_mx_record_set', name: 'staging', provider_config_key: 'dns.staging' },
      ] },
    };
    const changes = [
      change('dns_mx_record_set.prod', ['delete'], dnsMx('mx.example.net.'), null),
      change('dns_mx_record_set.staging', ['no-op'], dnsMx('mx.example.net.'), dnsMx('mx.example.net.')),
    ];
    const findings = check(plan(changes, configuration));
    expect(brief(findings)).toEqual([['plan-mx-removed', 'error', 'example.com.', 'dns_mx_record_set.prod']]);
    expect(findings[0].message).toContain('example.com. (RFC 2136 example.com via dns.prod) loses every MX');
    // Module calls name their provider configuration as `<call>:<provider>`.
    const modules = { root_module: { module_calls: {
      prod: { module: { resources: [{ address: 'dns_mx_record_set.mx', provider_config_key: 'prod:dns' }] } },
      staging: { module: { resources: [{ address: 'dns_mx_record_set.mx', provider_config_key: 'staging:dns' }] } },
    } } };
    expect(brief(check(plan([
      change('module.prod.dns_mx_record_set.mx', ['delete'], dnsMx('mx.example.net.'), null),
      change('module.staging.dns_mx_record_set.mx', ['no-op'], dnsMx('mx.example.net.'), dnsMx('mx.example.net.')),
    ], modules)))).toEqual([['plan-mx-removed', 'error', 'example.com.', 'module.prod.dns_mx_record_set.mx']]);
  });

  test('one zone, one name: a second resource keeping MX there still counts (no finding)', () => {
    expect(brief(check(plan([
      change('cloudflare_dns_record.a', ['delete'], cfMx(PROD, 'mx1.example.net'), null),
      change('cloudflare_dns_record.b', ['no-op'], cfMx(PROD, 'mx2.example.net'), cfMx(PROD, 'mx2.example.net')),
    ])))).toEqual([]);
  });

  test('an in-place update that moves the record to another zone is a removal from the first', () => {
    expect(brief(check(plan([
      change('aws_route53_record.mx', ['update'], r53Mx('Z0PUBLIC000000000000', '10 mx.example.net.'), r53Mx('Z0PRIVATE00000000000', '10 mx.example.net.')),
    ])))).toEqual([['plan-mx-removed', 'error', 'example.com.', 'aws_route53_record.mx']]);
  });

  test('the CLI exits 1 on the prod/staging plan (it exited 0)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-plan-zones-'));
    try {
      const file = join(dir, 'plan.json');
      writeFileSync(file, JSON.stringify(plan([
        change('cloudflare_dns_record.prod_mx', ['delete'], cfMx(PROD, 'mx.example.net'), null),
        change('cloudflare_dns_record.staging_mx', ['no-op'], cfMx(STAGING, 'mx.example.net'), cfMx(STAGING, 'mx.example.net')),
      ])));
      let stdout = '';
      const code = await run([file, '--no-color', '--rule', 'dmarc-missing=off'], { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true }, env: {}, readStdin: () => '' });
      expect(stdout).toContain('plan-mx-removed');
      expect(code).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
