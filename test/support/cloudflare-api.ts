import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { RateLimit, RateLimiter } from './rate-limiter';

/*
 * A loopback stand-in for the Cloudflare v4 API (zones and DNS records), written from Cloudflare's
 * public API documentation and the facts the cloudflare/cloudflare provider v5.22.0 relies on. It is
 * the ONE fake every test uses (import, adoption, real deploys through terraform + the provider).
 *
 * Documented behaviour it follows:
 * - Envelope `{ success, errors: [{ code, message }], messages, result, result_info? }`
 *   (https://developers.cloudflare.com/fundamentals/api/how-to/make-api-calls/).
 * - Auth `Authorization: Bearer <token>` (https://developers.cloudflare.com/fundamentals/api/get-started/create-token/);
 *   the provider refuses tokens not matching `^[0-9A-Za-z\-_]{40,80}$` before any call.
 * - Zones: List `GET /zones?name=` (https://developers.cloudflare.com/api/resources/zones/methods/list/),
 *   Get `GET /zones/{zone_id}` (https://developers.cloudflare.com/api/resources/zones/methods/get/).
 * - DNS records (https://developers.cloudflare.com/api/resources/dns/subresources/records/):
 *   List `GET …/dns_records` with `page` (from 1), `per_page` (default 100, 5–5,000,000), `type`,
 *   `name` / `name.exact` (the FQDN), `name.contains|startswith|endswith`, `content` / `content.exact`;
 *   a page past the end answers an empty `result` (the provider's list data source reads until one).
 *   Get, Create (POST), Overwrite (PUT: every field not sent takes its default), Edit (PATCH: only
 *   the fields sent change), Delete (answers `{ id }`).
 * - The record object: `id` (32 hex), `name` as the FQDN (a relative name or `@` is completed with
 *   the zone), `type`, `content`, `priority` (MX, URI; SRV's from `data`), `proxiable` (A/AAAA/CNAME),
 *   `proxied`, `ttl` (1 = automatic, else 60–86400 on paid and free plans), `settings`, `meta`,
 *   `comment` (null when none), `tags` ([] when none), `created_on`, `modified_on`, and
 *   `comment_modified_on` / `tags_modified_on` only once a comment / tags were set; `data` for
 *   types whose content is structured (SRV, TLSA, CAA), with `content` derived from it.
 * - Hostname content (MX, CNAME, NS) is stored without a trailing dot.
 * - TXT content (https://developers.cloudflare.com/dns/manage-dns-records/reference/dns-record-types/#txt):
 *   quoted character-strings of at most 255 octets; longer text is stored split into quoted 255-octet
 *   strings (the split behind provider issue #6238).
 * - Errors (HTTP 400 unless said): identical record 81058 "An identical record already exists.";
 *   A/AAAA/CNAME at a name that has a CNAME, or a CNAME where any record is: 81053 "An A, AAAA, or
 *   CNAME record with that host already exists." (other types beside a CNAME: 81054 "A CNAME record
 *   with that host already exists."); proxied MX/TXT: 9004 "This record type cannot be proxied.";
 *   TTL out of range: 9021 "Invalid TTL. Must be between 60 and 86400 seconds, or 1 for Automatic.";
 *   MX without priority: 9100 "priority is a required field"; unknown record 404 81044 "Record does
 *   not exist."; unknown zone 404 1001 "Invalid zone identifier"; malformed Authorization 400 6003
 *   "Invalid request headers" (chain 6111 "Invalid format for Authorization header"); a token without
 *   access 403 10000 "Authentication error"; over the rate limit 429 971 with `Retry-After` in seconds
 *   (https://developers.cloudflare.com/fundamentals/api/reference/limits/).
 * - The rate limit itself, with its `Ratelimit` / `Ratelimit-Policy` headers, when `rateLimit` is
 *   given (off by default): see rate-limiter.ts for what is documented and what is chosen.
 *   The messages of 81058 and 81053 are the ones users and the provider's issue tracker quote; the
 *   codes 9004/9021/9100 are not listed in the public docs and are taken as users report them.
 *
 * Faults (429, 5xx, hanging, a given body) are served on demand, and `listAnswer` lets a client test
 * serve a misbehaving list (wrong `total_pages`, repeated pages): client tests only, never deploys.
 */

