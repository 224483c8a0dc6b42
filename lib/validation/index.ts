// Synth-time validation: rules over every zone a stack declares, suppressions with reasons.
export { MxValidation, formatFinding, suppressMxRule, configureMxValidation, MIN_SUPPRESSION_REASON, METADATA_KEY } from './mx-validation';
export type { MxValidationSettings, MxRuleSuppression } from './mx-validation';
