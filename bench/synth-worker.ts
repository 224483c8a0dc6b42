/**
 * One benchmark scenario in its own process (so its peak RSS is its own):
 *   node --expose-gc --import tsx bench/synth-worker.ts <raw|constructs> <domains> <runs> <out.json>
 * Each run builds a fresh App in a fresh temp outdir: construction is timed, then
 * `App.synth()` (validations, JSON written to disk), then the outdir is deleted.
 * The first run is a warm-up and is not reported.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { MxValidation, RULES } from '../lib';
import { collectGarbage, now, peakRssMiB, round, since, summarize, Summary } from './stats';
import { buildConstructEstate, buildRawEstate, DomainPlan, newMailStack, planEstate, recordCount } from './workload';

export type Scenario = 'raw' | 'constructs';

/** What one worker reports. */
export interface ScenarioResult {
  readonly scenario: Scenario;
  readonly domains: number;
  readonly records: number;
  /** Constructing App, stack and every resource. */
  readonly construct: Summary;
  /** `App.synth()` alone: aspects, validations (our rules for `constructs`), token resolution, JSON to disk. */
  readonly synth: Summary;
  /** Construction plus synth in the same run. */
  readonly total: Summary;
  /** Peak RSS of the worker process over warm-up and all runs, MiB. */
  readonly peakRssMiB: number;
  /** `constructs` only: one more pass of our validation alone (zone models + rules), outside the timed runs. */
  readonly rules?: { readonly ms: number; readonly findings: number; readonly rulesEnabled: number; readonly zones: number };
}

/** Build the estate in a fresh app and synthesize it; returns the timings of this run. */
function runOnce(scenario: Scenario, estate: readonly DomainPlan[]): { construct: number; synth: number; stack: TerraformStack } {
  const outdir = mkdtempSync(join(tmpdir(), 'cdktf-mx-bench-'));
  try {
    const start = now();
    const app = new App({ outdir });
    const stack = newMailStack(app);
    if (scenario === 'raw') buildRawEstate(stack, estate);
    else buildConstructEstate(stack, estate);
    const construct = since(start);
    const synthStart = now();
    app.synth();
    const synth = since(synthStart);
    return { construct, synth, stack };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

export function runScenario(scenario: Scenario, domains: number, runs: number): ScenarioResult {
  const estate = planEstate(domains);
  const construct: number[] = [];
  const synth: number[] = [];
  const total: number[] = [];
  let last: TerraformStack | undefined;
  for (let run = 0; run <= runs; run++) {
    last = undefined;
    collectGarbage();
    const timing = runOnce(scenario, estate);
    last = timing.stack;
    if (run === 0) continue; // warm-up
    construct.push(timing.construct);
    synth.push(timing.synth);
    total.push(timing.construct + timing.synth);
  }
  let rules: ScenarioResult['rules'];
  if (scenario === 'constructs' && last) {
    const validation = MxValidation.of(last);
    const start = now();
    const { findings } = validation.findings();
    rules = { ms: round(since(start)), findings: findings.length, rulesEnabled: RULES.length, zones: validation.zoneModels().length };
  }
  return {
    scenario,
    domains,
    records: recordCount(estate),
    construct: summarize(construct),
    synth: summarize(synth),
    total: summarize(total),
    peakRssMiB: peakRssMiB(),
    ...(rules ? { rules } : {}),
  };
}

if (require.main === module) {
  const [scenario, domains, runs, out] = process.argv.slice(2);
  if ((scenario !== 'raw' && scenario !== 'constructs') || !domains || !runs || !out) {
    throw new Error('usage: synth-worker.ts <raw|constructs> <domains> <runs> <out.json>');
  }
  writeFileSync(out, JSON.stringify(runScenario(scenario, Number(domains), Number(runs))));
}
