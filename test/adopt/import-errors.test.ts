import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { runImport } from '../../lib/cli/import';
import { Fault, startCloudflareApi } from '../support/cloudflare-api';
import { googleLegacy, parked } from './zones';

const TOKEN = 'cf-secret-token-7Hq2LmZx90-aaaaaaaaaaaaaaaaaaaa';
const ZONE_ONLY_TOKEN = 'cf-zone-only-token-Kd81mPQ3-bbbbbbbbbbbbbbbbbb';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-import-errors-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** Run `cdktf-mx import` against a fresh fake with the given faults; returns what it said and did. */
async function importWith(options: { faults?: Fault[]; token?: string; args?: string[]; domain?: string; out?: string; baseUrl?: string }) {
  const fake = await startCloudflareApi({ zones: [googleLegacy, parked], token: TOKEN, zoneOnlyToken: ZONE_ONLY_TOKEN, faults: options.faults });
  const out = options.out ?? join(dir, `out-${++n}.ts`);
  let stdout = '';
  let stderr = '';
  const started = Date.now();
  try {
    const token = options.token ?? TOKEN;
    const code = await runImport([options.domain ?? googleLegacy.name, '--from', 'cloudflare', '--out', out, ...(options.args ?? [])], {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      env: { ...(token ? { CLOUDFLARE_API_TOKEN: token } : {}), CLOUDFLARE_API_BASE_URL: options.baseUrl ?? fake.baseUrl },
    });
    return { code, stdout, stderr, out, written: existsSync(out), requests: fake.requests, ms: Date.now() - started };
  } finally {
    await fake.close();
  }
}

/** The common contract of every failure: exit 2, nothing written, no token anywhere. */
function expectFailure(result: Awaited<ReturnType<typeof importWith>>, message: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(message);
  expect(result.written).toBe(false);
  for (const secret of [TOKEN, ZONE_ONLY_TOKEN]) expect(result.stdout + result.stderr).not.toContain(secret);
}

test('a token Cloudflare rejects (403, error 10000) names the permissions needed', async () => {
  const result = await importWith({ token: 'cf-wrong-token-000-cccccccccccccccccccccccc' });
  expectFailure(result, /may not read the DNS records of google-legacy\.example \(HTTP 403: 10000 Authentication error\)\. Give it the permissions Zone → Zone → Read and Zone → DNS → Read/);
  expect(result.stderr).not.toContain('cf-wrong-token-000-cccccccccccccccccccccccc');
});

test('a token that may list zones but not read DNS records fails at the records, naming Zone → DNS → Read', async () => {
  const result = await importWith({ token: ZONE_ONLY_TOKEN });
  expectFailure(result, /Zone → DNS → Read/);
  expect(result.requests.map((r) => r.path.replace(/\?.*/, ''))).toEqual(['/client/v4/zones', `/client/v4/zones/${googleLegacy.id}/dns_records`]);
});

test('HTTP 401 is a permission failure too', async () => {
  const result = await importWith({ faults: [{ path: '/zones', times: 1, status: 401, body: '{"success":false,"errors":[{"code":9109,"message":"Invalid access token"}]}' }] });
  expectFailure(result, /HTTP 401: 9109 Invalid access token\)\. Give it the permissions/);
});

test('no token in the environment', async () => {
  const result = await importWith({ token: '' });
  expectFailure(result, /set CLOUDFLARE_API_TOKEN to an API token with Zone → Zone → Read and Zone → DNS → Read/);
  expect(result.requests).toHaveLength(0);
});

test('a zone the token cannot see is not found', async () => {
  const result = await importWith({ domain: 'absent.example' });
  expectFailure(result, /zone absent\.example not found/);
});

test('429 is retried after Retry-After seconds, then the import succeeds', async () => {
  const result = await importWith({ faults: [{ path: '/dns_records', times: 1, status: 429, retryAfter: '1' }] });
  expect(result.code).toBe(0);
  expect(result.written).toBe(true);
  expect(result.requests.filter((r) => r.path.includes('/dns_records'))).toHaveLength(2);
  expect(result.ms).toBeGreaterThanOrEqual(1000);
  expect(readFileSync(result.out, 'utf8')).not.toContain(TOKEN);
});

