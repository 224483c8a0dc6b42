import { LiveRecord, LiveZone, normaliseLiveRecord } from './live-zone';
import { ImportError } from './import-error';

/**
 * Reading a zone from the Cloudflare v4 API, as documented:
 * - zones: `GET /zones?name=<domain>` (https://developers.cloudflare.com/api/resources/zones/methods/list/);
 * - records: `GET /zones/{zone_id}/dns_records?page=&per_page=`, paged by `result_info`
 *   `{ page, per_page, count, total_count, total_pages }`; read until a short or empty page, as the
 *   provider's own list data source does, and checked against `total_count`
 *   (https://developers.cloudflare.com/api/resources/dns/subresources/records/methods/list/);
 * - every answer is an envelope `{ success, errors: [{ code, message }], messages, result }`;
 * - rate limit: HTTP 429 with `Retry-After` in seconds
 *   (https://developers.cloudflare.com/fundamentals/api/reference/limits/);
 * - a token without the needed permission gets HTTP 403 (or 401) and error code 10000
 *   ("Authentication error").
 */
export const CLOUDFLARE_API_BASE_URL = 'https://api.cloudflare.com/client/v4';

/** The permissions `cdktf-mx import --from cloudflare` needs, as the dashboard names them. */
export const REQUIRED_PERMISSIONS = 'Zone → Zone → Read and Zone → DNS → Read';

/** Options of {@link readCloudflareZone}. */
export interface CloudflareSourceOptions {
  /** API token (from `CLOUDFLARE_API_TOKEN`); sent as a bearer token, never printed. */
  readonly token: string;
  /** API base URL. Default {@link CLOUDFLARE_API_BASE_URL}. */
  readonly baseUrl?: string;
  /** Longest one request may take, in milliseconds. Default 15000. */
  readonly timeoutMs?: number;
  /** Retries of a request after 429, 5xx, timeouts and network errors. Default 3. */
  readonly retries?: number;
  /** First wait before retrying a 5xx or network error, doubled each time, in milliseconds. Default 500. */
  readonly backoffMs?: number;
  /** Longest `Retry-After` honoured, in seconds; a longer one fails instead of hanging. Default 60. */
  readonly maxRetryAfterSeconds?: number;
  /** Records per page. Default 1000. */
  readonly perPage?: number;
  /** Most records (listed entries) read before giving up: an API that claims ever more pages. Default {@link DEFAULT_MAX_RECORDS}. */
  readonly maxRecords?: number;
  /** Longest the whole walk over the pages may take, in milliseconds. Default {@link DEFAULT_MAX_WALK_MS}. */
  readonly maxWalkMs?: number;
}

/** More records than any Cloudflare plan's zone quota documented (Enterprise zones hold up to a few hundred thousand). */
export const DEFAULT_MAX_RECORDS = 1_000_000;
/** Ten minutes for all pages. */
export const DEFAULT_MAX_WALK_MS = 600_000;

interface Envelope {
  success?: unknown;
  errors?: unknown;
  result?: unknown;
  result_info?: { page?: unknown; per_page?: unknown; total_pages?: unknown; total_count?: unknown };
}

