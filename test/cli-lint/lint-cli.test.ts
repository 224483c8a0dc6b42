import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
