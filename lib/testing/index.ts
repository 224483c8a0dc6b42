// Zone rendering and jest helpers for snapshot-testing what a stack publishes.
export { renderZone, zoneOf, publishedMx, byPreference } from './render-zone';
export type { PublishedMx, RenderZoneOptions, ZoneSource } from './render-zone';
export { formatZone, compareCanonicalNames, CLOUDFLARE_AUTO_TTL_SECONDS } from './zone-text';
export type { ZoneTextOptions } from './zone-text';
export { readSynthesizedRecords } from './synthesized';
export type { SynthesizedRecord } from './synthesized';
export { zoneSnapshotSerializer, mxMatchers, setupMxJest } from './jest';
export type { JestExpect } from './jest';
export type { MxExpectation, MxMatchers, NoFindingsOptions } from './jest';