/** Read every DNS record of `domain` (lower-case ASCII apex) from the Cloudflare API. */
export async function readCloudflareZone(domain: string, options: CloudflareSourceOptions): Promise<LiveZone> {
  const api = new CloudflareApi(options);
  const zones = await api.get(`/zones?name=${encodeURIComponent(domain)}`, domain);
  const list = Array.isArray(zones.result) ? (zones.result as Array<{ id?: unknown; name?: unknown }>) : undefined;
  if (!list) throw new ImportError(`Cloudflare answered GET /zones without a result list; cannot find the zone ${domain}.`);
  const zone = list.find((z) => typeof z?.name === 'string' && z.name.toLowerCase().replace(/\.$/, '') === domain);
  if (!zone || typeof zone.id !== 'string') {
    throw new ImportError(`zone ${domain} not found: no zone of that name is visible to this API token. Check the name (the zone apex, e.g. example.com) and that the token covers this zone with ${REQUIRED_PERMISSIONS}.`);
  }
  const zoneId = zone.id;
  const records: LiveRecord[] = [];
  const unreadable: string[] = [];
  const perPage = options.perPage ?? 1000;
  const maxRecords = options.maxRecords ?? DEFAULT_MAX_RECORDS;
  const deadline = Date.now() + (options.maxWalkMs ?? DEFAULT_MAX_WALK_MS);
  /** Every listed entry by record id, to drop repeats (a page read twice must not double a record). */
  const listedById = new Map<string, string>();
  let listed = 0;
  let claimedTotal: number | undefined;
  // `total_pages` is not trusted: read until a page shorter than the page size (or empty), then
  // check the count against `total_count` (issue 19 P4). The walk is bounded in records, pages and time (P3).
  for (let page = 1; ; page++) {
    const answer = await api.get(`/zones/${encodeURIComponent(zoneId)}/dns_records?page=${page}&per_page=${perPage}`, domain);
    if (!Array.isArray(answer.result)) throw new ImportError(`Cloudflare answered page ${page} of the DNS records of ${domain} without a result list.`);
    const info = answer.result_info ?? {};
    if (info.total_count !== undefined) {
      if (typeof info.total_count !== 'number' || !Number.isInteger(info.total_count) || info.total_count < 0) {
        throw new ImportError(`Cloudflare answered page ${page} of the DNS records of ${domain} with result_info.total_count ${JSON.stringify(info.total_count)}, not a record count.`);
      }
      claimedTotal = info.total_count;
    }
    const entries = answer.result as unknown[];
    if (entries.length === 0) break;
    let fresh = 0;
    for (const raw of entries) {
      listed++;
      const id = (raw as { id?: unknown } | null)?.id;
      const seen = typeof id === 'string' ? listedById.get(id) : undefined;
      const text = JSON.stringify(raw);
      if (seen !== undefined) {
        if (seen !== text) throw new ImportError(`Cloudflare listed the record ${JSON.stringify(String(id).slice(0, 40))} of ${domain} twice with different contents; the zone changed while it was read, try again.`);
        continue;
      }
      if (typeof id === 'string') listedById.set(id, text);
      fresh++;
      const record = readRecord(raw, domain);
      if (typeof record === 'string') unreadable.push(record);
      else records.push(record);
    }
    if (fresh === 0) {
      throw new ImportError(`Cloudflare answered page ${page} of the DNS records of ${domain} with only records already listed on earlier pages: the API is not paging, so the zone cannot be read completely.`);
    }
    if (listed > maxRecords) {
      throw new ImportError(`Cloudflare listed more than ${maxRecords} records for ${domain} (page ${page}, and it claims more); stopped reading. If the zone is really this large, raise --max-records.`);
    }
    if (Date.now() > deadline) {
      throw new ImportError(`reading the DNS records of ${domain} took longer than ${Math.round((options.maxWalkMs ?? DEFAULT_MAX_WALK_MS) / 1000)} s (${page} pages, ${listed} records); stopped.`);
    }
    const pageSize = typeof info.per_page === 'number' && Number.isInteger(info.per_page) && info.per_page > 0 ? Math.min(info.per_page, perPage) : perPage;
    if (entries.length < pageSize) break;
  }
  if (claimedTotal !== undefined && listed !== claimedTotal) {
    throw new ImportError(
      `Cloudflare said the zone holds ${claimedTotal} records, but only ${listed} were listed` +
        `${listed > claimedTotal ? ' (more than it said)' : ''}; the zone changed while it was read, or the API paged wrongly. Nothing was written; try again.`,
    );
  }
  return { domain, zoneId, source: 'the Cloudflare API', records, unreadable };
}

/** One record of the list, or a line saying why it cannot be read. */
function readRecord(raw: unknown, domain: string): LiveRecord | string {
  const r = (raw ?? {}) as Record<string, unknown>;
  const { id, name, type, content, priority, ttl, proxied, comment, tags } = r;
  if (typeof id !== 'string' || typeof name !== 'string' || typeof type !== 'string' || typeof ttl !== 'number') {
    return `a record without id, name, type or ttl: ${JSON.stringify(raw).slice(0, 200)}`;
  }
  if (!/^[A-Za-z0-9-]{1,64}$/.test(id)) return `${type} ${name} has an id that is not a Cloudflare record id: ${JSON.stringify(id.slice(0, 80))}`;
  if (typeof content !== 'string') return `${type} ${name} (id ${id}) has no content the importer can read (structured data only)`;
  return normaliseLiveRecord(
    {
      id,
      name,
      type,
      content,
      ...(typeof priority === 'number' ? { priority } : {}),
      ttl,
      ...(typeof proxied === 'boolean' ? { proxied } : {}),
      ...(typeof comment === 'string' ? { comment } : {}),
      ...(Array.isArray(tags) && tags.every((t) => typeof t === 'string') ? { tags: tags as string[] } : {}),
    },
    domain,
    { keepContent: true },
  );
}

