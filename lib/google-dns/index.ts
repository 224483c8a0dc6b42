// Google Cloud DNS as a DNS host: the zone target, its record-set resource, reader and host rules.
export { GoogleDnsZone, googleDnsHost } from './zone';
export type { GoogleDnsZoneOptions } from './zone';
export { GoogleDnsRecordSet, GOOGLE_DNS_RECORD_SET_TYPE, GOOGLE_GENERATOR_METADATA } from './dns-record-set';
export type { GoogleDnsRecordSetConfig } from './dns-record-set';
export { googleDnsReader, GOOGLE_MANAGED_ZONE_TYPE } from './reader';
export { GOOGLE_DNS_RULES } from './rules';
