/** One estate synth in a fresh process (bench/estate-worker.ts), for the estate benches. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');

/** Wall time and peak RSS of one synth (the worker process's own), and the stacks it made. */
export interface EstateSynth {
  readonly ms: number;
  readonly peakRssMiB: number;
  readonly stacks: number;
}

/**
 * Synthesize the inventory `csv` in stacks of `shardSize` into `<dir>/<name>`; with `stateDir`,
 * each stack keeps its local state there and the provider is pinned (see estate-worker.ts).
 */
export function synthEstate(dir: string, csv: string, shardSize: number, name: string, stateDir?: string): { result: EstateSynth; outdir: string } {
  const outdir = join(dir, name);
  const resultFile = join(dir, `${name}.json`);
  const args = [join(ROOT, 'bench', 'estate-worker.ts'), csv, String(shardSize), outdir, resultFile, ...(stateDir !== undefined ? [stateDir] : [])];
  execFileSync(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return { result: JSON.parse(readFileSync(resultFile, 'utf8')) as EstateSynth, outdir };
}
