import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { README_END, README_START, renderReadmeRulesSection } from '../../scripts/lint-docs';
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

test('the README rules section is up to date', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf(README_START) + README_START.length + 1, readme.indexOf(README_END));
  expect(section).toBe(renderReadmeRulesSection());
});
