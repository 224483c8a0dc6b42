/** Props every mail construct takes: where to publish and how. */
export interface MailDomainProps {
  /**
   * Cloudflare zone id of `domain`: a literal id, or a token such as
   * `new DataCloudflareZone(…).zoneId`.
   */
  readonly zoneId: string;
  /** The zone's domain (its apex), e.g. `example.com`. Any case, trailing dot or Unicode is fine. */
  readonly domain: string;
  /**
   * Name to publish the records at: `@` (default) for the apex, a name relative to
   * `domain` such as `eu` or `mail.eu`, or a full name inside the zone.
   */
  readonly name?: string;
  /** TTL in seconds: 1 (Cloudflare automatic) or 60–86400. Default 3600. */
  readonly ttl?: number;
  /** Note stored with every record at Cloudflare (at most 100 characters on the Free plan, one line). */
  readonly comment?: string;
}

/** TTL of our records when none is given: an hour, quick enough to change vendors. */
export const DEFAULT_TTL = 3600;