test('429 that does not end gives up after the bounded retries', async () => {
  const result = await importWith({ faults: [{ path: '/zones', times: 99, status: 429, retryAfter: '0' }], args: ['--retries', '2'] });
  expectFailure(result, /rate-limited GET \/zones \(HTTP 429: 971 Please wait.*gave up after 3 attempts/);
  expect(result.requests).toHaveLength(3);
});

test('a Retry-After longer than the importer waits fails at once', async () => {
  const result = await importWith({ faults: [{ path: '/zones', times: 1, status: 429, retryAfter: '3600' }] });
  expectFailure(result, /rate-limits this token \(HTTP 429\) for 3600 s/);
  expect(result.requests).toHaveLength(1);
});

test('5xx is retried with backoff, then the import succeeds', async () => {
  const result = await importWith({ faults: [{ path: '/dns_records', times: 2, status: 503 }] });
  expect(result.code).toBe(0);
  expect(result.requests.filter((r) => r.path.includes('/dns_records'))).toHaveLength(3);
  // 500 ms, then 1000 ms.
  expect(result.ms).toBeGreaterThanOrEqual(1500);
});

test('5xx that does not end gives up', async () => {
  const result = await importWith({ faults: [{ path: '/dns_records', times: 99, status: 500 }], args: ['--retries', '1'] });
  expectFailure(result, /Cloudflare failed GET \/zones\/[0-9a-f]+\/dns_records \(HTTP 500: 10001 Internal error\) \(gave up after 2 attempts\)/);
});

test('an API that does not answer times out', async () => {
  const result = await importWith({ faults: [{ path: '/zones', times: 99, hang: true }], args: ['--timeout', '300', '--retries', '1'] });
  expectFailure(result, /Cloudflare did not answer GET \/zones within 300 ms \(gave up after 2 attempts\)/);
});

test('an API that cannot be reached', async () => {
  // A port that was free a moment ago: nothing listens there.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  const result = await importWith({ baseUrl: `http://127.0.0.1:${port}/client/v4`, args: ['--retries', '0'] });
  expectFailure(result, new RegExp(`could not reach Cloudflare at http://127\\.0\\.0\\.1:${port}/client/v4 for GET /zones: ECONNREFUSED \\(gave up after 1 attempt\\)`));
});

test('a base URL that is not http(s) fails before any request', async () => {
  const result = await importWith({ baseUrl: 'ftp://cloudflare.example/v4' });
  expectFailure(result, /CLOUDFLARE_BASE_URL "ftp:\/\/cloudflare\.example\/v4" is not an http\(s\) URL/);
  expect(result.requests).toHaveLength(0);
});

test('malformed JSON is reported, not retried', async () => {
  const result = await importWith({ faults: [{ path: '/dns_records', times: 1, status: 200, body: '{"success": true, "result": [' }] });
  expectFailure(result, /answered GET \/zones\/[0-9a-f]+\/dns_records \(HTTP 200\) with something that is not JSON/);
  expect(result.requests.filter((r) => r.path.includes('/dns_records'))).toHaveLength(1);
});

test('a result_info whose total_count is not a record count is reported', async () => {
  const body = JSON.stringify({ success: true, errors: [], messages: [], result: [], result_info: { page: 1, total_count: 'many' } });
  const result = await importWith({ faults: [{ path: '/dns_records', times: 1, status: 200, body }] });
  expectFailure(result, /result_info\.total_count "many", not a record count/);
});

test('a page count the pages do not fill is not followed; the records missing from total_count are reported', async () => {
  const body = JSON.stringify({ success: true, errors: [], messages: [], result: [], result_info: { page: 1, per_page: 100, count: 0, total_count: 1500, total_pages: 1000000 } });
  const result = await importWith({ faults: [{ path: '/dns_records', times: 1, status: 200, body }] });
  expectFailure(result, /said the zone holds 1500 records, but only 0 were listed/);
  expect(result.requests.filter((r) => r.path.includes('/dns_records'))).toHaveLength(1);
});

test('records the importer cannot read are reported, not dropped silently', async () => {
  const records = googleLegacy.records.map((r) => ({ ...r, proxied: r.proxied ?? false, comment: null, tags: [] }));
  const body = JSON.stringify({
    success: true,
    errors: [],
    messages: [],
    result: [...records, { id: 'aa11', name: '_sip._tcp.google-legacy.example', type: 'SRV', ttl: 1, data: { priority: 10, weight: 5, port: 5060, target: 'sip.example.net' } }, { name: 'broken' }],
    result_info: { page: 1, per_page: 100, count: records.length + 2, total_count: records.length + 2, total_pages: 1 },
  });
  const result = await importWith({ faults: [{ path: '/dns_records', times: 1, status: 200, body }] });
  expect(result.code).toBe(0);
  expect(result.stderr).toContain('not read: SRV _sip._tcp.google-legacy.example (id aa11) has no content the importer can read (structured data only)');
  expect(result.stderr).toContain('not read: a record without id, name, type or ttl: {"name":"broken"}');
});

test('an existing --out is never overwritten without --force', async () => {
  const out = join(dir, 'existing.ts');
  writeFileSync(out, '// mine\n');
  const result = await importWith({ out });
  expect(result.code).toBe(2);
  expect(result.stderr).toContain(`${out} exists; give --force to overwrite it`);
  expect(readFileSync(out, 'utf8')).toBe('// mine\n');
  expect(result.requests).toHaveLength(0);
  const forced = await importWith({ out, args: ['--force'] });
  expect(forced.code).toBe(0);
  expect(readFileSync(out, 'utf8')).toContain('new GoogleWorkspaceMx(this');
});

test('usage errors exit 2 and say what is missing', async () => {
  const result = await importWith({ args: ['--server', '127.0.0.1'] });
  expectFailure(result, /server: only applies to --from dns/);
  let stderr = '';
  const code = await runImport(['example.com', '--from', 'cloudflare'], { stdout: { write: () => true }, stderr: { write: (t: string) => (stderr += t) }, env: {} });
  expect(code).toBe(2);
  expect(stderr).toContain('out: give the file to write');
});
