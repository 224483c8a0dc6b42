// P9 (issue 19): `cdktf-mx import --from cloudflare` on live data that is not a host name or not
// where it claims to be. Names holding `/` or `'` wrote an app that threw at synth (constructs
// refuse them): they are kept as raw records with their record-invalid finding above them. A
// record the API names `evil.com` in zone example.com was re-rooted as `evil.com.example.com`:
// it is listed as not read. A priority sent as a string of digits was dropped: it is read; any
// other string is listed as not read. The generated app is then run as the user runs it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runImport } from '../../lib/cli/import';
import { CloudflareApi, startCloudflareApi, testApiToken } from '../support/cloudflare-api';

const ROOT = resolve(__dirname, '../..');
const TOKEN = testApiToken();
const ZONE_ID = 'a'.repeat(32);
const id = (c: string) => c.repeat(32);

describe('import --from cloudflare: live names and priorities that are not what they claim', () => {
  let fake: CloudflareApi;
  let dir: string;
  let code: number;
  let stderr = '';
  let text: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-import-names-'));
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    fake = await startCloudflareApi({
      token: TOKEN,
      zones: [{
        id: ZONE_ID,
        name: 'example.com',
        records: [
          { id: id('1'), name: 'example.com', type: 'MX', content: 'mx1.example.net', priority: '10' as unknown as number, ttl: 1 },
          { id: id('2'), name: 'example.com', type: 'MX', content: 'mx2.example.net', priority: 20, ttl: 1 },
          { id: id('3'), name: 'a/b.example.com', type: 'MX', content: 'mx1.example.net', priority: 10, ttl: 1 },
          { id: id('4'), name: "o'brien.example.com", type: 'MX', content: 'mx1.example.net', priority: 10, ttl: 1 },
          { id: id('5'), name: 'evil.com', type: 'MX', content: 'mx.evil.example', priority: 10, ttl: 1 },
          { id: id('6'), name: 'shop.example.com', type: 'MX', content: 'mx1.example.net', priority: 'high' as unknown as number, ttl: 1 },
        ],
      }],
    });
    const file = join(dir, 'mail.ts');
    code = await runImport(['example.com', '--from', 'cloudflare', '--out', file, '--module', join(ROOT, 'lib/index')], {
      stdout: { write: () => true },
      stderr: { write: (t: string) => (stderr += t) },
      env: { CLOUDFLARE_API_TOKEN: TOKEN, CLOUDFLARE_BASE_URL: fake.baseUrl },
    });
    text = readFileSync(file, 'utf8');
  });
  afterAll(async () => {
    await fake?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('evil.com is not re-rooted into the zone: listed as not read, absent from the app', () => {
    expect(code).toBe(0);
    expect(stderr).toContain(`not read: MX evil.com (id ${id('5')}) is named outside the zone example.com (the API gives full names); not adopted`);
    expect(text).not.toContain('evil.com.example.com');
    expect(text).not.toContain(id('5'));
  });

  test('a priority of digits in a string is read ("10" → 10); any other string is listed as not read', () => {
    expect(text).toContain("{ priority: 10, exchange: 'mx1.example.net' }");
    expect(text).toContain("{ priority: 20, exchange: 'mx2.example.net' }");
    expect(text).toContain(`'${id('1')}'`);
    expect(stderr).toContain(`not read: MX shop.example.com (id ${id('6')}) has priority "high", not a number; not adopted`);
  });

  test('names with / and \' stay raw records, each under its record-invalid finding', () => {
    const lines = text.split('\n').map((l) => l.trim());
    for (const [name, written] of [['a/b.example.com', "'a/b.example.com'"], ["o'brien.example.com", "'o\\'brien.example.com'"]]) {
      expect(text).not.toMatch(new RegExp(`new MxRecords\\(this, 'mail-${name.split('.')[0].replace(/[/'\\\\]/g, '.')}`));
      const at = lines.findIndex((l) => l.includes(`name: ${written}`));
      expect(at).toBeGreaterThan(0);
      const call = lines.slice(0, at + 1).reverse().find((l) => l.startsWith('liveRecord(this,'));
      expect(call).toBeDefined();
      const above = lines[lines.lastIndexOf(call!, at) - 1];
      expect(above).toContain(`// [record-invalid] error at ${name}.`);
    }
  });

  test('the generated app synthesizes (it threw for a/b) with the raw records and the read priority', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(dir, 'mail.ts')], { cwd: dir, encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1' }, timeout: 120_000 });
    expect({ status: run.status, stderr: run.status === 0 ? '' : run.stderr }).toEqual({ status: 0, stderr: '' });
    const synth = JSON.parse(readFileSync(join(dir, 'cdktf.out/stacks/mail/cdk.tf.json'), 'utf8')) as { resource: { cloudflare_dns_record: Record<string, { name: string; priority?: number; content: string }> } };
    const records = Object.values(synth.resource.cloudflare_dns_record).map((r) => [r.name, r.priority, r.content]).sort();
    expect(records).toEqual([
      ['a/b.example.com', 10, 'mx1.example.net'],
      ['example.com', 10, 'mx1.example.net'],
      ['example.com', 20, 'mx2.example.net'],
      ["o'brien.example.com", 10, 'mx1.example.net'],
    ]);
  });
});
