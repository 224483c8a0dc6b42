// Public API of cdktf-mx: re-exports only. Each area keeps its own barrel.
export { MxInputError } from './dns/errors';
export { isIpLiteral, parseHostname, resolveOwnerName, toAscii } from './dns/names';
export type { HostnameProblem, ParsedHostname } from './dns/names';
export type { RecordSpec, SourcedRecord, RecordOrigin, WrittenRecord } from './dns/record';
export { Zone } from './dns/zone';
export * from './rules';
export { RULES, RULES_BY_ID, HOST_READERS } from './hosts';
export * from './zones';
export * from './cloudflare';
export * from './presets';
export * from './constructs';
export * from './testing';
export * from './validation';
export * from './lint';
export * from './zonefile';
export * from './adopt';
export { adoptLiveRecords } from './cloudflare/adopt-live-records';
export type { LiveRecordRef } from './cloudflare/adopt-live-records';
