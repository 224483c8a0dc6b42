// Presets: vendor data and the functions that expand it.
export type {
  CompanionGroupName,
  MailPreset,
  PresetCategory,
  PresetCompanions,
  PresetMx,
  PresetParameter,
  PresetRecord,
  PresetRecordGroup,
  PresetRegion,
  PresetSource,
  PresetSpf,
  PresetVariant,
  SpfAll,
} from './preset';
export { expandPreset, checkParameters, resolvePreset, expandCompanionGroup, presetSpf } from './expand';
export type { CompanionInput, CompanionRecord, PresetParameters, PresetSelection, ResolvedPreset } from './expand';
export { PRESETS, presets, identifyVendor } from './catalogue';
export type { VendorMatch } from './catalogue';
export { DEFAULT_MAX_PRESET_AGE_DAYS, presetAgeDays, stalenessWarning, deprecationWarning } from './staleness';
export { renderSpf, mostLenient, SPF_TERMINATORS } from './spf';
