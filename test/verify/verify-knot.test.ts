import { DnsRecord } from '@cdktf/provider-cloudflare/lib/dns-record';
import { App } from 'cdktf';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MxRecords, NullMx, renderZone } from '../../lib';
import { runVerify, VerifyIo } from '../../lib/cli/verify';
import type { DomainReport } from '../../lib/verify/check';
import { newStack } from '../helpers';
import { KnotServer, silentServer, startKnot } from '../real-dns/knot';
import { describeWithTool } from '../real-dns/tools';

/** Streams that keep what `verify` writes. */
function capture(tty = false): VerifyIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (text: string) => (out += text), isTTY: tty },
    stderr: { write: (text: string) => (err += text), isTTY: tty },
    env: {},
    out: () => out,
    err: () => err,
  };
}

const SOA = (apex: string): string => `${apex}. 300 IN SOA ns.invalid. hostmaster.invalid. 1 7200 3600 1209600 300\n${apex}. 300 IN NS ns.invalid.\n`;

describeWithTool('knotd', 'cdktf-mx verify against a real DNS server (Knot)', (knotd) => {
  const outdir = mkdtempSync(join(tmpdir(), 'cdktf-mx-verify-'));
  const zoneId = (name: string) => `\${var.${name}_zone_id}`;

  // The declaration: what the stack says each domain publishes.
  const app = new App({ outdir });
  const stack = newStack('mail', app);
  new MxRecords(stack, 'ok', { zoneId: zoneId('ok'), domain: 'ok.example', records: [{ priority: 10, exchange: 'mail.ok.example' }, { priority: 20, exchange: 'backup.ok.example' }] });
  new DnsRecord(stack, 'ok-mail', { zoneId: zoneId('ok'), name: 'mail.ok.example', type: 'A', content: '192.0.2.10', ttl: 300 });
  new DnsRecord(stack, 'ok-backup', { zoneId: zoneId('ok'), name: 'backup.ok.example', type: 'AAAA', content: '2001:db8::20', ttl: 300 });
  new NullMx(stack, 'parked', { zoneId: zoneId('parked'), domain: 'parked.example' });
  new MxRecords(stack, 'drift', { zoneId: zoneId('drift'), domain: 'drift.example', records: [{ priority: 10, exchange: 'mx1.example.net' }, { priority: 20, exchange: 'mx2.example.net' }, { priority: 30, exchange: 'mx3.example.net' }] });
  new MxRecords(stack, 'gone', { zoneId: zoneId('gone'), domain: 'gone.example', records: [{ priority: 10, exchange: 'mx1.example.net' }, { priority: 20, exchange: 'mx2.example.net' }] });
  new NullMx(stack, 'closed', { zoneId: zoneId('closed'), domain: 'closed.example' });
  new MxRecords(stack, 'broken', { zoneId: zoneId('broken'), domain: 'broken.example', records: [{ priority: 10, exchange: 'alias.example.net' }, { priority: 20, exchange: 'noaddr.example.net' }] });
  app.synth();

  // What the server publishes: ok and parked exactly as declared (rendered from the synth
  // output); the others drifted by hand, as someone editing the live zone would.
  const zones = [
    { apex: 'ok.example', text: renderZone(outdir, 'ok.example', { soa: true }) },
    { apex: 'parked.example', text: renderZone(outdir, 'parked.example', { soa: true }) },
    { apex: 'drift.example', text: `${SOA('drift.example')}drift.example. 300 IN MX 10 mx1.example.net.\ndrift.example. 300 IN MX 25 mx2.example.net.\ndrift.example. 300 IN MX 40 mx4.example.net.\n` },
    { apex: 'gone.example', text: `${SOA('gone.example')}gone.example. 300 IN A 192.0.2.80\n` },
    { apex: 'closed.example', text: `${SOA('closed.example')}closed.example. 300 IN MX 10 mx1.example.net.\n` },
    { apex: 'broken.example', text: `${SOA('broken.example')}broken.example. 300 IN MX 10 alias.example.net.\nbroken.example. 300 IN MX 20 noaddr.example.net.\n` },
    {
      apex: 'example.net',
      text: `${SOA('example.net')}${['mx1', 'mx2', 'mx4'].map((h, i) => `${h}.example.net. 300 IN A 198.51.100.${i + 1}\n`).join('')}`
        + 'alias.example.net. 300 IN CNAME host.example.net.\nhost.example.net. 300 IN A 198.51.100.9\nnoaddr.example.net. 300 IN TXT "no address here"\n',
    },
  ];

  let server: KnotServer;
  beforeAll(async () => {
    server = await startKnot(knotd, zones);
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(outdir, { recursive: true, force: true });
  });

  const verifyJson = async (...args: string[]): Promise<{ code: number; reports: Map<string, DomainReport> }> => {
    const io = capture();
    const code = await runVerify([outdir, '--server', server.address, '--format', 'json', ...args], io);
    const reports = (JSON.parse(io.out()) as { domains: DomainReport[] }).domains;
    return { code, reports: new Map(reports.map((r) => [r.domain, r])) };
  };
  const check = (report: DomainReport | undefined, name: string) => report?.checks.find((c) => c.check === name);

  test('every declared domain is checked; drift makes the exit code 1', async () => {
    const { code, reports } = await verifyJson();
    expect([...reports.keys()].sort()).toEqual(['broken.example', 'closed.example', 'drift.example', 'gone.example', 'ok.example', 'parked.example']);
    expect(code).toBe(1);
  });

  test('a domain served as declared passes, with its exchanges\' addresses and the delivery order', async () => {
    const ok = (await verifyJson('--domain', 'ok.example')).reports.get('ok.example')!;
    expect(ok.status).toBe('ok');
    expect(ok.live).toEqual([{ priority: 10, exchange: 'mail.ok.example.' }, { priority: 20, exchange: 'backup.ok.example.' }]);
    expect(check(ok, 'exchange mail.ok.example.')).toEqual({ check: 'exchange mail.ok.example.', status: 'ok', message: '192.0.2.10' });
    expect(check(ok, 'exchange backup.ok.example.')?.message).toBe('2001:db8::20');
    expect(check(ok, 'delivery order')?.message).toBe('10 mail.ok.example. → 20 backup.ok.example.');
  });

  test('matching domains only: exit code 0', async () => {
    expect((await verifyJson('--domain', 'ok.example', '--domain', 'parked.example')).code).toBe(0);
  });

  test('drift: missing, extra and a changed preference are each named', async () => {
    const drift = (await verifyJson()).reports.get('drift.example')!;
    expect(drift.status).toBe('drift');
    const message = check(drift, 'MX')!.message;
    expect(message).toContain('missing MX 30 mx3.example.net.');
    expect(message).toContain('extra MX 40 mx4.example.net.');
    expect(message).toContain('mx2.example.net. at preference 25, declared 20');
    expect(message).not.toContain('mx1.example.net.;');
    expect(check(drift, 'delivery order')?.message).toBe('10 mx1.example.net. → 25 mx2.example.net. → 40 mx4.example.net.');
  });

  test('a null MX published as declared is honoured', async () => {
    const parked = (await verifyJson()).reports.get('parked.example')!;
    expect(parked.status).toBe('ok');
    expect(check(parked, 'null MX')?.status).toBe('ok');
    expect(check(parked, 'delivery order')?.message).toBe('none: null MX, senders refuse mail for the domain');
  });

  test('a declared null MX replaced by a real MX fails', async () => {
    const closed = (await verifyJson()).reports.get('closed.example')!;
    expect(check(closed, 'null MX')).toMatchObject({ status: 'fail', message: expect.stringContaining('declared null MX is not published') });
    expect(closed.status).toBe('fail');
  });

  test('no MX at all: drift, and the implicit-MX fallback to the domain\'s address is shown', async () => {
    const gone = (await verifyJson()).reports.get('gone.example')!;
    expect(check(gone, 'MX')).toMatchObject({ status: 'drift', message: expect.stringContaining('missing MX 10 mx1.example.net., MX 20 mx2.example.net.') });
    expect(check(gone, 'implicit MX')).toMatchObject({ status: 'warn', message: expect.stringContaining('senders deliver to gone.example. itself (192.0.2.80)') });
    expect(gone.delivery).toEqual({ kind: 'implicit-mx', host: { host: 'gone.example.', addresses: ['192.0.2.80'] } });
  });

  test('an exchange that is a CNAME, and one without A/AAAA, fail', async () => {
    const broken = (await verifyJson()).reports.get('broken.example')!;
    expect(check(broken, 'MX')?.status).toBe('ok');
    expect(check(broken, 'exchange alias.example.net.')).toMatchObject({ status: 'fail', message: expect.stringContaining('is a CNAME to host.example.net.') });
    expect(check(broken, 'exchange noaddr.example.net.')).toMatchObject({ status: 'fail', message: 'has no A/AAAA record: senders cannot connect to it' });
    expect(check(broken, 'delivery order')?.message).toBe('10 alias.example.net. → 20 noaddr.example.net. (no address, skipped)');
    expect(broken.status).toBe('fail');
  });

  test('an undeclared domain asked for with --domain is reported, not judged', async () => {
    const { code, reports } = await verifyJson('--domain', 'nothing.ok.example');
    expect(check(reports.get('nothing.ok.example'), 'MX')).toEqual({ check: 'MX', status: 'info', message: 'not declared; live: the domain does not exist' });
    expect(code).toBe(0);
  });

  test('a zone JSON declaration works like synth output', async () => {
    const file = join(outdir, 'zones.json');
    writeFileSync(file, JSON.stringify([
      { zone: 'ok.example', records: [{ name: '@', type: 'MX', priority: 20, value: 'backup.ok.example' }, { name: '@', type: 'MX', priority: 10, value: 'mail.ok.example' }] },
      { zone: 'drift.example', records: [{ name: '@', type: 'MX', priority: 10, value: 'mx1.example.net' }] },
    ]));
    const io = capture();
    const code = await runVerify([file, '--server', server.address, '--format', 'json'], io);
    const reports = (JSON.parse(io.out()) as { domains: DomainReport[] }).domains;
    expect(reports.map((r) => [r.domain, r.status])).toEqual([['drift.example', 'drift'], ['ok.example', 'ok']]);
    expect(code).toBe(1);
  });

  test('on a terminal: a table with coloured statuses, and progress on stderr', async () => {
    const io = capture(true);
    const code = await runVerify([outdir, '--server', server.address, '--concurrency', '2'], io);
    expect(code).toBe(1);
    const lines = io.out().split('\n');
    expect(lines[0]).toMatch(/^DOMAIN\s+CHECK\s+STATUS\s+DETAIL$/);
    expect(lines.find((l) => l.startsWith('drift.example.'))).toMatch(/^drift\.example\.\s+MX\s+\x1b\[35mdrift\x1b\[0m\s+missing MX 30 mx3\.example\.net\./);
    expect(io.out()).toMatch(/\n6 domains: 2 ok, 2 drift, 2 fail\n$/);
    expect(io.err()).toContain('verifying 6/6 domains…');
  });

  test('piped: plain table, no progress', async () => {
    const io = capture(false);
    await runVerify([outdir, '--server', server.address, '--domain', 'ok.example', '--domain', 'parked.example'], io);
    expect(io.out()).not.toContain('\x1b[');
    expect(io.out()).toMatch(/^ok\.example\.\s+MX\s+ok\s+as declared: 10 mail\.ok\.example\., 20 backup\.ok\.example\.$/m);
    expect(io.err()).toBe('');
  });

  test('the installed command (bin/cdktf-mx.js) reports drift with exit code 1', () => {
    const result = spawnSync(process.execPath, [join(__dirname, '..', '..', 'bin', 'cdktf-mx.js'), 'verify', outdir, '--server', server.address, '--domain', 'drift.example', '--format', 'json'], { encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(1);
    expect((JSON.parse(result.stdout) as { domains: DomainReport[] }).domains[0]).toMatchObject({ domain: 'drift.example', status: 'drift' });
  });

  test('a server that never answers: every lookup times out, exit code 2', async () => {
    const silent = await silentServer();
    try {
      const io = capture();
      const code = await runVerify([outdir, '--server', silent.address, '--timeout', '300', '--tries', '1', '--format', 'json'], io);
      expect(code).toBe(2);
      const reports = (JSON.parse(io.out()) as { domains: DomainReport[] }).domains;
      expect(reports).toHaveLength(6);
      for (const report of reports) {
        expect(report.status).toBe('error');
        expect(report.checks).toEqual([{ check: 'MX', status: 'error', message: `no answer for ${report.domain} within 300 ms` }]);
      }
    } finally {
      await silent.close();
    }
  });
});

describe('cdktf-mx verify input errors (exit code 2, no lookups)', () => {
  const run = async (...args: string[]) => {
    const io = capture();
    const code = await runVerify(args, io);
    return { code, err: io.err() };
  };
  const dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-verify-input-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a server given by name, not address', async () => {
    expect(await run(dir, '--server', 'dns.example:53')).toEqual({ code: 2, err: expect.stringContaining('"dns.example:53" is not an IP address') });
  });

  test('an unknown format', async () => {
    expect(await run(dir, '--format', 'xml')).toEqual({ code: 2, err: expect.stringContaining('"xml" is not text, json, sarif or github') });
  });

  test('a missing cdktf.out', async () => {
    expect(await run(join(dir, 'nope'))).toEqual({ code: 2, err: expect.stringContaining('does not exist; run `cdktf synth` first') });
  });

  test('a zone JSON without MX', async () => {
    const file = join(dir, 'zone.json');
    writeFileSync(file, JSON.stringify({ zone: 'example.com', records: [{ name: 'www', type: 'A', value: '192.0.2.1' }] }));
    expect(await run(file)).toEqual({ code: 2, err: expect.stringContaining('declares no MX records') });
  });

  test('a zero timeout', async () => {
    expect(await run(dir, '--timeout', '0')).toEqual({ code: 2, err: expect.stringContaining('timeout: must be a whole number from 1 to') });
  });
});

/**
 * Issue 19 item 7: `--server` is the domain's authoritative server, which refuses names in zones
 * it does not serve (the vendor's exchanges). MX drift it shows is drift (exit 1), the exchanges
 * it refuses are "not checked" with the way out (`--resolver`), and one cause is told once.
 */
describeWithTool('knotd', 'cdktf-mx verify --server <authoritative> with --resolver (two Knot servers)', (knotd) => {
  const dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-verify-auth-'));
  const declaration = join(dir, 'declared.json');
  writeFileSync(declaration, JSON.stringify({ zone: 'shop.example', records: [
    { name: '@', type: 'MX', priority: 10, value: 'mx1.vendor.example' },
    { name: '@', type: 'MX', priority: 20, value: 'mx2.vendor.example' },
  ] }));
  let authoritative: KnotServer;
  let resolver: KnotServer;
  beforeAll(async () => {
    // The shop's own server: only shop.example, where someone deleted the second MX.
    authoritative = await startKnot(knotd, [{ apex: 'shop.example', text: `${SOA('shop.example')}shop.example. 300 IN MX 10 mx1.vendor.example.\n` }]);
    // Stands in for a recursive resolver: it answers for the vendor's zone.
    resolver = await startKnot(knotd, [{ apex: 'vendor.example', text: `${SOA('vendor.example')}mx1.vendor.example. 300 IN A 198.51.100.1\nmx2.vendor.example. 300 IN A 198.51.100.2\n` }]);
  });
  afterAll(async () => {
    await authoritative?.stop();
    await resolver?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const verify = async (...args: string[]) => {
    const io = capture();
    const code = await runVerify([declaration, ...args], io);
    return { code, io };
  };
  const domainOf = (io: ReturnType<typeof capture>) => (JSON.parse(io.out()) as { domains: DomainReport[] }).domains[0];

  test('--server alone: the MX drift is drift (exit 1); refused exchanges are not checked, with the way out', async () => {
    const { code, io } = await verify('--server', authoritative.address, '--format', 'json');
    const report = domainOf(io);
    expect({ code, status: report.status }).toEqual({ code: 1, status: 'drift' });
    expect(report.checks.find((c) => c.check === 'MX')).toMatchObject({ status: 'drift', message: expect.stringContaining('missing MX 20 mx2.vendor.example.') });
    expect(report.checks.find((c) => c.check === 'exchange mx1.vendor.example.')).toMatchObject({ status: 'warn', message: expect.stringContaining('give --resolver') });
  });

  test('--server and --resolver: exchanges are looked up through the resolver', async () => {
    const { code, io } = await verify('--server', authoritative.address, '--resolver', resolver.address, '--format', 'json');
    const report = domainOf(io);
    expect({ code, status: report.status }).toEqual({ code: 1, status: 'drift' });
    expect(report.checks.find((c) => c.check === 'exchange mx1.vendor.example.')).toEqual({ check: 'exchange mx1.vendor.example.', status: 'ok', message: '198.51.100.1' });
  });

  test('a resolver that refuses too: the exchange could not be checked, said once per cause; the drift still exits 1', async () => {
    const { code, io } = await verify('--server', authoritative.address, '--resolver', authoritative.address);
    expect(code).toBe(1);
    const table = io.out();
    const row = table.split('\n').find((line) => line.includes('exchange mx1.vendor.example.'))!;
    expect(row).toContain('CNAME/A/AAAA: the server refused to answer for mx1.vendor.example');
    expect(row.match(/refused/g)).toHaveLength(1);
  });
});
