import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { DnsRecord } from '@cdktf/provider-cloudflare/lib/dns-record';
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { DnsProvider } from '@cdktf/provider-dns/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NullMx, Rfc2136Zone, Route53Zone } from '../../lib';
import { LintIo, run } from '../../lib/cli/lint';
import { main } from '../../lib/cli/main';

const dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-lint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const broken = file('broken.json', JSON.stringify({ zone: 'example.com', records: [
  { name: '@', type: 'MX', priority: 10, value: 'mail.example.com' },
  { name: '@', type: 'MX', priority: 20, value: 'mx2.example.net' },
  { name: 'mail', type: 'CNAME', value: 'host.example.net' },
  { name: 'eu', type: 'MX', priority: 10, value: 'mx.example.net' },
] }));
const warnOnly = file('warn.json', JSON.stringify({ zone: 'example.com', records: [{ name: '@', type: 'MX', priority: 10, value: 'mx.example.net' }, { name: '_dmarc', type: 'TXT', value: 'v=DMARC1; p=reject' }] }));
const zoneFile = file('example.org.zone', '$TTL 3600\n@ IN MX 10 mail\n@ IN MX 20 mx2.example.net.\nmail IN A 192.0.2.1\n@ IN TXT "v=spf1 mx -all"\n_dmarc IN TXT "v=DMARC1; p=reject"\n');

/** Run `cdktf-mx lint` in-process, capturing its output. */
async function lint(argv: string[], tty = false, env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: LintIo = {
    stdout: { write: (t: string) => (out += t), isTTY: tty },
    stderr: { write: (t: string) => (err += t) },
    readFile: (path) => require('node:fs').readFileSync(path, 'utf8'),
    env,
  };
  const code = await run(argv, io);
  return { code, out, err };
}

