// Absolute links into the repository, for text that is read outside it: the README is
// rendered on npmjs.com, where a relative link such as `docs/rules.md` resolves against
// npmjs.com (or is rewritten unreliably), so every link in README.md points at GitHub.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The package's `repository.url`, as a browsable https URL without `git+` and `.git`. */
export function repositoryUrl(root = join(__dirname, '..')): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { repository?: { url?: string } | string };
  const raw = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  if (!raw) throw new Error('package.json has no repository.url; README links are built from it');
  return raw.replace(/^git\+/, '').replace(/\.git$/, '');
}

/** The branch README links point at. */
export const DEFAULT_BRANCH = 'main';

/** Absolute GitHub link to a file (or, ending in `/`, a folder) of the repository. */
export function repoLink(path: string, root?: string): string {
  const kind = path.endsWith('/') ? 'tree' : 'blob';
  return `${repositoryUrl(root)}/${kind}/${DEFAULT_BRANCH}/${path.replace(/\/$/, '')}`;
}
