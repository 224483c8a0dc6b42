// lintZone: the rules over a plain zone (JSON records or a zone file), never throwing.
export { lintZone } from './lint-zone';
export type { LintZoneInput, LintZoneRecord } from './lint-zone';
export { lintZoneFile, zoneFileToLintInput } from './zone-file';
export type { LintZoneFileOptions, ZoneFileLintInput } from './zone-file';
export { INPUT_RULES } from './input-rules';
export { ALL_RULES, renderRulesReference } from './reference';