/** GET with bounded retries; every failure becomes an {@link ImportError} that never holds the token. */
class CloudflareApi {
  private readonly base: string;

  constructor(private readonly options: CloudflareSourceOptions) {
    this.base = (options.baseUrl ?? CLOUDFLARE_API_BASE_URL).replace(/\/+$/, '');
    if (!URL.canParse(this.base) || !/^https?:$/.test(new URL(this.base).protocol)) {
      throw new ImportError(`CLOUDFLARE_BASE_URL ${JSON.stringify(this.base)} is not an http(s) URL such as ${CLOUDFLARE_API_BASE_URL}.`);
    }
  }

  public async get(path: string, domain: string): Promise<Envelope> {
    const retries = this.options.retries ?? 3;
    const what = `GET ${path.replace(/\?.*$/, '')}`;
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.once(path, domain, what);
      if (outcome.ok) return outcome.envelope;
      if (attempt >= retries) throw new ImportError(`${outcome.message} (gave up after ${attempt + 1} attempt${attempt === 0 ? '' : 's'})`);
      await sleep(outcome.waitMs ?? (this.options.backoffMs ?? 500) * 2 ** attempt);
    }
  }

  private async once(path: string, domain: string, what: string): Promise<{ ok: true; envelope: Envelope } | { ok: false; message: string; waitMs?: number }> {
    const timeoutMs = this.options.timeoutMs ?? 15000;
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.base}${path}`, {
        headers: { Authorization: `Bearer ${this.options.token}`, Accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') return { ok: false, message: `Cloudflare did not answer ${what} within ${timeoutMs} ms` };
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      return { ok: false, message: `could not reach Cloudflare at ${this.base} for ${what}: ${cause?.code ?? cause?.message ?? (error as Error).message}` };
    }
    let envelope: Envelope | undefined;
    try {
      envelope = JSON.parse(text) as Envelope;
    } catch {
      envelope = undefined;
    }
    const errors = describeErrors(envelope?.errors);
    const codes = Array.isArray(envelope?.errors) ? (envelope!.errors as Array<{ code?: unknown }>).map((e) => e?.code) : [];
    if (response.status === 401 || response.status === 403 || codes.includes(10000)) {
      throw new ImportError(`the API token in CLOUDFLARE_API_TOKEN may not read the DNS records of ${domain} (HTTP ${response.status}${errors ? `: ${errors}` : ''}). Give it the permissions ${REQUIRED_PERMISSIONS}, for this zone.`);
    }
    if (response.status === 429) {
      const waitSeconds = retryAfterSeconds(response.headers.get('retry-after'));
      const max = this.options.maxRetryAfterSeconds ?? 60;
      if (waitSeconds > max) throw new ImportError(`Cloudflare rate-limits this token (HTTP 429) for ${waitSeconds} s, longer than ${max} s; try again later.`);
      return { ok: false, message: `Cloudflare rate-limited ${what} (HTTP 429${errors ? `: ${errors}` : ''})`, waitMs: waitSeconds * 1000 };
    }
    if (response.status >= 500) return { ok: false, message: `Cloudflare failed ${what} (HTTP ${response.status}${errors ? `: ${errors}` : ''})` };
    if (envelope === undefined || typeof envelope !== 'object' || envelope === null) {
      throw new ImportError(`Cloudflare answered ${what} (HTTP ${response.status}) with something that is not JSON: ${JSON.stringify(text.slice(0, 80))}`);
    }
    if (!response.ok || envelope.success !== true) {
      throw new ImportError(`Cloudflare refused ${what} (HTTP ${response.status}${errors ? `: ${errors}` : ', success is not true'})`);
    }
    return { ok: true, envelope };
  }
}

/** `Retry-After` as seconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3); 1 when absent or unreadable. */
function retryAfterSeconds(header: string | null): number {
  if (header === null) return 1;
  if (/^\s*\d+\s*$/.test(header)) return Number(header);
  const date = Date.parse(header);
  return Number.isNaN(date) ? 1 : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function describeErrors(errors: unknown): string {
  if (!Array.isArray(errors)) return '';
  return errors.map((e: { code?: unknown; message?: unknown }) => `${e?.code ?? '?'} ${typeof e?.message === 'string' ? e.message : ''}`.trim()).join('; ');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
