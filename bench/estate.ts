/**
 * `npm run bench:estate`: what sharding an estate buys (issue 20 item 4, the part that needs no
 * provider). For 1,000 and 10,000 domains, one stack against stacks of 250 and of 100: synth wall time and
 * peak RSS (each synth in a fresh process, TypeScript through tsx as `cdktf synth` runs
 * examples/estate), then one domain changing vendor: the stacks `changed-stacks` lists and the
 * records their plans refresh (a Cloudflare refresh reads each record once). Times against
 * Cloudflare's rate limit are measured by `npm run bench:estate-plan` (real provider, rate-limited
 * loopback API): under its fixed 5-minute quota they are not proportional to the records.
 *
 *   npm run bench:estate                  1,000 and 10,000 domains
 *   npm run bench:estate -- --sizes=1000 --shard-sizes=250   a quick look
 * Writes bench/estate-results.json; prints a markdown table.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { compareSynths } from '../lib/estate/changed-stacks';
import { EstateRecord } from '../lib/estate/estate-record';
import { estateInventory } from './estate-inventory';
import { synthEstate as synth } from './estate-synth';

const ROOT = resolve(__dirname, '..');
/** The records the plans of the changed stacks refresh, from the estate record of the new synth. */
function recordsIn(outdir: string, stacks: ReadonlySet<string>): { changed: number; total: number } {
  const record = JSON.parse(readFileSync(join(outdir, 'mail-estate.json'), 'utf8')) as EstateRecord;
  let changed = 0;
  let total = 0;
  for (const { stack, addresses } of Object.values(record.domains)) {
    total += addresses.length;
    if (stacks.has(stack)) changed += addresses.length;
  }
  return { changed, total };
}

function main(): void {
  const sizes = (process.argv.find((a) => a.startsWith('--sizes='))?.slice(8) ?? '1000,10000').split(',').map(Number);
  const shardSizes = (process.argv.find((a) => a.startsWith('--shard-sizes='))?.slice(14) ?? '250,100').split(',').map(Number);
  if ([...sizes, ...shardSizes].some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--sizes and --shard-sizes take positive whole numbers');
  const dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-bench-estate-'));
  const rows = [];
  try {
    for (const n of sizes) {
      const before = join(dir, `${n}-a.csv`);
      const after = join(dir, `${n}-b.csv`);
      writeFileSync(before, estateInventory(n, false));
      writeFileSync(after, estateInventory(n, true));
      for (const [layout, shardSize] of [['one stack', n] as const, ...shardSizes.map((size) => [`stacks of ${size}`, size] as const)]) {
        const a = synth(dir, before, shardSize, `${n}-${shardSize}-a`);
        const b = synth(dir, after, shardSize, `${n}-${shardSize}-b`);
        const started = performance.now();
        const comparison = compareSynths(a.outdir, b.outdir);
        const compareMs = Math.round(performance.now() - started);
        const { changed, total } = recordsIn(b.outdir, new Set(comparison.changed.map((s) => s.name)));
        const row = {
          domains: n, layout, stacks: a.result.stacks, records: total,
          synthMs: a.result.ms, peakRssMiB: a.result.peakRssMiB,
          changedStacks: comparison.changed.length, changedStacksMs: compareMs,
          refreshRecordsOneChange: changed,
        };
        process.stderr.write(`[bench:estate] ${JSON.stringify(row)}\n`);
        rows.push(row);
        rmSync(a.outdir, { recursive: true, force: true });
        rmSync(b.outdir, { recursive: true, force: true });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const results = { date: new Date().toISOString(), loadavg: loadavg().map((l) => Math.round(l * 10) / 10), runtime: 'tsx (as cdktf synth runs examples/estate)', rows };
  writeFileSync(join(ROOT, 'bench', 'estate-results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const lines = [
    '| domains | layout | stacks | records | synth | peak RSS | one domain changed: stacks to plan | records refreshed |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.domains.toLocaleString('en')} | ${r.layout} | ${r.stacks} | ${r.records.toLocaleString('en')} | ${(r.synthMs / 1000).toFixed(1)} s | ${r.peakRssMiB} MiB | ${r.changedStacks} | ${r.refreshRecordsOneChange.toLocaleString('en')} |`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
