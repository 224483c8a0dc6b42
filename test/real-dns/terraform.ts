import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { installedProviders, PROVIDER_MIRROR } from './providers';

const COMMAND_TIMEOUT_MS = 90_000;

/** What one terraform command printed and how it exited. */
export interface TerraformResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** One resource change in a saved plan (`terraform show -json`), e.g. actions `['delete', 'create']`. */
export interface PlannedChange {
  readonly address: string;
  readonly actions: readonly string[];
  /** The attribute values before and after, as the plan records them. */
  readonly before: Record<string, unknown> | null;
  readonly after: Record<string, unknown> | null;
}

/** terraform run in one synthesized stack directory (`cdktf.out/stacks/<name>`). */
export interface TerraformWorkspace {
  /** The stack directory terraform runs in. */
  readonly dir: string;
  /** The environment terraform runs with (CLI config, data dir, the provider's credentials), for other programs that run terraform here. */
  readonly env: Readonly<NodeJS.ProcessEnv>;
  /** `terraform init` (once per workspace: providers and lock file stay for later commands). */
  init(): Promise<TerraformResult>;
  /** `terraform apply -auto-approve`. */
  apply(): Promise<TerraformResult>;
  /** `terraform plan -detailed-exitcode`: 0 when nothing would change, 2 when something would. */
  plan(): Promise<0 | 2>;
  /** The changes `terraform plan` would make, read from a saved plan with `terraform show -json`. */
  planChanges(): Promise<PlannedChange[]>;
  /** `terraform plan -out=<planFile>`: a saved plan, for `terraform show -json` or `cdktf-mx plan-check`. */
  savePlan(planFile: string): Promise<TerraformResult>;
  /** `terraform show -json <planFile>`: the plan as JSON text. */
  showPlan(planFile: string): Promise<string>;
  /** `terraform destroy -auto-approve`. */
  destroy(): Promise<TerraformResult>;
  /** Remove the temporary CLI config, data dir and plugin cache (the stack dir is the caller's). */
  cleanup(): void;
}

/**
 * The CLI configuration a test runs terraform with: the plugin cache in the test's own
 * temporary directory and the `sources` (e.g. `registry.terraform.io/hashicorp/dns`)
 * installed from the filesystem mirror `mirror` (made absolute), never downloaded.
 */
export function cliConfig(pluginCache: string, mirror: string | undefined, sources: readonly string[] = installedProviders().map((pin) => pin.source)): string {
  const lines = [`plugin_cache_dir = ${JSON.stringify(pluginCache)}`];
  if (mirror !== undefined && sources.length > 0) {
    const list = sources.map((source) => JSON.stringify(source)).join(', ');
    lines.push(
      'provider_installation {',
      '  filesystem_mirror {',
      `    path    = ${JSON.stringify(resolve(mirror))}`,
      `    include = [${list}]`,
      '  }',
      '  direct {',
      `    exclude = [${list}]`,
      '  }',
      '}',
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Run `terraform` (the binary at `terraform`) in `stackDir` with a CLI config, data dir
 * and plugin cache of its own in a temporary directory. `env` adds to the environment,
 * e.g. the provider's credentials: they reach the provider from there, never through
 * cdk.tf.json. TF_* variables of the caller's environment are not passed on, so a
 * developer's own terraform settings cannot change what the test does.
 */
export function terraformIn(
  terraform: string,
  stackDir: string,
  env: Readonly<Record<string, string>> = {},
  mirror: string = PROVIDER_MIRROR,
): TerraformWorkspace {
  const home = mkdtempSync(join(tmpdir(), 'cdktf-mx-terraform-'));
  const pluginCache = join(home, 'plugin-cache');
  mkdirSync(pluginCache);
  const configFile = join(home, 'terraform.rc');
  writeFileSync(configFile, cliConfig(pluginCache, mirror, installedProviders(mirror).map((pin) => pin.source)));
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('TF_')));
  const runEnv: NodeJS.ProcessEnv = {
    ...inherited,
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    TF_CLI_CONFIG_FILE: configFile,
    TF_DATA_DIR: join(home, 'data'),
    ...env,
  };

  const run = (args: readonly string[], expected: readonly number[] = [0]): Promise<TerraformResult> =>
    new Promise((done, fail) => {
      execFile(terraform, [...args], { cwd: stackDir, env: runEnv, timeout: COMMAND_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
        const exitCode = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        if (!expected.includes(exitCode)) {
          fail(new Error(`terraform ${args.join(' ')} exited ${exitCode} (expected ${expected.join(' or ')}) in ${stackDir}:\n${stdout}\n${stderr}${error && exitCode === -1 ? `\n${error.message}` : ''}`));
        } else {
          done({ exitCode, stdout, stderr });
        }
      });
    });

  return {
    dir: stackDir,
    env: runEnv,
    init: () => run(['init', '-no-color', '-input=false']),
    apply: () => run(['apply', '-no-color', '-input=false', '-auto-approve']),
    plan: async () => (await run(['plan', '-no-color', '-input=false', '-detailed-exitcode'], [0, 2])).exitCode as 0 | 2,
    planChanges: async () => {
      const planFile = join(home, 'saved.tfplan');
      await run(['plan', '-no-color', '-input=false', `-out=${planFile}`]);
      const shown = JSON.parse((await run(['show', '-no-color', '-json', planFile])).stdout) as {
        resource_changes?: Array<{ address: string; change: { actions: string[]; before: Record<string, unknown> | null; after: Record<string, unknown> | null } }>;
      };
      rmSync(planFile, { force: true });
      return (shown.resource_changes ?? [])
        .filter((change) => !(change.change.actions.length === 1 && change.change.actions[0] === 'no-op'))
        .map((change) => ({ address: change.address, actions: change.change.actions, before: change.change.before, after: change.change.after }));
    },
    savePlan: (planFile) => run(['plan', '-no-color', '-input=false', `-out=${planFile}`]),
    showPlan: async (planFile) => (await run(['show', '-no-color', '-json', planFile])).stdout,
    destroy: () => run(['destroy', '-no-color', '-input=false', '-auto-approve']),
    cleanup: () => rmSync(home, { recursive: true, force: true }),
  };
}
