import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runImport } from '../../lib/cli/import';
import { ApiRecordSeed, CloudflareApiOptions, ListAnswer, startCloudflareApi, testApiToken } from '../support/cloudflare-api';

/*
 * `cdktf-mx import --from cloudflare` against an API that pages wrongly (issue 19 P3/P4) and the
 * provider's own base URL variable: run as the user runs it (runImport with the environment), the
 * API a loopback one whose list answers are bent by `listAnswer`.
 */

const TOKEN = testApiToken();
const ZONE = { id: 'a'.repeat(32), name: 'paging.example' };

/** 5 Google MX, SPF, DMARC and `filler` A records (not mail). */
function records(filler: number): ApiRecordSeed[] {
  const mx = ['aspmx.l.google.com', 'alt1.aspmx.l.google.com', 'alt2.aspmx.l.google.com', 'alt3.aspmx.l.google.com', 'alt4.aspmx.l.google.com'];
  return [
    ...mx.map((content, i) => ({ name: ZONE.name, type: 'MX', content, priority: [1, 5, 5, 10, 10][i], ttl: 1 })),
    { name: ZONE.name, type: 'TXT', content: '"v=spf1 include:_spf.google.com ~all"', ttl: 1 },
    { name: `_dmarc.${ZONE.name}`, type: 'TXT', content: '"v=DMARC1; p=reject"', ttl: 1 },
    ...Array.from({ length: filler }, (_, i) => ({ name: `host${i}.${ZONE.name}`, type: 'A', content: `192.0.2.${i % 250}`, ttl: 1 })),
  ];
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-import-paging-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
async function importFrom(api: Partial<CloudflareApiOptions> & { records: ApiRecordSeed[] }, env: (baseUrl: string) => Record<string, string>, args: string[] = []) {
  const server = await startCloudflareApi({ zones: [{ ...ZONE, records: api.records }], token: TOKEN, ...api });
  const out = join(dir, `out-${++n}.ts`);
  let stderr = '';
  try {
    const started = Date.now();
    const code = await runImport([ZONE.name, '--from', 'cloudflare', '--out', out, '--retries', '0', '--timeout', '3000', ...args], {
      stdout: { write: () => true },
      stderr: { write: (t: string) => (stderr += t) },
      env: { CLOUDFLARE_API_TOKEN: TOKEN, ...env(server.baseUrl) },
    });
    const pages = server.requests.filter((r) => r.path.includes('/dns_records')).length;
    return { code, stderr, pages, ms: Date.now() - started, text: existsSync(out) ? readFileSync(out, 'utf8') : undefined };
  } finally {
    await server.close();
  }
}

const base = (url: string) => ({ CLOUDFLARE_BASE_URL: url });

test('CLOUDFLARE_BASE_URL (the provider\'s variable) points import at the API', async () => {
  const result = await importFrom({ records: records(3) }, base);
  expect(result.stderr).not.toMatch(/could not reach/);
  expect(result.code).toBe(0);
  expect(result.text).toContain('GoogleWorkspaceMx');
});

test('CLOUDFLARE_API_BASE_URL is still read, as an alias', async () => {
  const result = await importFrom({ records: records(3) }, (url) => ({ CLOUDFLARE_API_BASE_URL: url }));
  expect(result.code).toBe(0);
});

test('P4: total_pages 1 on 1,501 records: import reads on to the short page and gets every MX', async () => {
  const lie = (answer: ListAnswer): ListAnswer => ({ ...answer, result_info: { ...answer.result_info, total_pages: 1 } });
  const result = await importFrom({ records: records(1494), listAnswer: lie }, base);
  expect(result.code).toBe(0);
  expect(result.pages).toBe(2);
  expect(result.text).toContain('GoogleWorkspaceMx');
  expect(result.stderr).toMatch(/adopted 7 mail records/);
});

test('P4: no result_info at all: import still reads every page', async () => {
  const bare = (answer: ListAnswer): ListAnswer => ({ result: answer.result });
  const result = await importFrom({ records: records(1494), listAnswer: bare }, base);
  expect(result.code).toBe(0);
  expect(result.pages).toBe(2);
  expect(result.stderr).toMatch(/adopted 7 mail records/);
});

test('P4: an empty page while total_count says more is a shortfall: exit 2, nothing written', async () => {
  // The MX sit past the first page; the API then answers empty pages.
  const all = records(1494).reverse();
  const stop = (answer: ListAnswer, page: number): ListAnswer => (page === 1 ? answer : { ...answer, result: [] });
  const result = await importFrom({ records: all, listAnswer: stop }, base);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/said the zone holds 1501 records, but only 1000 were listed/);
  expect(result.text).toBeUndefined();
});

test('P4: pages that repeat record ids do not multiply records (no false mx-duplicate)', async () => {
  // Every record listed three times, total_count counting the copies.
  const thrice = (answer: ListAnswer): ListAnswer => ({
    result: [...answer.result, ...answer.result, ...answer.result],
    result_info: { ...answer.result_info, count: answer.result.length * 3, total_count: Number(answer.result_info?.total_count) * 3 },
  });
  const result = await importFrom({ records: records(3), listAnswer: thrice }, base);
  expect(result.code).toBe(0);
  expect(result.stderr).not.toMatch(/mx-duplicate|spf-multiple/);
  expect(result.stderr).toMatch(/adopted 7 mail records/);
  expect(result.text).not.toMatch(/suppressMxRule/);
});

test('P3: an API that serves the same page whatever page is asked stops the walk: exit 2', async () => {
  const same = (_answer: ListAnswer, page: number, perPage: number): ListAnswer => {
    void perPage;
    return { result: records(0).map((r, i) => ({ ...r, id: `${i}`.padStart(32, '0') })), result_info: { page, per_page: 7, count: 7, total_count: 1_000_000, total_pages: page + 1 } };
  };
  const result = await importFrom({ records: records(0), listAnswer: same }, base);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/page 2 .*only records already listed/);
  expect(result.pages).toBe(2);
});

test('P3: every page full of new records and claiming one more page: the walk stops at --max-records, exit 2', async () => {
  let next = 0;
  const endless = (_answer: ListAnswer, page: number, perPage: number): ListAnswer => ({
    result: Array.from({ length: perPage }, () => ({ id: `${++next}`.padStart(32, '0'), zone_id: ZONE.id, name: `h${next}.${ZONE.name}`, type: 'A', content: '192.0.2.1', ttl: 1, proxied: false })),
    result_info: { page, per_page: perPage, count: perPage, total_count: (page + 1) * perPage, total_pages: page + 1 },
  });
  const result = await importFrom({ records: records(0), listAnswer: endless, maxPerPage: 50 }, base, ['--max-records', '1000']);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/more than 1000 records/);
  expect(result.stderr).toMatch(/--max-records/);
  expect(result.pages).toBeLessThanOrEqual(21);
  expect(result.text).toBeUndefined();
});
