import { App, LocalBackend, TerraformStack } from 'cdktf';
import { join } from 'node:path';
import { EstateDomain, EstateRecord, MailEstate, readPlanJson, TerraformPlan } from '../../lib';
import { terraformIn, TerraformWorkspace } from '../real-dns/terraform';

/** A saved plan of one stack: as plan-check reads it, and the raw resource changes. */
export interface StackPlanRun {
  readonly stack: string;
  readonly plan: TerraformPlan;
  readonly raw: { resource_changes: Array<{ address: string; change: { actions: string[]; importing?: { id: string } } }> };
}

/**
 * Terraform runs of a two-shard estate in `work` (each synth in <work>/<name>, each stack's state
 * <work>/<stack>.tfstate shared by every synth), with `provider` adding the host's provider to a stack
 * and `env` its credentials. `cleanup()` removes every workspace's temporary files.
 */
export function estateMoveHarness(work: string, terraformPath: string, provider: (stack: TerraformStack) => void, env: () => Readonly<Record<string, string>>) {
  const workspaces: TerraformWorkspace[] = [];
  return {
    synth(name: string, domains: EstateDomain[], previous?: EstateRecord): { estate: MailEstate; outdir: string } {
      const outdir = join(work, name);
      const app = new App({ outdir });
      const estate = new MailEstate(app, 'estate', {
        domains, shards: 2, shardSize: 10, previous,
        configureShard: (stack, shard) => {
          new LocalBackend(stack, { path: join(work, `${shard.stackId}.tfstate`) });
          provider(stack);
        },
      });
      app.synth();
      return { estate, outdir };
    },
    /** `terraform init` in a stack of a synth. */
    async terraform(outdir: string, stack: string): Promise<TerraformWorkspace> {
      const tf = terraformIn(terraformPath, join(outdir, 'stacks', stack), env());
      workspaces.push(tf);
      await tf.init();
      return tf;
    },
    async plan(tf: TerraformWorkspace, stack: string): Promise<StackPlanRun> {
      const file = join(work, `${stack}-${workspaces.indexOf(tf)}.tfplan`);
      await tf.savePlan(file);
      const text = await tf.showPlan(file);
      return { stack, plan: readPlanJson(text, stack), raw: JSON.parse(text) as StackPlanRun['raw'] };
    },
    cleanup(): void {
      for (const tf of workspaces) tf.cleanup();
    },
  };
}

/** The changes a plan makes besides no-ops (imports included): [address, actions, import id]. */
export function acting(run: StackPlanRun): Array<[string, string, string]> {
  return run.raw.resource_changes.filter((c) => c.change.actions.join() !== 'no-op' || c.change.importing).map((c) => [c.address, c.change.actions.join(), c.change.importing?.id ?? '']);
}
