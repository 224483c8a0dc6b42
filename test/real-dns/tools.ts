import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Real DNS software the tests use, with the Debian package that installs it. */
export const TOOLS = {
  'named-checkzone': 'bind9-utils',
  knotd: 'knot',
} as const;

/** Full path of an installed program; sbin directories too, where Debian puts knotd. */
export function findTool(name: keyof typeof TOOLS): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/sbin', '/usr/local/sbin'];
  return dirs.map((dir) => join(dir, name)).find((path) => existsSync(path));
}

/**
 * `describe` that needs `tool`. Without it the block is skipped with a message saying
 * what to install, except under CI, where a missing tool fails: CI must test for real.
 */
export function describeWithTool(tool: keyof typeof TOOLS, title: string, body: (path: string) => void): void {
  const path = findTool(tool);
  if (path) {
    describe(title, () => body(path));
  } else if (process.env.CI) {
    describe(title, () => {
      test(`${tool} is installed`, () => {
        throw new Error(`${tool} is not installed; CI must install the Debian package ${TOOLS[tool]} (see .ci/run)`);
      });
    });
  } else {
    const reason = `skipped: ${tool} is not installed (apt-get install ${TOOLS[tool]})`;
    console.warn(`${title}: ${reason}`);
    describe.skip(`${title} (${reason})`, () => body(tool));
  }
}

/** What named-checkzone said about a zone, and whether it loaded it. */
export interface CheckzoneResult {
  readonly loaded: boolean;
  readonly output: string;
}

/**
 * Load zone text with BIND's named-checkzone as `named` would. Strict: MX or SRV to a
 * CNAME, MX to an address, bad host names and NS problems fail instead of warning.
 * `-i local` checks in-zone targets only, so it never resolves names on the network.
 */
export function namedCheckzone(path: string, apex: string, text: string): CheckzoneResult {
  const result = spawnSync(path, ['-i', 'local', '-k', 'fail', '-m', 'fail', '-M', 'fail', '-n', 'fail', '-S', 'fail', apex, '-'], {
    input: text,
    encoding: 'utf8',
    timeout: 10_000,
  });
  if (result.error) throw result.error;
  return { loaded: result.status === 0, output: `${result.stdout}${result.stderr}`.trim() };
}