/** Hosts a record's content names (stored without the trailing dot). */
const HOSTNAME_CONTENT = new Set(['MX', 'CNAME', 'NS', 'PTR']);
/** Types Cloudflare can proxy. */
const PROXIABLE = new Set(['A', 'AAAA', 'CNAME']);
/** Types whose content the API derives from `data`. */
const DATA_TYPES = new Set(['SRV', 'TLSA', 'CAA']);
const TOKEN_FORMAT = /^[0-9A-Za-z_-]{40,80}$/;
const PREFIX = '/client/v4';

/** A record as a test seeds it (as the API would hold it); `id` is generated when absent. */
export interface ApiRecordSeed {
  readonly id?: string;
  /** The FQDN (seeds are stored as given, not validated: they are what a live zone holds). */
  readonly name: string;
  readonly type: string;
  readonly content?: string;
  readonly data?: Record<string, unknown>;
  readonly priority?: number;
  readonly ttl: number;
  readonly proxied?: boolean;
  readonly comment?: string;
  readonly tags?: readonly string[];
}

/** A zone as a test seeds it. */
export interface ApiZoneSeed {
  readonly id: string;
  readonly name: string;
  readonly records: readonly ApiRecordSeed[];
}

/** A record as the API answers it. */
export interface ApiRecord {
  id: string;
  zone_id: string;
  zone_name: string;
  name: string;
  type: string;
  content: string;
  priority?: number;
  data?: Record<string, unknown>;
  proxiable: boolean;
  proxied: boolean;
  ttl: number;
  settings?: Record<string, unknown>;
  meta: Record<string, unknown>;
  comment: string | null;
  tags: string[];
  created_on: string;
  modified_on: string;
  comment_modified_on?: string;
  tags_modified_on?: string;
}

/** A fault served instead of the real answer, `times` times, to requests whose path contains `path` (and of `method`, when given). */
export interface Fault {
  readonly path: string;
  readonly method?: string;
  times: number;
  readonly status?: number;
  readonly retryAfter?: string;
  readonly body?: string;
  /** Never answer (the client must time out). */
  readonly hang?: boolean;
}

/** One mutating request (POST, PUT, PATCH, DELETE), answered or refused. */
export interface ApiWrite {
  readonly method: string;
  readonly path: string;
  readonly zoneId?: string;
  readonly status: number;
  readonly body: unknown;
  /** The zone's records right after this request (unchanged when it was refused). */
  readonly after: readonly ApiRecord[];
}

/** A list page as the API would answer it, for `listAnswer` to rewrite. */
export interface ListAnswer {
  result: unknown[];
  result_info?: Record<string, unknown>;
}

export interface CloudflareApiOptions {
  readonly zones: readonly ApiZoneSeed[];
  /** The token that may read and edit every zone (40–80 characters of `[A-Za-z0-9_-]`). */
  readonly token: string;
  /** A token that may list zones but not read DNS records (no Zone → DNS → Read). */
  readonly zoneOnlyToken?: string;
  /** Cap on `per_page`, so tests see several pages with few records. */
  readonly maxPerPage?: number;
  readonly faults?: Fault[];
  /** Rewrite a DNS record list page before it is sent (client tests of a misbehaving API). */
  readonly listAnswer?: (answer: ListAnswer, page: number, perPage: number) => ListAnswer;
  /** Enforce Cloudflare's rate limit (1,200 requests / 5 min per token), optionally sped up by `scale`. Off by default. */
  readonly rateLimit?: RateLimit;
}

export interface CloudflareApi {
  /** `http://127.0.0.1:<port>/client/v4`, for CLOUDFLARE_BASE_URL. */
  readonly baseUrl: string;
  /** Every request: method, path with query, and the Authorization header seen. */
  readonly requests: Array<{ method: string; path: string; authorization?: string }>;
  /** Every mutating request, in order. */
  readonly writes: ApiWrite[];
  readonly faults: Fault[];
  /** The rate limiter, when `rateLimit` was given: its windows, blocks and 429s. */
  readonly rateLimiter?: RateLimiter;
  /** The records the zone holds now, as the API would list them. */
  records(zoneId: string): ApiRecord[];
  close(): Promise<void>;
}

