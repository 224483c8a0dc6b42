// README.md and the docs/*.md pages ship in the npm package; README is rendered on npmjs.com and
// the pages are read in node_modules, where a relative link (docs/rules.md, examples/…) points
// nowhere. Every link must be absolute or an in-page anchor, and links into this repository must
// name a file that exists.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryUrl } from '../../scripts/repo-links';

const root = join(__dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const pages = readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`);
const shipped = ['README.md', ...pages].map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));

/** Link targets in markdown (`[text](target "title")`, `[id]: target`) and HTML (`href`, `src`). */
function linkTargets(markdown: string): string[] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  const targets: string[] = [];
  for (const m of withoutCode.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) targets.push(m[1]);
  for (const m of withoutCode.matchAll(/^\s*\[[^\]]+\]:\s*(\S+)/gm)) targets.push(m[1]);
  for (const m of withoutCode.matchAll(/\b(?:href|src)="([^"]+)"/g)) targets.push(m[1]);
  return targets;
}

/** Links into this repository's default branch, as paths inside it. */
function repoPaths(markdown: string): string[] {
  const base = `${repositoryUrl(root)}/`;
  return linkTargets(markdown)
    .filter((t) => t.startsWith(base))
    .map((t) => t.slice(base.length).match(/^(?:blob|tree)\/main\/([^#?]+)/)?.[1] ?? t)
    .map((p) => decodeURIComponent(p));
}

test('the README has links, and every link of README and docs/*.md is absolute or an in-page anchor', () => {
  expect(linkTargets(readme).length).toBeGreaterThan(20);
  const relative = shipped.flatMap(({ path, text }) => linkTargets(text).filter((t) => !/^(https?:|mailto:|#)/.test(t)).map((t) => `${path}: ${t}`));
  expect(relative).toEqual([]);
});

test('links into this repository name files and folders that exist on the default branch', () => {
  expect(repoPaths(readme).length).toBeGreaterThan(0);
  const missing = shipped.flatMap(({ path, text }) => repoPaths(text).filter((p) => !existsSync(join(root, p))).map((p) => `${path}: ${p}`));
  expect(missing).toEqual([]);
});

test('every docs page README links to ships in the package (package.json "files")', () => {
  const files = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { files: string[] }).files;
  const linked = [...new Set(repoPaths(readme).filter((p) => p.startsWith('docs/') && p.endsWith('.md')))];
  expect(linked.length).toBeGreaterThan(5);
  expect(linked.filter((p) => !files.some((entry) => p === entry || p.startsWith(`${entry.replace(/\/$/, '')}/`)))).toEqual([]);
});

test('the link finder sees relative links (so the first test can fail)', () => {
  expect(linkTargets('see [rules](docs/rules.md) and <a href="bench/x.md">x</a>\n[ref]: examples/a.ts')).toEqual(['docs/rules.md', 'examples/a.ts', 'bench/x.md']);
  expect(linkTargets('`[not](a link)` and\n```\n[nor](this)\n```')).toEqual([]);
});
