// Adoption: read a live zone, recognise the vendor, write the cdktf app.
export { adoptZone } from './adopt';
export type { Adoption } from './adopt';
export type { LiveRecord, LiveZone, RawLiveRecord } from './live-zone';
export { normaliseLiveRecord } from './live-zone';
export { splitMailRecords } from './mail-relevance';
export type { MailRecordSplit } from './mail-relevance';
export { recogniseMail, presetsMatching } from './recognise';
export type { AdoptedCompanions, AdoptedUnit, MxUnit, NullMxUnit, RawUnit, VendorUnit } from './recognise';
export { writeApp } from './write-app';
export type { WriteAppOptions } from './write-app';
export { liveFindings } from './findings';
export { readCloudflareZone, CLOUDFLARE_API_BASE_URL, REQUIRED_PERMISSIONS } from './cloudflare-source';
export type { CloudflareSourceOptions } from './cloudflare-source';
export { readLiveZoneFile } from './zone-file-source';
export { readDnsZone } from './dns-source';
export { ImportError } from './import-error';
