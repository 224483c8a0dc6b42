import { RULES } from '../hosts';
import { internalError } from '../rules/engine';
import { RuleInfo } from '../rules/rule';
import { INPUT_RULES } from './input-rules';

/** Every id a finding can carry: the zone rules, then the input and engine findings. */
export const ALL_RULES: readonly RuleInfo[] = [...RULES, ...INPUT_RULES, internalError];

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** docs/rules.md, generated from the rules' own metadata so it cannot drift from the code. */
export function renderRulesReference(): string {
  const lines = [
    '# cdktf-mx rules reference',
    '',
    '<!-- Generated from the rules\' metadata by `npm run docs:rules`; do not edit by hand (a test checks it is current). -->',
    '',
    'Every finding carries one of these ids. `error` fails `cdktf synth` (and makes `cdktf-mx lint` exit 1),',
    '`warning` is printed, `info` is advice. Change a severity with `rules: { \'<id>\': \'warning\' | \'off\' | … }`',
    '(`lintZone` options, `configureMxValidation`, `cdktf-mx lint --rule id=severity`), or suppress single findings with a',
    'reason (`suppressMxRule(scope, { id, reason })`, `lintZone` `suppressions`).',
    '',
    '## Zone rules',
    '',
    ...table(RULES, ''),
    '',
    '## Input findings',
    '',
    'Reported by `lintZone` and the CLI about the input itself (they never throw), and by the engine.',
    '',
    ...table([...INPUT_RULES, internalError], ''),
    '',
    '## Rules in detail',
    '',
  ];
  for (const rule of ALL_RULES) {
    lines.push(`### ${rule.id}`, '', `**${rule.severity}** — ${rule.summary}.`, '', rule.why, '');
    if (rule.sources && rule.sources.length > 0) lines.push(`Sources: ${rule.sources.join('; ')}.`, '');
    lines.push(`Fix: ${rule.fix}`, '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/**
 * The short table for docs/lint.md: id, severity, what, errors first; each id links to its
 * section of `page` (the rules reference; docs/lint.md passes an absolute URL so links work in the package).
 */
export function renderRulesSummary(page = 'docs/rules.md'): string {
  return `${table([...RULES].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]), page).join('\n')}\n`;
}

function table(rules: readonly RuleInfo[], page: string): string[] {
  return ['| id | default | what |', '|---|---|---|', ...rules.map((rule) => `| [\`${rule.id}\`](${page}#${rule.id}) | ${rule.severity} | ${rule.summary.replace(/\|/g, '\\|')} |`)];
}
