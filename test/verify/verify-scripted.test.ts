import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runVerify, VerifyIo } from '../../lib/cli/verify';
import type { DomainReport } from '../../lib/verify/check';
import { DnsClient } from '../../lib/verify/dns-client';
import { runBin } from '../cli/bin';
import { fromRecords, rawHeader, Script, ScriptedDns, ScriptedRecord, startScriptedDns } from './scripted-dns';

const dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-verify-scripted-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A zone JSON declaring example.com: MX 10 mx1.example.net, MX 20 mx2.example.net. */
const declaration = join(dir, 'example.com.json');
writeFileSync(declaration, JSON.stringify({ zone: 'example.com', records: [
  { name: '@', type: 'MX', priority: 10, value: 'mx1.example.net' },
  { name: '@', type: 'MX', priority: 20, value: 'mx2.example.net' },
] }));

/** What live DNS publishes when nothing drifted. */
const LIVE: ScriptedRecord[] = [
  { name: 'example.com', type: 'MX', data: '10 mx1.example.net' },
  { name: 'example.com', type: 'MX', data: '20 mx2.example.net' },
  { name: 'mx1.example.net', type: 'A', data: '192.0.2.1' },
  { name: 'mx2.example.net', type: 'AAAA', data: '2001:db8::2' },
];

let server: ScriptedDns | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function verify(script: Script, ...args: string[]): Promise<{ code: number; report: DomainReport; err: string }> {
  server = await startScriptedDns(script);
  let out = '';
  let err = '';
  const io: VerifyIo = { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) }, env: {} };
  const code = await runVerify([declaration, '--server', server.address, '--format', 'json', '--timeout', '1000', ...args], io);
  return { code, report: (JSON.parse(out) as { domains: DomainReport[] }).domains[0], err };
}

const check = (report: DomainReport, name: string) => report.checks.find((c) => c.check === name);
const live = fromRecords(LIVE);

