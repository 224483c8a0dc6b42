import type { ZoneTarget } from '../zones/host';

/**
 * Props every mail construct takes: where to publish and how. The zone is given either as
 * `zone` (a {@link ZoneTarget} such as `CloudflareZone.fromId(zoneId, 'example.com')`) or as
 * the Cloudflare shorthand `{ zoneId, domain }`, never both.
 */
export interface MailDomainProps {
  /**
   * The zone to publish into, at any host: `CloudflareZone.fromId(zoneId, 'example.com')`,
   * `Route53Zone.fromHostedZoneId(id, 'example.com')`, `GoogleDnsZone.fromManagedZone('example-com', 'example.com')`
   * or `Rfc2136Zone.of('example.com')`. Instead of `zoneId` and `domain`.
   */
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
  /**
   * TTL in seconds: on Cloudflare 1 (automatic) or 60–86400; on Route 53, Google Cloud DNS and RFC 2136
   * servers 0–2147483647, and every construct publishing at one name and type must give the same
   * (a record set has one TTL). Default 3600.
   */
  readonly ttl?: number;
  /** Note stored with every record at Cloudflare (at most 100 characters on the Free plan, one line); record-set hosts do not store it (a synth warning says so). */
  readonly comment?: string;
}

/** TTL of our records when none is given: an hour, quick enough to change vendors. */
export const DEFAULT_TTL = 3600;
