import { ApiRecord, CloudflareApi, startCloudflareApi, testApiToken } from './cloudflare-api';

/*
 * Fidelity of the loopback Cloudflare API to Cloudflare's documented answers:
 * - record object and envelope: https://developers.cloudflare.com/api/resources/dns/subresources/records/methods/create/
 *   (response `result`: id, name (FQDN), type, content, proxiable, proxied, ttl, settings, meta,
 *   comment, tags, created_on, modified_on, comment_modified_on / tags_modified_on when set);
 * - list paging: https://developers.cloudflare.com/api/resources/dns/subresources/records/methods/list/
 *   (`page`, `per_page`, `type`, `name.exact`; `result_info` page, per_page, count, total_count, total_pages);
 * - overwrite vs edit: …/records/methods/update/ (PUT) and …/records/methods/edit/ (PATCH);
 * - TXT content: https://developers.cloudflare.com/dns/manage-dns-records/reference/dns-record-types/#txt;
 * - rate limits: https://developers.cloudflare.com/fundamentals/api/reference/limits/.
 */

const TOKEN = testApiToken();
const ZONE_ID = '023e105f4ecef8ad9ca31a8372d0c353';
let api: CloudflareApi;

beforeEach(async () => {
  api = await startCloudflareApi({ zones: [{ id: ZONE_ID, name: 'example.com', records: [] }], token: TOKEN, faults: [] });
});
afterEach(() => api.close());

