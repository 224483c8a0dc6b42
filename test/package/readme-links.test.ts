// README.md ships in the npm package and is rendered on npmjs.com, where a relative link
// (docs/rules.md, examples/…) points at npmjs.com and breaks. Every link must be absolute
// or an in-page anchor, and links into this repository must name a file that exists.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryUrl } from '../../scripts/repo-links';

const root = join(__dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** Link targets in markdown (`[text](target "title")`, `[id]: target`) and HTML (`href`, `src`). */
function linkTargets(markdown: string): string[] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  const targets: string[] = [];
  for (const m of withoutCode.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) targets.push(m[1]);
  for (const m of withoutCode.matchAll(/^\s*\[[^\]]+\]:\s*(\S+)/gm)) targets.push(m[1]);
  for (const m of withoutCode.matchAll(/\b(?:href|src)="([^"]+)"/g)) targets.push(m[1]);
  return targets;
}

test('the README has links, and every one is absolute or an in-page anchor', () => {
  const targets = linkTargets(readme);
  expect(targets.length).toBeGreaterThan(40);
  expect(targets.filter((t) => !/^(https?:|mailto:|#)/.test(t))).toEqual([]);
});

test('links into this repository name files and folders that exist on the default branch', () => {
  const base = `${repositoryUrl(root)}/`;
  const repoLinks = linkTargets(readme).filter((t) => t.startsWith(base));
  expect(repoLinks.length).toBeGreaterThan(0);
  const missing = repoLinks
    .map((t) => t.slice(base.length).match(/^(?:blob|tree)\/main\/([^#?]+)/))
    .map((m, i) => (m && existsSync(join(root, decodeURIComponent(m[1]))) ? undefined : repoLinks[i]))
    .filter((t) => t !== undefined);
  expect(missing).toEqual([]);
});

test('the link finder sees relative links (so the first test can fail)', () => {
  expect(linkTargets('see [rules](docs/rules.md) and <a href="bench/x.md">x</a>\n[ref]: examples/a.ts')).toEqual(['docs/rules.md', 'examples/a.ts', 'bench/x.md']);
  expect(linkTargets('`[not](a link)` and\n```\n[nor](this)\n```')).toEqual([]);
});
