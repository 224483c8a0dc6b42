// Presets: vendor data and the functions that expand it.
export type { MailPreset, PresetMx, PresetParameter, PresetSource, PresetVariant } from './preset';
export { expandPreset, checkParameters } from './expand';
export type { PresetParameters } from './expand';
export { PRESETS, identifyVendor } from './catalogue';
export type { VendorMatch } from './catalogue';
