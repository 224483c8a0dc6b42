import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { providerBinary, providerPin, ProviderType } from './providers';

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

/**
 * Programs whose absence skips a block even under CI, with one loud line in jest's global setup
 * (test/providers-setup.js): terraform cannot be installed from these machines' registries.
 */
const SKIPPABLE_IN_CI: ReadonlySet<Tool> = new Set<Tool>(['terraform']);

/**
 * `describeWithTool` for several programs: runs `body` with the full path of each. `providers`
 * are Terraform providers the block needs from the mirror `npm run providers` fills; without
 * one (or without terraform) the block is skipped, also under CI, its title saying why.
 */
export function describeWithTools<T extends Tool>(tools: readonly T[], title: string, body: (paths: Record<T, string>) => void, providers: readonly ProviderType[] = []): void {
  const found = tools.map((tool) => [tool, findTool(tool)] as const);
  const missing = found.filter(([, path]) => !path).map(([tool]) => tool);
  const paths = Object.fromEntries(found.map(([tool, path]) => [tool, path ?? tool])) as Record<T, string>;
  const missingProviders = providers.filter((type) => providerBinary(type) === undefined);
  const mustFail = missing.filter((tool) => !SKIPPABLE_IN_CI.has(tool));
  if (missing.length === 0 && missingProviders.length === 0) {
    describe(title, () => body(paths));
  } else if (process.env.CI && mustFail.length > 0) {
    describe(title, () => {
      test.each(mustFail)('%s is installed', (tool) => {
        throw new Error(`${tool} is not installed; CI must ${TOOLS[tool]} (see .ci/run)`);
      });
    });
  } else {
    const reasons = [
      ...missing.map((tool) => `${tool} is not installed (${TOOLS[tool]})`),
      ...missingProviders.map((type) => `provider ${providerPin(type).source} ${providerPin(type).version} is not installed (npm run providers)`),
    ];
    describe.skip(`${title} (SKIPPED: ${reasons.join('; ')})`, () => body(paths));
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
