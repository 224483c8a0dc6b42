import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fromCloudflareTxt } from '../../lib/cloudflare/txt';
import { runImport } from '../../lib/cli/import';
import { RecordSpec } from '../../lib/dns/record';
import { renderZone } from '../../lib/testing/render-zone';
import { formatZone } from '../../lib/testing/zone-text';
import { findTool, namedCheckzone } from '../real-dns/tools';
import { CloudflareApi, startCloudflareApi } from '../support/cloudflare-api';
import { ALL_ZONES, FixtureZone } from './zones';

const ROOT = resolve(__dirname, '../..');
/** The generated files import the constructs from this repository instead of the published package. */
const LIB = join(ROOT, 'lib/index');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const TOKEN = 'cf-test-token-Zq81x0aa77Pp3-dddddddddddddddddd';

/** The live mail records of a fixture as zone records, written from the fixture by hand (not by the importer). */
function expectedMail(zone: FixtureZone): RecordSpec[] {
  return zone.records
    .filter((r) => r.mail)
    .map((r) => ({
      name: r.name,
      type: r.type,
      value: r.type === 'TXT' ? fromCloudflareTxt(r.content) : r.content,
      ...(r.priority !== undefined ? { priority: r.priority } : {}),
      ttl: r.ttl,
      ...(r.proxied ? { proxied: true } : {}),
    }));
}

interface Synth {
  resource: { cloudflare_dns_record: Record<string, { name: string; type: string; content: string; priority?: number; ttl: number; comment?: string; proxied?: boolean; tags?: string[] }> };
  import?: Array<{ to: string; id: string }>;
}

describe('cdktf-mx import --from cloudflare: live zone → app → synth equals the live mail records', () => {
  let fake: CloudflareApi;
  let dir: string;
  const written: string[] = [];

  beforeAll(async () => {
    fake = await startCloudflareApi({ zones: ALL_ZONES, token: TOKEN, maxPerPage: 100 });
    dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-adopt-'));
    // The generated apps resolve cdktf, constructs and the provider from the repository's node_modules.
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  });
  afterAll(async () => {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test.each(ALL_ZONES.map((z) => [z.name, z] as const))('%s', async (_name, zone) => {
    const work = join(dir, zone.name);
    mkdirSync(work);
    const file = join(work, 'mail.ts');
    let stdout = '';
    let stderr = '';
    const code = await runImport([zone.name, '--from', 'cloudflare', '--out', file, '--module', LIB], {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      env: { CLOUDFLARE_API_TOKEN: TOKEN, CLOUDFLARE_API_BASE_URL: fake.baseUrl },
    });
    expect({ code, stderr }).toEqual({ code: 0, stderr: expect.stringContaining(`wrote ${file}`) });
    const text = readFileSync(file, 'utf8');
    written.push(file);
    for (const construct of zone.constructs) expect(text).toContain(`new ${construct}(this`);
    for (const output of [stdout, stderr, text]) expect(output).not.toContain(TOKEN);
    // The live zone's findings are printed, and written above the construct they concern.
    for (const [comment, code] of zone.findingComments ?? []) {
      expect(stderr).toContain(`finding ${comment.slice(3)}`);
      const lines = text.split('\n').map((l) => l.trim());
      const at = lines.findIndex((l) => l.startsWith(code));
      const block = lines.slice(0, at).reverse();
      const above = block.slice(0, block.findIndex((l) => !l.startsWith('//')));
      expect(above.some((l) => l.startsWith(comment))).toBe(true);
    }
    // Every record that is not mail is listed as left out.
    const otherCount = zone.records.filter((r) => !r.mail).length;
    expect(stderr).toContain(`left out ${otherCount} ${otherCount === 1 ? 'record that is' : 'records that are'} not mail:`);

    // All pages were read: the API answers at most 100 records a page here.
    const pages = fake.requests.filter((r) => r.path.startsWith(`/client/v4/zones/${zone.id}/dns_records`));
    expect(pages.map((r) => new URL(r.path, 'http://x').searchParams.get('page'))).toEqual(Array.from({ length: Math.ceil(zone.records.length / 100) }, (_, i) => String(i + 1)));
    expect(pages.every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);

    const run = spawnSync(process.execPath, [TSX, file], { cwd: work, encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1' }, timeout: 120_000 });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: expect.anything() });
    const out = join(work, 'cdktf.out');

    const live = formatZone(zone.name, expectedMail(zone));
    expect(renderZone(out, zone.name)).toBe(live);

    // Every generated record carries the import block of its live record, and nothing else is created.
    const synth = JSON.parse(readFileSync(join(out, 'stacks/mail/cdk.tf.json'), 'utf8')) as Synth;
    const resources = synth.resource.cloudflare_dns_record;
    const mail = zone.records.filter((r) => r.mail);
    expect(Object.keys(resources)).toHaveLength(mail.length);
    expect(synth.import).toHaveLength(mail.length);
    for (const record of mail) {
      const block = synth.import!.find((i) => i.id === `${zone.id}/${record.id}`);
      expect(block).toBeDefined();
      const address = block!.to.replace(/^cloudflare_dns_record\./, '');
      const resource = resources[address];
      expect(resource).toMatchObject({ name: record.name, type: record.type, ttl: record.ttl });
      const content = record.type === 'TXT' ? fromCloudflareTxt(resource.content) : resource.content;
      expect(content).toBe(record.type === 'TXT' ? fromCloudflareTxt(record.content) : record.content);
      expect(resource.priority).toBe(record.priority);
      expect(resource.comment).toBe(record.comment);
      expect(resource.proxied ?? false).toBe(record.proxied ?? false);
      expect(resource.tags ?? []).toEqual(record.tags ?? []);
    }

    const checkzone = findTool('named-checkzone');
    if (checkzone) {
      for (const text of [formatZone(zone.name, expectedMail(zone), { soa: true }), renderZone(out, zone.name, { soa: true })]) {
        const result = namedCheckzone(checkzone, zone.name, text);
        expect({ loaded: result.loaded, output: result.output }).toEqual({ loaded: true, output: expect.anything() });
      }
    }
  });

  test('every generated app compiles under tsc --strict', () => {
    expect(written).toHaveLength(ALL_ZONES.length);
    const tsc = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/typescript/bin/tsc'), '--strict', '--noEmit', '--skipLibCheck', '--target', 'ES2022', '--module', 'commonjs', '--moduleResolution', 'node', '--esModuleInterop', '--types', 'node', ...written],
      { cwd: dir, encoding: 'utf8', timeout: 180_000 },
    );
    expect({ status: tsc.status, output: tsc.stdout + tsc.stderr }).toEqual({ status: 0, output: '' });
  });
});

test('the fixture zones are what the tests claim', () => {
  expect(ALL_ZONES.map((z) => z.records.length).reduce((a, b) => a + b)).toBeGreaterThan(400);
  expect(existsSync(TSX)).toBe(true);
});
