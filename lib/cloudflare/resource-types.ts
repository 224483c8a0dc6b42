// Terraform types of Cloudflare's resources, apart from the resource class so readers (and lint)
// can name them without loading cdktf. One declaration for the emitter, the reader and adoption.

/** Terraform type of a Cloudflare DNS record (provider 5.x). */
export const CLOUDFLARE_DNS_RECORD_TYPE = 'cloudflare_dns_record';
/** Terraform type of a Cloudflare zone, as a resource or a data source. */
export const CLOUDFLARE_ZONE_TYPE = 'cloudflare_zone';