/** A token of the format the provider accepts, new for each call (never a real secret). */
export function testApiToken(): string {
  return `cfmx-test-${randomBytes(24).toString('hex')}`;
}

/** 32 hex characters, the form of Cloudflare's zone and record ids. */
export function cloudflareId(): string {
  return randomBytes(16).toString('hex');
}

class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: number,
    message: string,
    public readonly chain?: Array<{ code: number; message: string }>,
  ) {
    super(message);
  }
}

export async function startCloudflareApi(options: CloudflareApiOptions): Promise<CloudflareApi> {
  const requests: CloudflareApi['requests'] = [];
  const writes: ApiWrite[] = [];
  const faults = options.faults ?? [];
  const hanging = new Set<ServerResponse>();
  const rateLimiter = options.rateLimit ? new RateLimiter(options.rateLimit) : undefined;
  let clock = Date.parse('2026-01-01T00:00:00Z');
  /** Strictly increasing timestamps, as the API's microsecond ones are. */
  const now = () => new Date((clock += 1000)).toISOString();
  const zones = new Map(options.zones.map((z) => [z.id, { id: z.id, name: z.name.toLowerCase(), records: z.records.map((r) => seeded(z, r, now())) }]));

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://loopback');
      const method = req.method ?? 'GET';
      requests.push({ method, path: `${url.pathname}${url.search}`, authorization: req.headers.authorization });
      const limit = rateLimiter?.take(req.headers.authorization ?? '');
      const limitHeaders = limit?.headers ?? {};
      if (limit && !limit.allowed) {
        res.writeHead(429, { 'content-type': 'application/json', ...limitHeaders });
        res.end(JSON.stringify(failure(RATE_LIMITED())));
        return;
      }
      const fault = faults.find((f) => f.times > 0 && url.pathname.includes(f.path) && (f.method === undefined || f.method === method));
      if (fault) {
        fault.times--;
        if (fault.hang) {
          hanging.add(res);
          return;
        }
        res.writeHead(fault.status ?? 200, { 'content-type': 'application/json', ...limitHeaders, ...(fault.retryAfter !== undefined ? { 'retry-after': fault.retryAfter } : {}) });
        res.end(fault.body ?? JSON.stringify(failure(fault.status === 429 ? RATE_LIMITED() : new ApiError(fault.status ?? 500, 10001, 'Internal error'))));
        return;
      }
      const mutating = method !== 'GET' && method !== 'HEAD';
      const zoneId = /^\/client\/v4\/zones\/([^/]+)/.exec(url.pathname)?.[1];
      let status = 200;
      let answer: unknown;
      let body: unknown;
      try {
        body = raw === '' ? undefined : parseBody(raw);
        answer = route(method, url, req.headers.authorization, body);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        status = error.status;
        answer = failure(error);
      }
      if (mutating) writes.push({ method, path: url.pathname, zoneId, status, body, after: zoneId && zones.has(zoneId) ? zones.get(zoneId)!.records.map(copy) : [] });
      res.writeHead(status, { 'content-type': 'application/json', ...limitHeaders });
      res.end(JSON.stringify(answer));
    });
  });

  function route(method: string, url: URL, authorization: string | undefined, body: unknown): unknown {
    if (!url.pathname.startsWith(PREFIX)) throw new ApiError(404, 7000, 'No route for that URI');
    const token = authenticate(authorization);
    const full = token === options.token;
    if (!full && token !== options.zoneOnlyToken) throw new ApiError(403, 10000, 'Authentication error');
    const path = url.pathname.slice(PREFIX.length);
    if (path === '/zones' && method === 'GET') {
      const name = url.searchParams.get('name');
      const list = [...zones.values()].filter((z) => name === null || z.name === name.toLowerCase()).map(zoneObject);
      return success(list, { page: 1, per_page: 20, count: list.length, total_count: list.length, total_pages: 1 });
    }
    const match = /^\/zones\/([^/]+)(?:\/dns_records(?:\/([^/]+))?)?$/.exec(path);
    if (!match) throw new ApiError(404, 7003, `Could not route to ${path}, perhaps your object identifier is invalid?`);
    const zone = zones.get(match[1]);
    if (!zone) throw new ApiError(404, 1001, 'Invalid zone identifier');
    if (!path.includes('/dns_records')) {
      if (method !== 'GET') throw new ApiError(405, 10405, 'Method not allowed');
      return success(zoneObject(zone));
    }
    if (!full) throw new ApiError(403, 10000, 'Authentication error');
    const recordId = match[2];
    if (recordId === undefined) {
      if (method === 'GET') return list(zone, url.searchParams);
      if (method === 'POST') {
        const record = validated(zone, undefined, fields(body), now());
        zone.records.push(record);
        return success(copy(record));
      }
      throw new ApiError(405, 10405, 'Method not allowed');
    }
    const index = zone.records.findIndex((r) => r.id === recordId);
    if (index < 0) throw new ApiError(404, 81044, 'Record does not exist.');
    const current = zone.records[index];
    switch (method) {
      case 'GET':
        return success(copy(current));
      case 'DELETE':
        zone.records.splice(index, 1);
        return success({ id: current.id });
      case 'PUT':
      case 'PATCH': {
        const given = fields(body);
        const merged = method === 'PUT' ? given : { ...editable(current), ...given };
        const record = validated(zone, current, merged, now());
        zone.records[index] = record;
        return success(copy(record));
      }
      default:
        throw new ApiError(405, 10405, 'Method not allowed');
    }
  }

  function list(zone: StoredZone, params: URLSearchParams): unknown {
    const perPage = Math.min(Math.max(5, Number(params.get('per_page') ?? 100) || 100), 5_000_000, options.maxPerPage ?? 5_000_000);
    const page = Math.max(1, Math.floor(Number(params.get('page') ?? 1)) || 1);
    const lower = (key: string) => params.get(key)?.toLowerCase().replace(/\.$/, '');
    const type = params.get('type')?.toUpperCase();
    const exact = lower('name.exact') ?? lower('name');
    const contains = lower('name.contains');
    const starts = lower('name.startswith');
    const ends = lower('name.endswith');
    const content = params.get('content.exact') ?? params.get('content');
    const matching = zone.records.filter(
      (r) =>
        (type === undefined || r.type === type) &&
        (exact === undefined || r.name === exact) &&
        (contains === undefined || r.name.includes(contains)) &&
        (starts === undefined || r.name.startsWith(starts)) &&
        (ends === undefined || r.name.endsWith(ends)) &&
        (content === null || r.content === content),
    );
    const slice = matching.slice((page - 1) * perPage, page * perPage).map(copy);
    let answer: ListAnswer = {
      result: slice,
      result_info: { page, per_page: perPage, count: slice.length, total_count: matching.length, total_pages: Math.ceil(matching.length / perPage) },
    };
    if (options.listAnswer) answer = options.listAnswer(answer, page, perPage);
    return { success: true, errors: [], messages: [], ...answer };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}${PREFIX}`,
    requests,
    writes,
    faults,
    ...(rateLimiter ? { rateLimiter } : {}),
    records: (zoneId) => (zones.get(zoneId)?.records ?? []).map(copy),
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface StoredZone {
  readonly id: string;
  readonly name: string;
  records: ApiRecord[];
}

/** The fields a client may send (create, overwrite, edit). */
interface RecordFields {
  name?: unknown;
  type?: unknown;
  content?: unknown;
  data?: unknown;
  priority?: unknown;
  ttl?: unknown;
  proxied?: unknown;
  comment?: unknown;
  tags?: unknown;
  settings?: unknown;
}

/** The documented 429 answer (error 971), for the rate limit and for a 429 fault. */
const RATE_LIMITED = () => new ApiError(429, 971, 'Please wait and consider throttling your request speed');

function parseBody(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new ApiError(400, 9207, 'Request body is invalid.');
  }
}

function authenticate(header: string | undefined): string {
  const token = /^Bearer (.*)$/.exec(header ?? '')?.[1];
  if (token === undefined || !TOKEN_FORMAT.test(token)) {
    throw new ApiError(400, 6003, 'Invalid request headers', [{ code: 6111, message: 'Invalid format for Authorization header' }]);
  }
  return token;
}

function fields(body: unknown): RecordFields {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ApiError(400, 9207, 'Request body is invalid.');
  return body as RecordFields;
}

function editable(r: ApiRecord): RecordFields {
  return { name: r.name, type: r.type, content: r.content, data: r.data, priority: r.priority, ttl: r.ttl, proxied: r.proxied, comment: r.comment, tags: r.tags, settings: r.settings };
}

/** Validate what a client sent and build the stored record, as create / overwrite / edit do. */
function validated(zone: StoredZone, current: ApiRecord | undefined, f: RecordFields, at: string): ApiRecord {
  if (typeof f.type !== 'string' || f.type === '') throw new ApiError(400, 9000, 'DNS record type is invalid.');
  if (typeof f.name !== 'string' || f.name === '') throw new ApiError(400, 9005, 'Content for record name is invalid.');
  const type = f.type.toUpperCase();
  const name = fqdn(f.name, zone.name);
  const ttl = f.ttl === undefined || f.ttl === null ? 1 : f.ttl;
  if (typeof ttl !== 'number' || !Number.isInteger(ttl) || (ttl !== 1 && (ttl < 60 || ttl > 86400))) {
    throw new ApiError(400, 9021, 'Invalid TTL. Must be between 60 and 86400 seconds, or 1 for Automatic.');
  }
  const proxied = f.proxied === true;
  if (proxied && !PROXIABLE.has(type)) throw new ApiError(400, 9004, 'This record type cannot be proxied.');
  const data = typeof f.data === 'object' && f.data !== null ? (f.data as Record<string, unknown>) : undefined;
  let priority = typeof f.priority === 'number' ? f.priority : undefined;
  let content: string;
  if (DATA_TYPES.has(type) && data !== undefined) {
    content = contentFromData(type, data);
    if (type === 'SRV' && typeof data.priority === 'number') priority = data.priority;
  } else {
    if (typeof f.content !== 'string' || f.content === '') throw new ApiError(400, 9005, 'Content for record is invalid.');
    content = f.content;
  }
  // The root (a null MX's exchange, RFC 7505) stays `.`.
  if (HOSTNAME_CONTENT.has(type) && content !== '.') content = content.replace(/\.$/, '');
  if (type === 'TXT') content = splitTxt(content);
  if (type === 'MX') {
    if (priority === undefined) throw new ApiError(400, 9100, 'priority is a required field');
    if (!Number.isInteger(priority) || priority < 0 || priority > 65535) throw new ApiError(400, 9100, 'priority must be an integer between 0 and 65535');
  }
  const others = zone.records.filter((r) => r !== current);
  if (others.some((r) => r.type === type && r.name === name && r.content === content && (type !== 'MX' || r.priority === priority))) {
    throw new ApiError(400, 81058, 'An identical record already exists.');
  }
  const atName = others.filter((r) => r.name === name);
  const addressOrAlias = (t: string) => t === 'A' || t === 'AAAA' || t === 'CNAME';
  if ((type === 'CNAME' && atName.length > 0) || (addressOrAlias(type) && atName.some((r) => r.type === 'CNAME'))) {
    throw new ApiError(400, 81053, 'An A, AAAA, or CNAME record with that host already exists.');
  }
  if (atName.some((r) => r.type === 'CNAME')) throw new ApiError(400, 81054, 'A CNAME record with that host already exists.');
  const comment = typeof f.comment === 'string' && f.comment !== '' ? f.comment : null;
  const tags = Array.isArray(f.tags) ? f.tags.filter((t): t is string => typeof t === 'string') : [];
  const settings = typeof f.settings === 'object' && f.settings !== null ? (f.settings as Record<string, unknown>) : type === 'CNAME' ? undefined : {};
  return {
    id: current?.id ?? cloudflareId(),
    zone_id: zone.id,
    zone_name: zone.name,
    name,
    type,
    content,
    ...(priority !== undefined && (type === 'MX' || type === 'SRV' || type === 'URI') ? { priority } : {}),
    ...(data !== undefined && DATA_TYPES.has(type) ? { data } : {}),
    proxiable: PROXIABLE.has(type),
    proxied,
    ttl,
    ...(settings !== undefined ? { settings } : {}),
    meta: {},
    comment,
    tags,
    created_on: current?.created_on ?? at,
    modified_on: at,
    ...(comment !== null ? { comment_modified_on: comment === current?.comment ? (current.comment_modified_on ?? at) : at } : {}),
    ...(tags.length > 0 ? { tags_modified_on: sameTags(tags, current?.tags) ? (current?.tags_modified_on ?? at) : at } : {}),
  };
}

function seeded(zone: ApiZoneSeed, r: ApiRecordSeed, at: string): ApiRecord {
  const type = r.type.toUpperCase();
  return {
    id: r.id ?? cloudflareId(),
    zone_id: zone.id,
    zone_name: zone.name.toLowerCase(),
    name: r.name.toLowerCase().replace(/\.$/, ''),
    type,
    content: r.content ?? (r.data ? contentFromData(type, r.data) : ''),
    ...(r.priority !== undefined ? { priority: r.priority } : {}),
    ...(r.data !== undefined ? { data: r.data } : {}),
    proxiable: PROXIABLE.has(type),
    proxied: r.proxied ?? false,
    ttl: r.ttl,
    ...(type === 'CNAME' ? {} : { settings: {} }),
    meta: {},
    comment: r.comment ?? null,
    tags: [...(r.tags ?? [])],
    created_on: at,
    modified_on: at,
    ...(r.comment !== undefined ? { comment_modified_on: at } : {}),
    ...(r.tags !== undefined && r.tags.length > 0 ? { tags_modified_on: at } : {}),
  };
}

/** A record name as the API stores it: `@` and relative names completed with the zone, lower-case, no trailing dot. */
function fqdn(name: string, zone: string): string {
  const n = name.toLowerCase().replace(/\.$/, '');
  if (n === '@' || n === zone) return zone;
  return n.endsWith(`.${zone}`) ? n : `${n}.${zone}`;
}

/**
 * TXT content as the API stores it: content made of quoted strings keeps them, each string longer
 * than 255 octets split; unquoted text of more than 255 octets becomes quoted 255-octet strings.
 */
export function splitTxt(content: string): string {
  const quoted = /^\s*(?:"(?:[^"\\]|\\.)*"\s*)+$/.test(content);
  if (!quoted) return Buffer.byteLength(content) > 255 ? chunks(content).map((s) => `"${s}"`).join(' ') : content;
  const strings = [...content.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
  if (strings.every((s) => Buffer.byteLength(s) <= 255)) return content;
  return strings.flatMap((s) => chunks(s)).map((s) => `"${s}"`).join(' ');
}

function chunks(text: string): string[] {
  const bytes = Buffer.from(text);
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += 255) out.push(bytes.subarray(i, i + 255).toString());
  return out;
}

/** `content` of a structured record as the API derives it from `data` (zone-file rdata order). */
function contentFromData(type: string, d: Record<string, unknown>): string {
  switch (type) {
    case 'SRV':
      return `${d.weight ?? 0} ${d.port ?? 0} ${String(d.target ?? '').replace(/\.$/, '')}`;
    case 'TLSA':
      return `${d.usage} ${d.selector} ${d.matching_type} ${d.certificate}`;
    case 'CAA':
      return `${d.flags ?? 0} ${d.tag} "${d.value}"`;
    default:
      return '';
  }
}

function sameTags(a: readonly string[], b: readonly string[] | undefined): boolean {
  return b !== undefined && a.length === b.length && a.every((t) => b.includes(t));
}

function zoneObject(z: StoredZone) {
  return { id: z.id, name: z.name, status: 'active', paused: false, type: 'full', name_servers: ['ada.ns.cloudflare.com', 'bob.ns.cloudflare.com'] };
}

function copy(r: ApiRecord): ApiRecord {
  return JSON.parse(JSON.stringify(r)) as ApiRecord;
}

function success(result: unknown, resultInfo?: Record<string, unknown>) {
  return { success: true, errors: [], messages: [], result, ...(resultInfo ? { result_info: resultInfo } : {}) };
}

function failure(error: ApiError) {
  return { success: false, errors: [{ code: error.code, message: error.message, ...(error.chain ? { error_chain: error.chain } : {}) }], messages: [], result: null };
}
