// Cloudflare as a DNS host: the zone target, its record resource and its host rules.
export { CloudflareZone, cloudflareHost } from './zone';
export type { CloudflareZoneOptions } from './zone';
export { CloudflareDnsRecord, CLOUDFLARE_DNS_RECORD_TYPE, CLOUDFLARE_GENERATOR_METADATA } from './dns-record';
export type { CloudflareDnsRecordConfig } from './dns-record';
export { cloudflareReader } from './reader';
export { CLOUDFLARE_RULES } from './rules';
