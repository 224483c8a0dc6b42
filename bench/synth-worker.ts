/**
 * Synth timings at one N, in a child process of `run.ts`:
 *   node --expose-gc bench/synth-worker.js pair <domains> <runs> <out.json>
 *     both scenarios in this process, run alternately (warm-up of each first, then
 *     a b, b a, a b, …) so that drift in the machine's load hits both alike;
 *   node --expose-gc bench/synth-worker.js rss <raw|constructs> <domains> <out.json>
 *     one run of one scenario in a fresh process, for its peak RSS.
 * Each run builds a fresh App in a fresh temp outdir: construction is timed, then
 * `App.synth()` (validations, JSON written to disk), then the outdir is deleted.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { MxValidation, RULES } from '../lib';
import { collectGarbage, now, peakRssMiB, round, since, summarize, Summary } from './stats';
import { buildConstructEstate, buildRawEstate, DomainPlan, newMailStack, planEstate, recordCount } from './workload';

export type Scenario = 'raw' | 'constructs';

/** Size of the warm-up run of each scenario. */
const WARM_UP_DOMAINS = 2000;

/** One scenario's timings. */
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
  /** Peak RSS of one construct + synth of this scenario alone in a fresh process, MiB (filled in by run.ts). */
  readonly peakRssMiB?: number;
  /** `constructs` only: one more pass of our validation alone (zone models + rules), outside the timed runs. */
  readonly rules?: { readonly ms: number; readonly findings: number; readonly rulesEnabled: number; readonly zones: number };
}

/** Both scenarios at one N, measured alternately. */
export interface PairResult {
  readonly raw: ScenarioResult;
  readonly constructs: ScenarioResult;
  /** (b)/(a) of construct + synth for each pair of neighbouring runs. */
  readonly pairRatios: readonly number[];
}

interface Run {
  readonly construct: number;
  readonly synth: number;
  readonly stack: TerraformStack;
}

/** Build the estate in a fresh app and synthesize it; returns the timings of this run. */
function runOnce(scenario: Scenario, estate: readonly DomainPlan[]): Run {
  const outdir = mkdtempSync(join(tmpdir(), 'cdktf-mx-bench-'));
  try {
    collectGarbage();
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

function result(scenario: Scenario, estate: readonly DomainPlan[], runs: readonly Run[]): ScenarioResult {
  return {
    scenario,
    domains: estate.length,
    records: recordCount(estate),
    construct: summarize(runs.map((r) => r.construct)),
    synth: summarize(runs.map((r) => r.synth)),
    total: summarize(runs.map((r) => r.construct + r.synth)),
  };
}

/** Our validation once more on its own, on a stack the timed runs built. */
function rulesPass(stack: TerraformStack): NonNullable<ScenarioResult['rules']> {
  const validation = MxValidation.of(stack);
  const start = now();
  const { findings } = validation.findings();
  const ms = round(since(start));
  return { ms, findings: findings.length, rulesEnabled: RULES.length, zones: validation.zoneModels().length };
}

export function runPair(domains: number, runs: number): PairResult {
  const estate = planEstate(domains);
  // Warm-up: the same code paths, at most WARM_UP_DOMAINS (the JIT needs the paths, not the size;
  // a full-size warm-up would add half a minute at 10,000 domains to a benchmark that must stay short).
  const warmUp = planEstate(Math.min(domains, WARM_UP_DOMAINS));
  runOnce('raw', warmUp);
  runOnce('constructs', warmUp);
  const raw: Run[] = [];
  const ours: Run[] = [];
  for (let i = 0; i < runs; i++) {
    const order: Scenario[] = i % 2 === 0 ? ['raw', 'constructs'] : ['constructs', 'raw'];
    for (const scenario of order) (scenario === 'raw' ? raw : ours).push(runOnce(scenario, estate));
  }
  const rules = rulesPass(ours[ours.length - 1]!.stack);
  const pairRatios = raw.map((a, i) => round((ours[i]!.construct + ours[i]!.synth) / (a.construct + a.synth)));
  return { raw: result('raw', estate, raw), constructs: { ...result('constructs', estate, ours), rules }, pairRatios };
}

/** Peak RSS of one run of one scenario, this process doing nothing else. */
export function runRss(scenario: Scenario, domains: number): { scenario: Scenario; domains: number; peakRssMiB: number } {
  runOnce(scenario, planEstate(domains));
  return { scenario, domains, peakRssMiB: peakRssMiB() };
}

if (require.main === module) {
  const [mode, ...args] = process.argv.slice(2);
  if (mode === 'pair' && args.length === 3) {
    writeFileSync(args[2]!, JSON.stringify(runPair(Number(args[0]), Number(args[1]))));
  } else if (mode === 'rss' && (args[0] === 'raw' || args[0] === 'constructs') && args.length === 3) {
    writeFileSync(args[2]!, JSON.stringify(runRss(args[0], Number(args[1]))));
  } else {
    throw new Error('usage: synth-worker.js pair <domains> <runs> <out.json> | rss <raw|constructs> <domains> <out.json>');
  }
}

