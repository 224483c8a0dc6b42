// The rules engine: rule catalogue, engine and its types.
export type { Rule, RuleInfo, RuleHit, RuleContext, RuleSettings, Severity, SeverityOverride } from './rule';
export { ZONE_RULES, rulesWithHost } from './catalogue';
export { runRules, DEFAULT_MIN_PRIORITY_GAP } from './engine';
export type { Finding, LintOptions, LintResult, Suppression } from './engine';
