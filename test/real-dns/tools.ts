import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Real software the tests use, with how to install it (Debian package unless said otherwise). */
export const TOOLS = {
  'named-checkzone': 'apt-get install bind9-utils',
  'named-compilezone': 'apt-get install bind9-utils',
  knotd: 'apt-get install knot',
  named: 'apt-get install bind9',
  'tsig-keygen': 'apt-get install bind9',
  dig: 'apt-get install bind9-dnsutils',
  openssl: 'apt-get install openssl',
  nsupdate: 'apt-get install bind9-dnsutils',
  terraform: 'install terraform >= 1.5 on PATH: https://developer.hashicorp.com/terraform/install',
} as const;

/** A program a test can require. */
export type Tool = keyof typeof TOOLS;

/** Full path of an installed program; sbin directories too, where Debian puts knotd and named. */
export function findTool(name: Tool): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/sbin', '/usr/local/sbin'];
  return dirs.map((dir) => join(dir, name)).find((path) => existsSync(path));
}

/**
 * `describe` that needs `tool`. Without it the block is skipped with a message saying
 * what to install, except under CI, where a missing tool fails: CI must test for real.
 */
export function describeWithTool(tool: Tool, title: string, body: (path: string) => void): void {
  describeWithTools([tool], title, (paths) => body(paths[tool]));
}

/** `describeWithTool` for several programs: runs `body` with the full path of each. */
export function describeWithTools<T extends Tool>(tools: readonly T[], title: string, body: (paths: Record<T, string>) => void): void {
  const found = tools.map((tool) => [tool, findTool(tool)] as const);
  const missing = found.filter(([, path]) => !path).map(([tool]) => tool);
  const paths = Object.fromEntries(found.map(([tool, path]) => [tool, path ?? tool])) as Record<T, string>;
  if (missing.length === 0) {
    describe(title, () => body(paths));
  } else if (process.env.CI) {
    describe(title, () => {
      test.each(missing)('%s is installed', (tool) => {
        throw new Error(`${tool} is not installed; CI must ${TOOLS[tool]} (see .ci/run)`);
      });
    });
  } else {
    const reason = `skipped: ${missing.map((tool) => `${tool} is not installed (${TOOLS[tool]})`).join('; ')}`;
    console.warn(`${title}: ${reason}`);
    describe.skip(`${title} (${reason})`, () => body(paths));
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