async function call(method: string, path: string, body?: unknown, token = TOKEN) {
  const response = await fetch(`${api.baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, headers: response.headers, json: (await response.json()) as { success: boolean; errors: Array<{ code: number; message: string }>; result: any; result_info?: any } };
}
const records = `/zones/${ZONE_ID}/dns_records`;
const create = (body: unknown) => call('POST', records, body);

test('create answers the documented record object: FQDN name, proxiable, settings, meta, null comment, [] tags, timestamps', async () => {
  const { status, json } = await create({ name: '@', type: 'MX', content: 'smtp.google.com.', priority: 1, ttl: 3600 });
  expect(status).toBe(200);
  expect(json).toMatchObject({ success: true, errors: [], messages: [] });
  const r = json.result as ApiRecord;
  expect(r).toMatchObject({ name: 'example.com', type: 'MX', content: 'smtp.google.com', priority: 1, ttl: 3600, proxiable: false, proxied: false, settings: {}, meta: {}, comment: null, tags: [] });
  expect(r.id).toMatch(/^[0-9a-f]{32}$/);
  expect(Date.parse(r.created_on)).not.toBeNaN();
  expect(r).not.toHaveProperty('comment_modified_on');
  expect(r).not.toHaveProperty('tags_modified_on');
  const relative = await create({ name: 'www', type: 'A', content: '192.0.2.1', ttl: 1, comment: 'web', tags: ['owner:web'] });
  expect(relative.json.result).toMatchObject({ name: 'www.example.com', proxiable: true, comment: 'web', tags: ['owner:web'] });
  expect(relative.json.result).toHaveProperty('comment_modified_on');
  expect(relative.json.result).toHaveProperty('tags_modified_on');
  // A null MX (RFC 7505) keeps its `.`.
  expect((await create({ name: 'parked', type: 'MX', content: '.', priority: 0, ttl: 1 })).json.result).toMatchObject({ name: 'parked.example.com', content: '.', priority: 0 });
});

test('documented errors: 81058 identical, 81053 A/AAAA/CNAME, 9004 proxied MX/TXT, TTL range, MX without priority', async () => {
  await create({ name: 'example.com', type: 'MX', content: 'mx.example.net', priority: 10, ttl: 1 });
  const cases: Array<[unknown, number, RegExp]> = [
    [{ name: 'example.com', type: 'MX', content: 'mx.example.net', priority: 10, ttl: 300 }, 81058, /An identical record already exists/],
    [{ name: 'example.com', type: 'CNAME', content: 'other.example.net', ttl: 1 }, 81053, /An A, AAAA, or CNAME record with that host already exists/],
    [{ name: 'example.com', type: 'MX', content: 'mx2.example.net', priority: 10, ttl: 1, proxied: true }, 9004, /cannot be proxied/],
    [{ name: 'example.com', type: 'TXT', content: '"v=spf1 -all"', ttl: 1, proxied: true }, 9004, /cannot be proxied/],
    [{ name: 'example.com', type: 'TXT', content: '"v=spf1 -all"', ttl: 30 }, 9021, /Invalid TTL/],
    [{ name: 'example.com', type: 'TXT', content: '"v=spf1 -all"', ttl: 86401 }, 9021, /Invalid TTL/],
    [{ name: 'example.com', type: 'MX', content: 'mx3.example.net', ttl: 1 }, 9100, /priority/],
  ];
  for (const [body, code, message] of cases) {
    const { status, json } = await create(body);
    expect([status, json.success, json.errors[0].code]).toEqual([400, false, code]);
    expect(json.errors[0].message).toMatch(message);
    expect(json.result).toBeNull();
  }
  // A second MX of another priority is not identical.
  expect((await create({ name: 'example.com', type: 'MX', content: 'mx.example.net', priority: 20, ttl: 1 })).status).toBe(200);
  expect(api.records(ZONE_ID)).toHaveLength(2);
  expect(api.writes.map((w) => w.status)).toEqual([200, 400, 400, 400, 400, 400, 400, 400, 200]);
});

test('TXT over 255 octets is stored as quoted 255-octet strings; short TXT is kept as sent', async () => {
  const long = `v=DKIM1; k=rsa; p=${'A'.repeat(400)}`;
  const { json } = await create({ name: 'sel._domainkey', type: 'TXT', content: long, ttl: 1 });
  expect(json.result.content).toBe(`"${long.slice(0, 255)}" "${long.slice(255)}"`);
  const quoted = await create({ name: 'q', type: 'TXT', content: `"${long}"`, ttl: 1 });
  expect(quoted.json.result.content).toBe(`"${long.slice(0, 255)}" "${long.slice(255)}"`);
  expect((await create({ name: 's', type: 'TXT', content: 'v=spf1 -all', ttl: 1 })).json.result.content).toBe('v=spf1 -all');
});

test('PUT overwrites (unsent fields take defaults), PATCH edits (unsent fields stay); DELETE answers the id; GET of a gone record is 404', async () => {
  const { json } = await create({ name: 'example.com', type: 'MX', content: 'mx.example.net', priority: 10, ttl: 300, comment: 'keep?' });
  const id = json.result.id as string;
  const patched = await call('PATCH', `${records}/${id}`, { priority: 20 });
  expect(patched.json.result).toMatchObject({ id, priority: 20, ttl: 300, comment: 'keep?' });
  const put = await call('PUT', `${records}/${id}`, { name: 'example.com', type: 'MX', content: 'mx.example.net', priority: 30 });
  expect(put.json.result).toMatchObject({ id, priority: 30, ttl: 1, comment: null });
  expect(put.json.result.created_on).toBe(json.result.created_on);
  expect(put.json.result.modified_on > json.result.modified_on).toBe(true);
  expect((await call('DELETE', `${records}/${id}`)).json.result).toEqual({ id });
  const gone = await call('GET', `${records}/${id}`);
  expect([gone.status, gone.json.errors[0].code]).toEqual([404, 81044]);
  expect(api.writes.map((w) => w.method)).toEqual(['POST', 'PATCH', 'PUT', 'DELETE']);
  expect(api.writes[3].after).toEqual([]);
});

test('list: page/per_page, type and name.exact filters, result_info, a page past the end is empty', async () => {
  for (let i = 0; i < 12; i++) await create({ name: `h${i}`, type: 'A', content: `192.0.2.${i}`, ttl: 1 });
  await create({ name: 'example.com', type: 'MX', content: 'mx.example.net', priority: 10, ttl: 1 });
  const first = await call('GET', `${records}?page=1&per_page=5`);
  expect(first.json.result).toHaveLength(5);
  expect(first.json.result_info).toEqual({ page: 1, per_page: 5, count: 5, total_count: 13, total_pages: 3 });
  expect((await call('GET', `${records}?page=3&per_page=5`)).json.result).toHaveLength(3);
  const past = await call('GET', `${records}?page=4&per_page=5`);
  expect([past.status, past.json.success, past.json.result]).toEqual([200, true, []]);
  expect((await call('GET', `${records}?type=MX`)).json.result.map((r: ApiRecord) => r.content)).toEqual(['mx.example.net']);
  expect((await call('GET', `${records}?name.exact=h3.example.com`)).json.result.map((r: ApiRecord) => r.content)).toEqual(['192.0.2.3']);
  expect((await call('GET', `${records}?name=h3.example.com&type=A`)).json.result).toHaveLength(1);
});

test('auth: a malformed token is 400 6003/6111, an unknown one 403 10000; 429 with Retry-After and 5xx on demand', async () => {
  const malformed = await call('GET', records, undefined, 'short');
  expect([malformed.status, malformed.json.errors[0].code]).toEqual([400, 6003]);
  const unknown = await call('GET', records, undefined, testApiToken());
  expect([unknown.status, unknown.json.errors[0].code]).toEqual([403, 10000]);
  api.faults.push({ path: '/dns_records', method: 'POST', times: 1, status: 429, retryAfter: '2' }, { path: '/dns_records', times: 1, status: 503 });
  const limited = await create({ name: 'x', type: 'A', content: '192.0.2.1', ttl: 1 });
  expect([limited.status, limited.headers.get('retry-after'), limited.json.errors[0].code]).toEqual([429, '2', 971]);
  expect((await call('GET', records)).status).toBe(503);
  expect((await call('GET', records)).status).toBe(200);
});

test('zones: list by name and get', async () => {
  const list = await call('GET', '/zones?name=example.com');
  expect(list.json.result.map((z: { id: string }) => z.id)).toEqual([ZONE_ID]);
  expect((await call('GET', '/zones?name=other.example')).json.result).toEqual([]);
  expect((await call('GET', `/zones/${ZONE_ID}`)).json.result).toMatchObject({ id: ZONE_ID, name: 'example.com', status: 'active' });
  expect((await call('GET', '/zones/ffffffffffffffffffffffffffffffff')).status).toBe(404);
});

/*
 * Rate limit (https://developers.cloudflare.com/fundamentals/api/reference/limits/ and the changelog
 * "Introducing new headers for rate limiting", 2025-09-03): 1,200 requests per 5 minutes per token;
 * past that every call is blocked for the next 5 minutes with a 429 and `Retry-After`; every answer
 * carries `Ratelimit` and `Ratelimit-Policy`. The clock is the test's, so no test waits.
 */
describe('rate limit', () => {
  let clock: number;
  let limited: CloudflareApi;
  const OTHER = testApiToken();
  beforeEach(async () => {
    clock = Date.parse('2026-01-01T00:00:00Z');
    limited = await startCloudflareApi({ zones: [{ id: ZONE_ID, name: 'example.com', records: [] }], token: TOKEN, zoneOnlyToken: OTHER, rateLimit: { now: () => clock } });
  });
  afterEach(() => limited.close());

  const get = async (path: string, token = TOKEN) => {
    const response = await fetch(`${limited.baseUrl}${path}`, { headers: { Authorization: `Bearer ${token}` } });
    return { status: response.status, ratelimit: response.headers.get('ratelimit'), policy: response.headers.get('ratelimit-policy'), retryAfter: response.headers.get('retry-after'), json: (await response.json()) as { success: boolean; errors: Array<{ code: number }> } };
  };
  /** `n` requests, 50 at a time, all at the current clock. */
  const burst = async (n: number, path = records) => {
    const answers = [];
    for (let i = 0; i < n; i += 50) answers.push(...(await Promise.all(Array.from({ length: Math.min(50, n - i) }, () => get(path)))));
    return answers;
  };

  test('every answer carries Ratelimit and Ratelimit-Policy; remaining counts down, t counts to the window end', async () => {
    const first = await get(records);
    expect([first.status, first.ratelimit, first.policy, first.retryAfter]).toEqual([200, '"default";r=1199;t=300', '"default";q=1200;w=300', null]);
    clock += 100_500;
    expect((await get(records)).ratelimit).toBe('"default";r=1198;t=200');
    // Errors carry them too: an unknown zone, and a 403 for a token without DNS access.
    const missing = await get('/zones/ffffffffffffffffffffffffffffffff');
    expect([missing.status, missing.ratelimit, missing.policy]).toEqual([404, '"default";r=1197;t=200', '"default";q=1200;w=300']);
    limited.faults.push({ path: '/dns_records', times: 1, status: 503 });
    expect(await get(records)).toMatchObject({ status: 503, ratelimit: '"default";r=1196;t=200' });
  });

  test('the 1,201st request of a window is 429 971 with Retry-After; everything is blocked for 5 minutes, then capacity is back', async () => {
    const answers = await burst(1200);
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.map((a) => a.ratelimit)).toContain('"default";r=0;t=300');
    clock += 10_000;
    const over = await get(records);
    expect([over.status, over.json.success, over.json.errors[0].code, over.retryAfter, over.ratelimit]).toEqual([429, false, 971, '300', '"default";r=0;t=300']);
    // Blocked for the next five minutes from the request that exceeded, every path and method; 429s do not count.
    clock += 299_200;
    const stillBlocked = await get('/zones?name=example.com');
    expect([stillBlocked.status, stillBlocked.retryAfter]).toEqual([429, '1']);
    const write = await fetch(`${limited.baseUrl}${records}`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ name: 'x', type: 'A', content: '192.0.2.1', ttl: 1 }) });
    expect(write.status).toBe(429);
    expect(limited.records(ZONE_ID)).toEqual([]);
    expect(limited.rateLimiter!.refused).toBe(3);
    clock += 800;
    const back = await get(records);
    expect([back.status, back.ratelimit]).toEqual([200, '"default";r=1199;t=300']);
    expect(limited.rateLimiter!.windows.map((w) => [w.count, w.block && w.block.until - w.block.from])).toEqual([[1200, 300_000], [1, undefined]]);
  });

  test('a window ends after 5 minutes without a block when the quota was not reached', async () => {
    await burst(1000);
    clock += 300_000;
    expect((await get(records)).ratelimit).toBe('"default";r=1199;t=300');
  });

  test('the limit is per token: another token is not blocked by the first', async () => {
    await burst(1201);
    expect((await get(records)).status).toBe(429);
    const other = await get('/zones?name=example.com', OTHER);
    expect([other.status, other.ratelimit]).toEqual([200, '"default";r=1199;t=300']);
  });

  test('scale divides the window and the block, not the quota', async () => {
    const fast = await startCloudflareApi({ zones: [], token: TOKEN, rateLimit: { requests: 2, scale: 100, now: () => clock } });
    try {
      const at = async () => {
        const r = await fetch(`${fast.baseUrl}/zones`, { headers: { Authorization: `Bearer ${TOKEN}` } });
        return [r.status, r.headers.get('ratelimit'), r.headers.get('ratelimit-policy'), r.headers.get('retry-after')];
      };
      expect(await at()).toEqual([200, '"default";r=1;t=3', '"default";q=2;w=3', null]);
      expect(await at()).toEqual([200, '"default";r=0;t=3', '"default";q=2;w=3', null]);
      clock += 500;
      expect(await at()).toEqual([429, '"default";r=0;t=3', '"default";q=2;w=3', '3']);
      clock += 3000;
      expect((await at())[0]).toBe(200);
    } finally {
      await fast.close();
    }
  });
});

test('without rateLimit no request is limited and no rate-limit headers are sent', async () => {
  const answers = await Promise.all(Array.from({ length: 1300 }, () => fetch(`${api.baseUrl}/zones`, { headers: { Authorization: `Bearer ${TOKEN}` } })));
  expect(answers.filter((r) => r.status !== 200)).toEqual([]);
  expect(answers[0].headers.get('ratelimit')).toBeNull();
  await Promise.all(answers.map((r) => r.text()));
});
