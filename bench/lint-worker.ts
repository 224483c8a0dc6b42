/**
 * `lintZone` alone on one large zone, in its own process:
 *   node --expose-gc bench/lint-worker.js <records> <runs> <out.json>
 * The zone is plain data built before timing; each run lints it from scratch
 * (name normalisation, zone model, every rule). The first run is a warm-up.
 */
import { writeFileSync } from 'node:fs';
import * as root from '../lib';
import { resolveOwnerName } from '../lib/dns/names';
import { SourcedRecord } from '../lib/dns/record';
import { Zone } from '../lib/dns/zone';
import { runRules, RULES } from '../lib/rules';
import { collectGarbage, now, peakRssMiB, since, summarize, Summary } from './stats';

/** A record as `lintZone` takes it: relative or absolute name, upper- or lower-case type. */
export interface PlainRecord {
  readonly name: string;
  readonly type: string;
  readonly value: string;
  readonly priority?: number;
  readonly ttl?: number;
}

export interface PlainZone {
  readonly zone: string;
  readonly records: readonly PlainRecord[];
}

export interface LintResult {
  readonly records: number;
  /** `lintZone` when the package exports it, else the engine it wraps (Zone + runRules). */
  readonly linter: 'lintZone' | 'Zone+runRules';
  readonly rulesEnabled: number;
  readonly findings: number;
  readonly time: Summary;
  readonly peakRssMiB: number;
}

/**
 * A zone of `count` records in groups of ten per sub-domain: two MX to in-zone hosts with
 * A/AAAA, SPF, DMARC, a web A record and two CNAMEs. Every 500th group's backup MX is
 * an IP literal, so the zone has real findings (mx-target-ip) to report, not just passes.
 */
export function bigZone(count: number): PlainZone {
  const records: PlainRecord[] = [];
  for (let k = 0; records.length < count; k++) {
    const sub = `s${k}`;
    const group: PlainRecord[] = [
      { name: sub, type: 'MX', priority: 10, value: `mx1.${sub}.big.example` },
      { name: sub, type: 'MX', priority: 20, value: k % 500 === 499 ? '192.0.2.25' : `mx2.${sub}.big.example` },
      { name: `mx1.${sub}`, type: 'A', value: `192.0.2.${k % 250}` },
      { name: `mx2.${sub}`, type: 'A', value: `198.51.100.${k % 250}` },
      { name: `mx1.${sub}`, type: 'AAAA', value: `2001:db8::${(k % 65535).toString(16)}` },
      { name: sub, type: 'TXT', value: 'v=spf1 mx -all' },
      { name: `_dmarc.${sub}`, type: 'TXT', value: 'v=DMARC1; p=reject;' },
      { name: sub, type: 'A', value: `203.0.113.${k % 250}` },
      { name: `www.${sub}`, type: 'CNAME', value: `${sub}.big.example` },
      { name: `autodiscover.${sub}`, type: 'CNAME', value: 'autodiscover.outlook.com' },
    ];
    records.push(...group.slice(0, count - records.length));
  }
  return { zone: 'big.example', records };
}

type Linter = (zone: PlainZone) => number;

/** The package's `lintZone` if it exists (it is being written); otherwise the engine it will wrap. */
function linter(): { kind: LintResult['linter']; lint: Linter } {
  const lintZone = (root as Record<string, unknown>).lintZone;
  if (typeof lintZone === 'function') {
    return { kind: 'lintZone', lint: (zone) => countFindings((lintZone as (input: PlainZone) => unknown)(zone)) };
  }
  return {
    kind: 'Zone+runRules',
    lint: ({ zone, records }) => {
      const specs: SourcedRecord[] = records.map((r) => ({ ...r, type: r.type.toUpperCase(), name: resolveOwnerName(r.name, zone) }));
      return runRules(new Zone(resolveOwnerName('@', zone), specs)).findings.length;
    },
  };
}

function countFindings(result: unknown): number {
  if (Array.isArray(result)) return result.length;
  const findings = (result as { findings?: unknown } | undefined)?.findings;
  if (Array.isArray(findings)) return findings.length;
  throw new Error('lintZone returned neither findings nor { findings }');
}

export function runLint(count: number, runs: number): LintResult {
  const zone = bigZone(count);
  const { kind, lint } = linter();
  const times: number[] = [];
  let findings = 0;
  for (let run = 0; run <= runs; run++) {
    collectGarbage();
    const start = now();
    findings = lint(zone);
    const ms = since(start);
    if (run > 0) times.push(ms);
  }
  return { records: zone.records.length, linter: kind, rulesEnabled: RULES.length, findings, time: summarize(times), peakRssMiB: peakRssMiB() };
}

if (require.main === module) {
  const [count, runs, out] = process.argv.slice(2);
  if (!count || !runs || !out) throw new Error('usage: lint-worker.js <records> <runs> <out.json>');
  writeFileSync(out, JSON.stringify(runLint(Number(count), Number(runs))));
}
