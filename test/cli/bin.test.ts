import { App } from 'cdktf';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MxRecords, NullMx } from '../../lib';
import { newStack } from '../helpers';
import { runBin } from './bin';

const dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-bin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the cdktf-mx bin', () => {
  test('JSON output far beyond a pipe buffer arrives whole through a pipe (issue 13 item 2)', async () => {
    // 8,000 names with one MX each: a warning per name, ~2 MB of JSON findings.
    const records = Array.from({ length: 8000 }, (_, i) => ({ name: `host-${i}`, type: 'MX', priority: 10, value: `mx-${i}.example.net` }));
    const big = join(dir, 'big.json');
    writeFileSync(big, JSON.stringify({ zone: 'example.com', records }));
    const { code, stdout } = await runBin(['lint', big, '--format', 'json'], { slowReader: 3000 });
    expect(Buffer.byteLength(stdout)).toBeGreaterThan(16 * 65_536);
    const findings = JSON.parse(stdout) as Array<{ rule: string; name: string }>;
    expect(findings.filter((f) => f.rule === 'mx-single')).toHaveLength(8000);
    expect(code).toBe(0);
  });

  test('--help and -h print the usage on stdout and exit 0, also per command', async () => {
    for (const args of [['--help'], ['-h']]) {
      const { code, stdout, stderr } = await runBin(args);
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      expect(stdout).toMatch(/^usage: cdktf-mx <command>/);
      expect(stdout).toContain('  lint ');
      expect(stdout).toContain('  verify ');
    }
    const lint = await runBin(['lint', '--help']);
    expect(lint.code).toBe(0);
    expect(lint.stdout).toMatch(/^usage: cdktf-mx lint <input>/);
    const verify = await runBin(['verify', '-h']);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/^usage: cdktf-mx verify/);
  });

  test('--version prints the version from package.json', async () => {
    const { version } = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
    const { code, stdout } = await runBin(['--version']);
    expect(code).toBe(0);
    expect(stdout).toBe(`${version}\n`);
  });

  test('no command, or an unknown one, is a usage error: message and usage on stderr, exit 2', async () => {
    const none = await runBin([]);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/^cdktf-mx: give a command\n\nusage: cdktf-mx <command>/);
    const unknown = await runBin(['lnit', 'zone.json']);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/^cdktf-mx: unknown command "lnit"\n\nusage: cdktf-mx <command>/);
    // Names of Object.prototype members are unknown commands too, not a crash.
    expect((await runBin(['constructor'])).stderr).toContain('unknown command "constructor"');
  });
});

describe('cdktf-mx lint on synthesized output (issue 11 item 7)', () => {
  const outdir = join(dir, 'cdktf.out');
  beforeAll(() => {
    const app = new App({ outdir });
    const stack = newStack('mail', app);
    // One MX (mx-single warning) at corp.example; a null MX without SPF (null-mx-spf) at parked.example.
    new MxRecords(stack, 'corp', { zoneId: '${var.corp_zone_id}', domain: 'corp.example', records: [{ priority: 10, exchange: 'mx.example.net' }] });
    new NullMx(stack, 'parked', { zoneId: '${var.parked_zone_id}', domain: 'parked.example', spf: false });
    app.synth();
  });

  const lintJson = async (...args: string[]) => {
    const { code, stdout, stderr } = await runBin(['lint', ...args, '--format', 'json']);
    return { code, stderr, findings: stdout ? (JSON.parse(stdout) as Array<{ rule: string; name: string }>) : [] };
  };

  test.each([
    ['a cdktf.out directory', () => outdir],
    ['a stack directory', () => join(outdir, 'stacks', 'mail')],
    ['a cdk.tf.json', () => join(outdir, 'stacks', 'mail', 'cdk.tf.json')],
  ])('%s: every zone in it is linted', async (_, path) => {
    const { code, stderr, findings } = await lintJson(path());
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(findings.map((f) => `${f.rule} ${f.name}`)).toEqual(expect.arrayContaining(['mx-single corp.example.', 'null-mx-spf parked.example.']));
    expect(new Set(findings.map((f) => f.name))).toEqual(new Set(['corp.example.', 'parked.example.']));
  });

  test('--zone picks one zone of the output', async () => {
    const { findings } = await lintJson(outdir, '--zone', 'parked.example');
    expect(findings.map((f) => f.name)).toEqual(expect.arrayContaining(['parked.example.']));
    expect(findings.some((f) => f.name === 'corp.example.')).toBe(false);
  });
});
