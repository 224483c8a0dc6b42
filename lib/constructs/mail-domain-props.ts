import type { ZoneTarget } from '../zones/host';

/**
 * Props every mail construct takes: where to publish and how. The zone is given either as
 * `zone` (a {@link ZoneTarget} such as `CloudflareZone.fromId(zoneId, 'example.com')`) or as
 * the Cloudflare shorthand `{ zoneId, domain }`, never both.
 */
export interface MailDomainProps {
  /** The zone to publish into, at any host: e.g. `CloudflareZone.fromId(zoneId, 'example.com')`. Instead of `zoneId` and `domain`. */
  readonly zone?: ZoneTarget;
  /**
   * Cloudflare shorthand: zone id of `domain`, a literal id or a token such as
   * `new DataCloudflareZone(…).zoneId`. Required with `domain` unless `zone` is given.
   */
  readonly zoneId?: string;
  /** Cloudflare shorthand: the zone's domain (its apex), e.g. `example.com`. Any case, trailing dot or Unicode is fine. */
  readonly domain?: string;
  /**
   * Name to publish the records at: `@` (default) for the apex, a name relative to
   * the zone such as `eu` or `mail.eu`, or a full name inside the zone.
   */
  readonly name?: string;
  /** TTL in seconds: 1 (Cloudflare automatic) or 60–86400. Default 3600. */
  readonly ttl?: number;
  /** Note stored with every record at Cloudflare (at most 100 characters on the Free plan, one line). */
  readonly comment?: string;
}

/** TTL of our records when none is given: an hour, quick enough to change vendors. */
export const DEFAULT_TTL = 3600;
