/**
 * `lintZone` alone on one large zone, in its own process:
 *   node --expose-gc bench/lint-worker.js <records> <runs> <out.json>
 * The zone is plain data built before timing; each run lints it from scratch
 * (name normalisation, zone model, every rule). The first run is a warm-up.
 */
import { writeFileSync } from 'node:fs';
import { LintZoneInput, LintZoneRecord, lintZone, RULES } from '../lib';
import { collectGarbage, now, peakRssMiB, since, summarize, Summary } from './stats';

export interface LintResult {
  readonly records: number;
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
export function bigZone(count: number): LintZoneInput {
  const records: LintZoneRecord[] = [];
  for (let k = 0; records.length < count; k++) {
    const sub = `s${k}`;
    const group: LintZoneRecord[] = [
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

export function runLint(count: number, runs: number): LintResult {
  const zone = bigZone(count);
  const times: number[] = [];
  let findings = 0;
  for (let run = 0; run <= runs; run++) {
    collectGarbage();
    const start = now();
    findings = lintZone(zone).length;
    const ms = since(start);
    if (run > 0) times.push(ms);
  }
  return { records: zone.records.length, rulesEnabled: RULES.length, findings, time: summarize(times), peakRssMiB: peakRssMiB() };
}

if (require.main === module) {
  const [count, runs, out] = process.argv.slice(2);
  if (!count || !runs || !out) throw new Error('usage: lint-worker.js <records> <runs> <out.json>');
  writeFileSync(out, JSON.stringify(runLint(Number(count), Number(runs))));
}
