import { DnsRecord } from '@cdktf/provider-cloudflare/lib/dns-record';
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { AddressInfo, createServer, Server, Socket } from 'node:net';
import { join } from 'node:path';
import { terminalLines, terminalText } from '../../lib/cli/terminal-text';
import { runBin } from './bin';
import { fromRecords, ScriptedDns, startScriptedDns } from '../verify/scripted-dns';

/**
 * Issue 19 P5: text from live data (zone files, cdktf output, API and server answers) is
 * data on a terminal and in a CI log: no escape sequence, no CR, no line it starts.
 */
const dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-terminal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Anything a terminal acts on (C0 but tab and LF, DEL, C1), and lines a CI runner reads as workflow commands. */
function expectInert(output: string): void {
  expect(output).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
  expect(output.split('\n').filter((line) => /^\s*(::|##\[)/.test(line))).toEqual([]);
}

// \010 is LF, \013 CR, \027 ESC, \007 BEL (RFC 1035 §5.1 \DDD escapes, decimal).
const HOSTILE_ZONE = [
  '$TTL 3600',
  '@ IN SOA ns1.example.com. h.example.com. 1 7200 900 1209600 86400',
  '@ NS ns1',
  'ns1 A 192.0.2.1',
  '@ MX 10 mx',
  'mx A 192.0.2.2',
  '@ TXT "v=spf1 include:\\010::error::pwned\\027]0;owned\\007 -all"',
  '_dmarc TXT "v=DMARC1; p=\\027[2J\\013quarantine"',
  'www TXT "\\010##[error]old style\\027[31m"',
  '',
].join('\n');

describe('terminalText', () => {
  test('controls, C1, separators and bidi overrides become visible escapes; tab stays; a leading workflow command is broken', () => {
    expect(terminalText('a\nb\rc\x1b[2Jd\x07\x9b\u2028\u202e\te')).toBe('a\\nb\\rc\\e[2Jd\\x07\\x9b\\u{2028}\\u{202e}\te');
    expect(terminalText('::error::x')).toBe('\\x3a:error::x');
    expect(terminalText('##[error]x')).toBe('\\x23#[error]x');
    expect(terminalText('  \t::warning::x')).toBe('  \t\\x3a:warning::x');
    expect(terminalLines('cannot read a:\n  ::error::b\r')).toBe('cannot read a:\n  \\x3a:error::b\\r');
    expect(terminalText('plain text: ok')).toBe('plain text: ok');
  });
});

describe('text output of the commands, run as a user runs them', () => {
  const zone = join(dir, 'hostile.zone');
  beforeAll(() => writeFileSync(zone, HOSTILE_ZONE));

  test('lint of a zone file with hostile TXT: the findings quote it escaped, one line each', async () => {
    const { code, stdout, stderr } = await runBin(['lint', zone, '--zone', 'example.com']);
    expect(code).toBe(1);
    expectInert(stdout);
    expectInert(stderr);
    expect(stdout).toContain('SPF "v=spf1 include:\\n::error::pwned\\e]0;owned\\x07 -all"');
    expect(stdout).toContain('DMARC "v=DMARC1; p=\\e[2J\\rquarantine"');
  });

  test('lint --format github and sarif stay escaped as their readers read them', async () => {
    const github = await runBin(['lint', zone, '--zone', 'example.com', '--format', 'github']);
    expect(github.stdout.split('\n').filter((l) => l !== '').every((l) => /^::(error|warning|notice) /.test(l))).toBe(true);
    expect(github.stdout).toContain('include:%0A::error::pwned');
    const sarif = await runBin(['lint', zone, '--zone', 'example.com', '--format', 'sarif']);
    const messages = (JSON.parse(sarif.stdout) as { runs: Array<{ results: Array<{ message: { text: string } }> }> }).runs[0].results.map((r) => r.message.text);
    expect(messages.some((m) => m.includes('include:\n::error::pwned\x1b]0;owned\x07'))).toBe(true);
  });

  test('import from the zone file: the summary on stderr is escaped', async () => {
    const out = join(dir, 'adopted.ts');
    const { code, stderr } = await runBin(['import', 'example.com', '--from', zone, '--out', out]);
    expect(code).toBe(0);
    expectInert(stderr);
    expect(stderr).toContain('finding [dmarc-syntax] warning at _dmarc.example.com. DMARC "v=DMARC1; p=\\e[2J\\rquarantine"');
  });

  test('lint of cdktf output holding a raw record with control characters', async () => {
    const outdir = join(dir, 'cdktf.out');
    const app = new App({ outdir });
    const stack = new TerraformStack(app, 'mail');
    new CloudflareProvider(stack, 'cloudflare', {});
    const zoneId = '023e105f4ecef8ad9ca31a8372d0c353';
    new DnsRecord(stack, 'mx', { zoneId, name: 'cf.example', type: 'MX', content: 'mx.cf.example', priority: 10, ttl: 3600 });
    new DnsRecord(stack, 'spf', { zoneId, name: 'cf.example', type: 'TXT', content: '"v=spf1 \x1b]2;owned\x07\r\n::error::pwned -all"', ttl: 3600 });
    app.synth();
    const { code, stdout, stderr } = await runBin(['lint', outdir]);
    expect(code).toBe(1);
    expectInert(stdout);
    expectInert(stderr);
    expect(stdout).toContain('\\e]2;owned\\x07\\r\\n::error::pwned');
  });

  test('error messages on stderr: plan-check, lint, verify and the dispatcher', async () => {
    const evil = join(dir, 'plan\x1b]0;x\x07\n::error::y.json');
    for (const args of [['plan-check', evil], ['lint', evil], ['verify', evil], ['\x1b[2J\n::error::z']]) {
      const { code, stdout, stderr } = await runBin(args);
      expect(code).toBe(2);
      expectInert(stdout);
      expectInert(stderr);
      // The dispatcher's one-line message escapes the line break; a command's error keeps its lines, each made inert.
      expect(stderr).toMatch(/\\e(\]0;x\\x07\n\\x3a:error::y|\[2J\\n::error::z)/);
    }
  });

  describe('verify --smtp: an SMTP greeting that writes escape sequences and lines', () => {
    let dns: ScriptedDns | undefined;
    let smtp: Server | undefined;
    const sockets = new Set<Socket>();
    afterAll(async () => {
      await dns?.close();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
    });

    test('the table prints the greeting as data', async () => {
      smtp = createServer((socket) => sockets.add(socket) && socket.end('220 mx1.evil.example \x1b]0;owned\x07\x1b[2J\r::error::pwned\r\n'));
      await new Promise<void>((resolve) => smtp!.listen(0, '127.0.0.1', resolve));
      const port = (smtp.address() as AddressInfo).port;
      dns = await startScriptedDns(fromRecords([
        { name: 'evil.example', type: 'MX', data: '10 mx1.evil.example' },
        { name: 'mx1.evil.example', type: 'A', data: '127.0.0.1' },
      ]));
      const declaration = join(dir, 'declared.json');
      writeFileSync(declaration, JSON.stringify({ zone: 'evil.example', records: [{ name: '@', type: 'MX', priority: 10, value: 'mx1.evil.example' }] }));
      const { stdout, stderr } = await runBin(['verify', declaration, '--server', dns.address, '--smtp', '--smtp-port', String(port), '--timeout', '2000']);
      expectInert(stdout);
      expectInert(stderr);
      expect(stdout).toContain('mx1.evil.example \\e]0;owned\\x07\\e[2J\\r::error::pwned');
    });
  });
});
