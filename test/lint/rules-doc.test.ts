import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderRulesSection, RULES_SECTION_END, RULES_SECTION_PAGE, RULES_SECTION_START } from '../../scripts/lint-docs';
import { ALL_RULES, renderRulesReference } from '../../lib/lint/reference';

const root = join(__dirname, '..', '..');

test('docs/rules.md is generated from the rules\' metadata and up to date (npm run docs:rules)', () => {
  expect(readFileSync(join(root, 'docs', 'rules.md'), 'utf8')).toBe(renderRulesReference());
});

test('docs/rules.md has a section with severity, why, sources and fix for every id', () => {
  const doc = renderRulesReference();
  for (const rule of ALL_RULES) {
    expect(doc).toContain(`### ${rule.id}\n\n**${rule.severity}** — ${rule.summary}.\n\n${rule.why}`);
    expect(doc).toContain(`Fix: ${rule.fix}`);
  }
});

test('the rules section of docs/lint.md is up to date (npm run docs:rules)', () => {
  const page = readFileSync(join(root, RULES_SECTION_PAGE), 'utf8');
  const section = page.slice(page.indexOf(RULES_SECTION_START) + RULES_SECTION_START.length + 1, page.indexOf(RULES_SECTION_END));
  expect(section).toBe(renderRulesSection());
});
