import { performance } from 'node:perf_hooks';

/** Median of a non-empty list (mean of the middle two for even lengths). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median and minimum of timed runs, in milliseconds. */
export interface Summary {
  readonly median: number;
  readonly min: number;
  readonly runs: readonly number[];
}

export function summarize(runs: readonly number[]): Summary {
  return { median: round(median(runs)), min: round(Math.min(...runs)), runs: runs.map(round) };
}

/** Milliseconds with two decimals: enough precision, stable JSON. */
export function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

/** Wall-clock milliseconds since `start` (from {@link now}). */
export function since(start: number): number {
  return performance.now() - start;
}

export const now = (): number => performance.now();

/** Collect garbage between runs when node runs with --expose-gc, so one run's garbage is not billed to the next. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

/** Peak resident set size of this process so far, in MiB. */
export function peakRssMiB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