describe('cdktf-mx verify against a scripted DNS server', () => {
  test('as declared: exit 0 (the client reads answers, CNAME-free A and AAAA)', async () => {
    const { code, report } = await verify(live);
    expect(code).toBe(0);
    expect(check(report, 'MX')).toMatchObject({ status: 'ok' });
    expect(check(report, 'exchange mx1.example.net.')).toEqual({ check: 'exchange mx1.example.net.', status: 'ok', message: '192.0.2.1' });
    expect(check(report, 'exchange mx2.example.net.')).toEqual({ check: 'exchange mx2.example.net.', status: 'ok', message: '2001:db8::2' });
  });

  // Issue 13 item 6: YXDOMAIN, NOTAUTH and rcode 11 came back as "drift: missing MX", exit 1.
  test.each([
    [1, 'FORMERR'], [2, 'SERVFAIL'], [4, 'NOTIMP'], [5, 'REFUSED'], [6, 'YXDOMAIN'], [7, 'YXRRSET'],
    [8, 'NXRRSET'], [9, 'NOTAUTH'], [10, 'NOTZONE'], [11, 'DSOTYPENI'], [12, 'rcode 12'], [15, 'rcode 15'],
  ])('rcode %i on the MX query: could not check, exit 2', async (rcode, name) => {
    const { code, report } = await verify((q) => (q.type === 'MX' ? { rcode } : live(q)));
    expect(code).toBe(2);
    expect(report.status).toBe('error');
    expect(report.checks).toHaveLength(1);
    expect(report.checks[0].status).toBe('error');
    expect(report.checks[0].message).toContain(name);
    expect(report.live).toBeUndefined();
  });

  test('NOTAUTH on an exchange address lookup: could not check, not "has no A/AAAA"', async () => {
    const { code, report } = await verify((q) => (q.name === 'mx2.example.net' && q.type !== 'CNAME' ? { rcode: 9 } : live(q)));
    expect(code).toBe(2);
    const exchange = check(report, 'exchange mx2.example.net.')!;
    expect(exchange.status).toBe('error');
    expect(exchange.message).toMatch(/^could not check: .*NOTAUTH \(9\)/);
    expect(exchange.message).not.toContain('has no A/AAAA');
  });

  test('SERVFAIL on the exchange CNAME query: could not check, though A answers', async () => {
    const { code, report } = await verify((q) => (q.name === 'mx1.example.net' && q.type === 'CNAME' ? { rcode: 2 } : live(q)));
    expect(code).toBe(2);
    expect(check(report, 'exchange mx1.example.net.')).toMatchObject({ status: 'error', message: expect.stringMatching(/^could not check: CNAME: the server failed to answer for mx1\.example\.net\. \(SERVFAIL.*\(addresses found: 192\.0\.2\.1\)$/) });
  });

  test('NXDOMAIN and NODATA are answers: drift, exit 1', async () => {
    const nx = await verify((q) => (q.name === 'example.com' ? { rcode: 3 } : live(q)));
    expect(nx.code).toBe(1);
    expect(check(nx.report, 'MX')).toMatchObject({ status: 'drift', message: expect.stringContaining('NXDOMAIN') });
    await server!.close();
    server = undefined;
    const nodata = await verify((q) => (q.type === 'MX' ? { answers: [] } : live(q)));
    expect(nodata.code).toBe(1);
    expect(check(nodata.report, 'MX')).toMatchObject({ status: 'drift', message: expect.stringContaining('missing MX 10 mx1.example.net.') });
  });

  test('a truncated UDP answer (TC) is asked again over TCP', async () => {
    const { code, report } = await verify((q) => (q.type === 'MX' ? { ...(live(q) as object), truncated: true } : live(q)));
    expect(code).toBe(0);
    expect(check(report, 'MX')).toMatchObject({ status: 'ok' });
    expect(server!.queries.filter((q) => q.type === 'MX').map((q) => q.transport)).toEqual(['udp', 'tcp']);
  });

  test('an answer that follows a CNAME chain gives the addresses at its end', async () => {
    const chained: Script = (q) => (q.name === 'mx1.example.net' && q.type === 'A'
      ? { answers: [{ name: 'mx1.example.net', type: 'CNAME', data: 'a.example.org' }, { name: 'a.example.org', type: 'A', data: '198.51.100.7' }, { name: 'other.example', type: 'A', data: '203.0.113.1' }] }
      : live(q));
    const { report } = await verify(chained);
    expect(report.delivery).toMatchObject({ kind: 'mx', tiers: [{ priority: 10, hosts: [{ host: 'mx1.example.net.', addresses: ['198.51.100.7'] }] }, expect.anything()] });
  });

  test('a silent server: every lookup times out, exit 2', async () => {
    const started = Date.now();
    const { code, report } = await verify(() => 'silent', '--timeout', '300', '--tries', '2');
    expect(code).toBe(2);
    expect(report.checks).toEqual([{ check: 'MX', status: 'error', message: 'no answer for example.com within 300 ms' }]);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(server!.queries.length).toBe(2);
  });

  test.each([
    ['a header cut short', (id: number) => rawHeader(id, 0x8180, [1, 0, 0, 0]).subarray(0, 7)],
    ['an answer count with no answers', (id: number) => Buffer.concat([rawHeader(id, 0x8180, [1, 2, 0, 0]), Buffer.from('076578616d706c6503636f6d00000f0001', 'hex')])],
    ['a name pointer that loops', (id: number) => Buffer.concat([rawHeader(id, 0x8180, [1, 0, 0, 0]), Buffer.from([0xc0, 12, 0, 15, 0, 1])])],
    ['a query instead of a response', (id: number) => rawHeader(id, 0x0100, [0, 0, 0, 0])],
  ])('a malformed answer (%s): could not check, exit 2', async (_, packet) => {
    const { code, report } = await verify((q) => (q.type === 'MX' ? packet : live(q)), '--tries', '1');
    expect(code).toBe(2);
    expect(report.checks[0]).toMatchObject({ check: 'MX', status: 'error', message: expect.stringContaining('malformed answer for example.com') });
  });

  test('an answer to another query id is ignored (not taken as the answer), then the lookup times out', async () => {
    const { code, report } = await verify((q) => (q.type === 'MX' ? (id: number) => rawHeader((id + 1) & 0xffff, 0x8180, [0, 0, 0, 0]) : live(q)), '--timeout', '300', '--tries', '1');
    expect(code).toBe(2);
    expect(report.checks[0].message).toBe('no answer for example.com within 300 ms');
  });

  test('a priority written as a string of digits is read as lint reads it (not "declared NaN")', async () => {
    const file = join(dir, 'string-priority.json');
    writeFileSync(file, JSON.stringify({ zone: 'example.com', records: [{ name: '@', type: 'MX', priority: '10', value: 'mx1.example.net' }, { name: '@', type: 'MX', priority: 20, value: 'mx2.example.net' }] }));
    server = await startScriptedDns(live);
    let out = '';
    const code = await runVerify([file, '--server', server.address, '--format', 'json'], { stdout: { write: (t: string) => (out += t) }, stderr: { write: () => true } });
    const report = (JSON.parse(out) as { domains: DomainReport[] }).domains[0];
    expect(report.declared).toEqual([{ priority: 10, exchange: 'mx1.example.net.' }, { priority: 20, exchange: 'mx2.example.net.' }]);
    expect(code).toBe(0);
  });

  test('the bin writes a JSON report far beyond a pipe buffer whole through a pipe (issue 13 item 2)', async () => {
    const domains = Array.from({ length: 600 }, (_, i) => `d${i}.example`);
    const file = join(dir, 'many.json');
    writeFileSync(file, JSON.stringify(domains.map((zone) => ({ zone, records: [{ name: '@', type: 'MX', priority: 10, value: 'mx1.example.net' }] }))));
    server = await startScriptedDns((q) => (q.type === 'MX' ? { answers: [{ name: q.name, type: 'MX', data: '10 mx1.example.net' }] } : live(q)));
    const { code, stdout } = await runBin(['verify', file, '--server', server.address, '--format', 'json'], { slowReader: 3000 });
    expect(Buffer.byteLength(stdout)).toBeGreaterThan(8 * 65_536);
    const parsed = JSON.parse(stdout) as { summary: { domains: number; ok: number } };
    expect(parsed.summary).toEqual({ domains: 600, ok: 600 });
    expect(code).toBe(0);
  });
});

describe('cdktf-mx verify option and input errors (exit 2, no lookups)', () => {
  const run = async (...args: string[]) => {
    let err = '';
    const code = await runVerify(args, { stdout: { write: () => true }, stderr: { write: (t: string) => (err += t) } });
    return { code, err };
  };

  test.each([
    [['--timeout', '3000000000'], 'timeout: must be a whole number from 1 to 600000, not "3000000000"'],
    [['--tries', '11'], 'tries: must be a whole number from 1 to 10'],
    [['--concurrency', '0'], 'concurrency: must be a whole number from 1 to 256'],
    [['--smtp-port', '70000'], 'smtp-port: must be a whole number from 1 to 65535'],
    [['--domain', ''], 'domain: "" is not a domain name'],
    [['--domain', 'exa mple.com'], 'domain: "exa mple.com" is not a domain name'],
  ])('%j', async (args, message) => {
    expect(await run(declaration, '--server', '127.0.0.1:9', ...args)).toEqual({ code: 2, err: expect.stringContaining(message) });
  });

  test('a zone JSON record whose name is not a string, or an MX without a usable priority', async () => {
    const named = join(dir, 'name5.json');
    writeFileSync(named, JSON.stringify({ zone: 'example.com', records: [{ name: 5, type: 'MX', priority: 10, value: 'mx.example.net' }] }));
    expect(await run(named, '--server', '127.0.0.1:9')).toEqual({ code: 2, err: expect.stringContaining('records[0].name: ') });
    expect((await run(named, '--server', '127.0.0.1:9')).err).toContain('must be a string (@, relative or absolute), not 5');
    const priority = join(dir, 'priority.json');
    writeFileSync(priority, JSON.stringify({ zone: 'example.com', records: [{ name: '@', type: 'MX', priority: 'ten', value: 'mx.example.net' }] }));
    expect(await run(priority, '--server', '127.0.0.1:9')).toEqual({ code: 2, err: expect.stringContaining('records[0].priority: ') });
  });

  test('the client itself refuses a timeout a node timer cannot hold', () => {
    expect(() => new DnsClient({ servers: ['127.0.0.1'], timeoutMs: 3_000_000_000 })).toThrow('timeout: must be a whole number of milliseconds from 1 to 600000, not 3000000000');
  });
});

test('a declared name with a label too long for a query is reported as not checkable, not a crash', async () => {
  const file = join(dir, 'long-label.json');
  const long = `${'a'.repeat(64)}.example`;
  writeFileSync(file, JSON.stringify({ zone: long, records: [{ name: '@', type: 'MX', priority: 10, value: 'mx1.example.net' }] }));
  server = await startScriptedDns(live);
  let out = '';
  const code = await runVerify([file, '--server', server.address, '--format', 'json'], { stdout: { write: (t: string) => (out += t) }, stderr: { write: () => true } });
  expect(code).toBe(2);
  expect((JSON.parse(out) as { domains: DomainReport[] }).domains[0].checks[0]).toMatchObject({ status: 'error', message: expect.stringContaining('longer than 63 octets') });
  expect(server.queries).toEqual([]);
});

/** Issue 19 item 10: the options every command shares, as the installed bin takes them. */
describe('cdktf-mx verify speaks the other commands\' options', () => {
  test('--no-color, --format text (table kept as its alias), --retries; --tries warns as deprecated', async () => {
    server = await startScriptedDns(live);
    const base = ['verify', declaration, '--server', server.address, '--timeout', '1000'];
    const text = await runBin([...base, '--no-color', '--format', 'text', '--retries', '1'], { env: { FORCE_COLOR: '1' } });
    expect({ code: text.code, stderr: text.stderr }).toEqual({ code: 0, stderr: '' });
    expect(text.stdout).toContain('example.com');
    expect(text.stdout).not.toContain('\u001b[');
    const table = await runBin([...base, '--format', 'table']);
    expect({ code: table.code, stdout: table.stdout }).toEqual({ code: 0, stdout: text.stdout });
    const tries = await runBin([...base, '--tries', '2', '--format', 'json']);
    expect(tries.code).toBe(0);
    expect(tries.stderr).toContain('--tries is deprecated; use --retries 1');
    const both = await runBin([...base, '--tries', '2', '--retries', '1']);
    expect({ code: both.code, err: both.stderr }).toEqual({ code: 2, err: expect.stringContaining('give --retries only') });
    const help = await runBin(['verify', '--help']);
    expect(help.stdout).toContain('Exit status:');
    expect(help.stdout).not.toContain('exit code');
    // One wording in every command's help.
    for (const command of ['import', 'lint', 'plan-check']) {
      const { stdout, stderr } = await runBin([command, '--help']);
      expect(`${stdout}${stderr}`).toContain('Exit status:');
      expect(`${stdout}${stderr}`).not.toContain('exit code');
    }
  });
});
