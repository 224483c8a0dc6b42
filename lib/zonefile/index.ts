// The zone-file reader: RFC 1035 master files read as BIND reads them, pure (no cdktf).
export { readZoneFile, readZoneFileStream, ZoneFileReader } from './reader';
export type { ReadZoneFileOptions, ZoneFile, ZoneFileProblem, ZoneFileRecord } from './reader';
export type { Rdata } from './rdata';
export { cloudflareTags } from './cloudflare-tags';
export type { CloudflareRecordTags } from './cloudflare-tags';
