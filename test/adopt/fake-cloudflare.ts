import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { RawLiveRecord } from '../../lib/adopt/live-zone';

/**
 * A local fake of the Cloudflare v4 API, written from Cloudflare's API documentation, for the
 * two calls `cdktf-mx import --from cloudflare` makes:
 *
 * - List Zones, `GET /zones?name=<domain>`
 *   (https://developers.cloudflare.com/api/resources/zones/methods/list/): `result` is the zones
 *   visible to the token whose name equals `name`; `result_info` pages them.
 * - List DNS Records, `GET /zones/{zone_id}/dns_records?page=&per_page=`
 *   (https://developers.cloudflare.com/api/resources/dns/subresources/records/methods/list/):
 *   records with `id, name, type, content, priority, proxiable, proxied, ttl, comment, tags`;
 *   `result_info: { page, per_page, count, total_count, total_pages }`. `per_page` defaults to
 *   100; this fake caps it at `maxPerPage` so tests see several pages.
 * - Every answer is the envelope `{ success, errors: [{ code, message }], messages, result }`.
 *   Authentication is `Authorization: Bearer <token>`; a token that may not read the zone gets
 *   HTTP 403 with error 10000 "Authentication error". Over the rate limit the API answers 429
 *   with `Retry-After` in seconds (https://developers.cloudflare.com/fundamentals/api/reference/limits/).
 *
 * Faults (429, 5xx, hanging, malformed JSON) are injected per request to test the client.
 */
/** A record as the API lists it: the fields a source reads, and its id. */
export type FakeRecord = RawLiveRecord & { readonly id: string };

export interface FakeZone {
  readonly id: string;
  readonly name: string;
  readonly records: readonly FakeRecord[];
}

/** A fault served instead of the real answer, `times` times, to requests whose path contains `path`. */
export interface Fault {
  readonly path: string;
  times: number;
  readonly status?: number;
  readonly retryAfter?: string;
  readonly body?: string;
  /** Never answer (the client must time out). */
  readonly hang?: boolean;
}

export interface FakeOptions {
  readonly zones: readonly FakeZone[];
  /** The token that may read every zone. */
  readonly token: string;
  /** A token that may list zones but not read DNS records (no Zone → DNS → Read). */
  readonly zoneOnlyToken?: string;
  readonly maxPerPage?: number;
  readonly faults?: Fault[];
}

export interface FakeCloudflare {
  /** `http://127.0.0.1:<port>/client/v4`, for CLOUDFLARE_API_BASE_URL. */
  readonly baseUrl: string;
  /** Every request: method, path with query, and the Authorization header seen. */
  readonly requests: Array<{ path: string; authorization?: string }>;
  readonly faults: Fault[];
  close(): Promise<void>;
}

const PREFIX = '/client/v4';

export async function startFakeCloudflare(options: FakeOptions): Promise<FakeCloudflare> {
  const requests: FakeCloudflare['requests'] = [];
  const faults = options.faults ?? [];
  const hanging = new Set<ServerResponse>();
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    requests.push({ path: `${url.pathname}${url.search}`, authorization: req.headers.authorization });
    const fault = faults.find((f) => f.times > 0 && url.pathname.includes(f.path));
    if (fault) {
      fault.times--;
      if (fault.hang) {
        hanging.add(res);
        return;
      }
      res.writeHead(fault.status ?? 200, { 'content-type': 'application/json', ...(fault.retryAfter !== undefined ? { 'retry-after': fault.retryAfter } : {}) });
      res.end(fault.body ?? JSON.stringify(envelopeError(fault.status === 429 ? 971 : 10001, fault.status === 429 ? 'Please wait and consider throttling your request speed' : 'Internal error')));
      return;
    }
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const full = token === options.token;
    const zoneOnly = token !== undefined && token === options.zoneOnlyToken;
    if (req.method !== 'GET' || !url.pathname.startsWith(PREFIX)) return send(404, envelopeError(7000, 'No route for that URI'));
    if (!full && !zoneOnly) return send(403, envelopeError(10000, 'Authentication error'));
    const path = url.pathname.slice(PREFIX.length);
    if (path === '/zones') {
      const name = url.searchParams.get('name');
      const zones = options.zones.filter((z) => name === null || z.name === name.toLowerCase()).map((z) => ({ id: z.id, name: z.name, status: 'active' }));
      return send(200, { success: true, errors: [], messages: [], result: zones, result_info: { page: 1, per_page: 20, count: zones.length, total_count: zones.length, total_pages: 1 } });
    }
    const match = /^\/zones\/([^/]+)\/dns_records$/.exec(path);
    if (match) {
      if (!full) return send(403, envelopeError(10000, 'Authentication error'));
      const zone = options.zones.find((z) => z.id === match[1]);
      if (!zone) return send(404, envelopeError(1001, 'Invalid zone identifier'));
      const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 100), options.maxPerPage ?? 5_000_000);
      const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
      const slice = zone.records.slice((page - 1) * perPage, page * perPage);
      return send(200, {
        success: true,
        errors: [],
        messages: [],
        result: slice.map((r) => ({
          id: r.id,
          zone_id: zone.id,
          zone_name: zone.name,
          name: r.name,
          type: r.type,
          content: r.content,
          ...(r.priority !== undefined ? { priority: r.priority } : {}),
          proxiable: ['A', 'AAAA', 'CNAME'].includes(r.type),
          proxied: r.proxied ?? false,
          ttl: r.ttl,
          comment: r.comment ?? null,
          tags: r.tags ?? [],
          meta: {},
          created_on: '2024-01-01T00:00:00Z',
          modified_on: '2024-01-01T00:00:00Z',
        })),
        result_info: { page, per_page: perPage, count: slice.length, total_count: zone.records.length, total_pages: Math.max(1, Math.ceil(zone.records.length / perPage)) },
      });
    }
    return send(404, envelopeError(7003, 'Could not route to ' + path));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}${PREFIX}`,
    requests,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function envelopeError(code: number, message: string) {
  return { success: false, errors: [{ code, message }], messages: [], result: null };
}
