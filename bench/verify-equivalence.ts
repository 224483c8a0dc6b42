/**
 * The two scenarios must publish the same thing, or the comparison means nothing:
 * synthesize both for `n` domains and compare every cloudflare_dns_record (address
 * and attributes; cdktf's `//` metadata, which holds construct paths, is ignored).
 *   node bench/verify-equivalence.js <domains>
 */
import { isDeepStrictEqual } from 'node:util';
import { Testing } from 'cdktf';
import { buildConstructEstate, buildRawEstate, DomainPlan, newMailStack, planEstate, recordCount } from './workload';

type Resources = Record<string, Record<string, unknown>>;

function synthesizedRecords(build: (stack: ReturnType<typeof newMailStack>, estate: readonly DomainPlan[]) => void, estate: readonly DomainPlan[]): Resources {
  const stack = newMailStack(Testing.app());
  build(stack, estate);
  stack.runAllValidations(); // our rules: an error here would fail App.synth in the timed runs too
  const json = stack.toTerraform() as { resource?: { cloudflare_dns_record?: Resources } };
  const records = json.resource?.cloudflare_dns_record ?? {};
  return Object.fromEntries(Object.entries(records).map(([id, { ['//']: _metadata, ...attributes }]) => [id, attributes]));
}

export function verifyEquivalence(domains: number): { domains: number; records: number } {
  const estate = planEstate(domains);
  const raw = synthesizedRecords(buildRawEstate, estate);
  const ours = synthesizedRecords(buildConstructEstate, estate);
  const expected = recordCount(estate);
  const problems: string[] = [];
  if (Object.keys(raw).length !== expected) problems.push(`raw stack has ${Object.keys(raw).length} records, expected ${expected}`);
  for (const id of new Set([...Object.keys(raw), ...Object.keys(ours)])) {
    if (!isDeepStrictEqual(raw[id], ours[id])) problems.push(`${id}: raw ${JSON.stringify(raw[id])} vs constructs ${JSON.stringify(ours[id])}`);
  }
  if (problems.length > 0) throw new Error(`scenarios differ, the benchmark would compare unlike things:\n  ${problems.slice(0, 10).join('\n  ')}`);
  return { domains, records: expected };
}

if (require.main === module) {
  process.stdout.write(JSON.stringify(verifyEquivalence(Number(process.argv[2] ?? 1000))));
}
