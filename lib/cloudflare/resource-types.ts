// Terraform types of Cloudflare's resources, apart from the resource class so readers (and lint)
// can name them without loading cdktf. One declaration for the emitter, the reader and adoption.

/** Terraform type of a Cloudflare DNS record (provider 5.x). */
export const CLOUDFLARE_DNS_RECORD_TYPE = 'cloudflare_dns_record';
/**
 * Terraform type of a Cloudflare DNS record in provider 4.x (`value` or `content`, `data` as a
 * one-element list in state): read wherever records are read, since many live estates still have it.
 */
export const CLOUDFLARE_RECORD_V4_TYPE = 'cloudflare_record';
/** Terraform type of a Cloudflare zone, as a resource or a data source. */
export const CLOUDFLARE_ZONE_TYPE = 'cloudflare_zone';