describe('cdktf-mx lint', () => {
  test('JSON zone with an error: findings grouped by name, exit 1', async () => {
    const { code, out } = await lint([broken]);
    expect(code).toBe(1);
    expect(out).toMatch(/^example\.com\.\n {2}error {3}mx-target-cname {2}MX 10 mail\.example\.com: the exchange is a CNAME/);
    expect(out).toContain('\n\neu.example.com.\n  warning mx-single');
    expect(out).toMatch(/1 error, 1 warning, 2 infos\n$/);
    expect(out).not.toContain('\u001b[');
  });

  test('--format json prints the findings for machines', async () => {
    const { code, out } = await lint([broken, '--format', 'json']);
    expect(code).toBe(1);
    const findings = JSON.parse(out);
    expect(findings[0]).toEqual({ rule: 'mx-target-cname', severity: 'error', name: 'example.com.', message: expect.stringContaining('host.example.net') });
  });

  test('colours on a terminal, not with NO_COLOR or --no-color', async () => {
    expect((await lint([broken], true)).out).toContain('\u001b[31merror');
    expect((await lint([broken], true, { NO_COLOR: '1' })).out).not.toContain('\u001b[');
    expect((await lint([broken, '--no-color'], true)).out).not.toContain('\u001b[');
  });

  test('warnings only: exit 0, or 1 with --strict; --rule turns a rule off', async () => {
    expect((await lint([warnOnly])).code).toBe(0);
    expect((await lint([warnOnly, '--strict'])).code).toBe(1);
    const off = await lint([warnOnly, '--rule', 'mx-single=off', '--strict']);
    expect(off.code).toBe(0);
    expect(off.out).toBe('No findings: 0 errors, 0 warnings, 0 infos\n');
    expect((await lint([broken, '--rule=mx-target-cname=warning'])).code).toBe(0);
  });

  test('a BIND zone file, zone name from the file name', async () => {
    const { code, out } = await lint([zoneFile, '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual([]);
  });

  test('--config with suppressions and minPriorityGap', async () => {
    const config = file('config.json', JSON.stringify({ minPriorityGap: 50, suppressions: [{ id: 'mx-target-cname', reason: 'flattened by our DNS host', name: '@' }] }));
    const { code, out } = await lint([broken, '--config', config, '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(out).map((f: { rule: string }) => f.rule)).toEqual(['mx-single', 'mx-priority-gap', 'dmarc-missing', 'dmarc-missing']);
  });

  test('usage and read errors exit 2', async () => {
    expect((await lint([])).code).toBe(2);
    expect((await lint([broken, '--format', 'xml'])).err).toContain('--format must be text, json, sarif or github');
    expect((await lint([join(dir, 'missing.json')])).code).toBe(2);
    expect((await lint([file('bad.json', '{ nope')])).err).toContain('is not valid JSON');
    expect((await lint([file('nozone.txt', 'www IN A 192.0.2.1\n')])).err).toContain('--zone');
    expect((await lint(['--list-rules'])).out).toMatch(/^mx-priority-range +error +MX preference/);
  });

  test('is registered in the cdktf-mx dispatcher, and the bin runs it (exit status from findings)', async () => {
    const write = process.stdout.write;
    let out = '';
    process.stdout.write = ((t: string) => ((out += t), true)) as typeof process.stdout.write;
    try {
      expect(await main(['lint', warnOnly, '--format', 'json'])).toBe(0);
    } finally {
      process.stdout.write = write;
    }
    expect(JSON.parse(out)).toHaveLength(1);
    const bin = spawnSync(process.execPath, [join(__dirname, '..', '..', 'bin', 'cdktf-mx.js'), 'lint', broken], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(bin.status).toBe(1);
    expect(bin.stdout).toContain('[mx-target-cname]'.slice(1, -1));
  });
});

describe('cdktf-mx lint: host rules only for the zone\'s host', () => {
  // TTL 172800 (two days) is fine on Route 53 and RFC 2136 servers, and refused by Cloudflare (60–86400).
  const TWO_DAYS = 172800;
  const out = join(dir, 'hosts.out');
  beforeAll(() => {
    const app = new App({ outdir: out });
    const route53 = new TerraformStack(app, 'route53');
    new AwsProvider(route53, 'aws', { region: 'us-east-1' });
    new NullMx(route53, 'parked', { zone: Route53Zone.fromHostedZoneId('Z0123456789ABCDEFGHIJ', 'r53.example'), ttl: TWO_DAYS });
    const rfc2136 = new TerraformStack(app, 'rfc2136');
    new DnsProvider(rfc2136, 'dns', {});
    new NullMx(rfc2136, 'parked', { zone: Rfc2136Zone.of('bind.example'), ttl: TWO_DAYS });
    // Raw records, as a user writes them: our constructs would stop this TTL at synth.
    const cloudflare = new TerraformStack(app, 'cloudflare');
    new CloudflareProvider(cloudflare, 'cloudflare', {});
    const zoneId = '023e105f4ecef8ad9ca31a8372d0c353';
    new DnsRecord(cloudflare, 'null-mx', { zoneId, name: 'cf.example', type: 'MX', content: '.', priority: 0, ttl: TWO_DAYS });
    new DnsRecord(cloudflare, 'spf', { zoneId, name: 'cf.example', type: 'TXT', content: '"v=spf1 -all"', ttl: 3600 });
    new DnsRecord(cloudflare, 'dmarc', { zoneId, name: '_dmarc.cf.example', type: 'TXT', content: '"v=DMARC1; p=reject;"', ttl: 3600 });
    app.synth();
  });
  const rules = (text: string) => (JSON.parse(text) as Array<{ rule: string; name: string }>).map((f) => `${f.rule} ${f.name}`);

  test('Route 53 and RFC 2136 stacks with TTL 172800 lint clean; the same TTL on Cloudflare is cloudflare-ttl', async () => {
    for (const stack of ['route53', 'rfc2136']) {
      const run = await lint([out, '--stack', stack, '--format', 'json']);
      expect({ stack, code: run.code, findings: rules(run.out) }).toEqual({ stack, code: 0, findings: [] });
    }
    const cloudflare = await lint([out, '--stack', 'cloudflare', '--format', 'json']);
    expect(cloudflare.code).toBe(1);
    expect(rules(cloudflare.out)).toEqual(['cloudflare-ttl cf.example.']);
    // All three stacks at once: each zone with its own host's rules; one zone picked with --zone too.
    expect(rules((await lint([out, '--format', 'json'])).out)).toEqual(['cloudflare-ttl cf.example.']);
    expect(rules((await lint([out, '--zone', 'r53.example', '--format', 'json'])).out)).toEqual([]);
    expect(rules((await lint([out, '--zone', 'cf.example', '--format', 'json'])).out)).toEqual(['cloudflare-ttl cf.example.']);
  });

  const parked = file('parked.example.zone', `$TTL ${TWO_DAYS}\n@ IN MX 0 .\n@ IN TXT "v=spf1 -all"\n_dmarc IN TXT "v=DMARC1; p=reject;"\n`);

  test('a zone file: every host\'s rules unless --host names the host; --host none runs no host\'s rules', async () => {
    expect(rules((await lint([parked, '--format', 'json'])).out)).toEqual(['cloudflare-ttl parked.example.', 'cloudflare-ttl parked.example.', 'cloudflare-ttl _dmarc.parked.example.']);
    expect(rules((await lint([parked, '--host', 'cloudflare', '--format', 'json'])).out)).toHaveLength(3);
    for (const host of ['route53', 'google-dns', 'rfc2136', 'none']) {
      const run = await lint([parked, '--host', host, '--format', 'json']);
      expect({ host, code: run.code, findings: rules(run.out) }).toEqual({ host, code: 0, findings: [] });
    }
  });

  test('--host route53 runs Route 53\'s rules and not Cloudflare\'s', async () => {
    // A TTL past 2^31-1 cannot be written in a zone file (read as 0), so JSON shows route53-ttl firing.
    const huge = file('huge-ttl.json', JSON.stringify({ zone: 'parked.example', records: [{ name: '@', type: 'MX', priority: 0, value: '.', ttl: 2147483648 }, { name: '@', type: 'TXT', value: 'v=spf1 -all' }, { name: '_dmarc', type: 'TXT', value: 'v=DMARC1; p=reject;' }] }));
    expect(rules((await lint([huge, '--host', 'route53', '--format', 'json'])).out)).toEqual(['route53-ttl parked.example.']);
    expect(rules((await lint([huge, '--host', 'cloudflare', '--format', 'json'])).out)).toEqual(['cloudflare-ttl parked.example.']);
    expect(rules((await lint([huge, '--format', 'json'])).out).sort()).toEqual(['cloudflare-ttl parked.example.', 'google-dns-ttl parked.example.', 'rfc2136-ttl parked.example.', 'route53-ttl parked.example.']);
  });

  test('--host is checked; on cdktf output (which says its hosts) it is a usage error', async () => {
    const bad = await lint([parked, '--host', 'bind']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--host must be one of cloudflare, route53, google-dns, rfc2136, none, not "bind"');
    const synthesized = await lint([out, '--host', 'route53']);
    expect(synthesized.code).toBe(2);
    expect(synthesized.err).toContain('--host is for zone files and JSON');
    const config = file('host-config.json', JSON.stringify({ host: 'route53' }));
    expect((await lint([out, '--config', config])).err).toContain('--host (host in --config) is for zone files and JSON');
    expect(rules((await lint([parked, '--config', config, '--format', 'json'])).out)).toEqual([]);
  });
});
