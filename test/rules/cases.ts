import { resolveOwnerName, toAscii } from '../../lib/dns/names';
import { RecordOrigin, SourcedRecord } from '../../lib/dns/record';
import { Zone } from '../../lib/dns/zone';
import { DEFAULT_MIN_PRIORITY_GAP } from '../../lib/rules/engine';
import { Rule, RuleHit } from '../../lib/rules/rule';

/** A record in a test table: `[name, type, value, priority?]`, or an object for ttl/proxied/origin. */
export type Rec =
  | readonly [name: string, type: string, value: string, priority?: number]
  | { name: string; type: string; value: string; priority?: number; ttl?: number; proxied?: boolean; origin?: RecordOrigin };

/** One row of a rule's table. */
export interface RuleCase {
  readonly label: string;
  readonly records: readonly Rec[];
  /** Zone apex; default example.com. */
  readonly zone?: string;
  readonly minPriorityGap?: number;
  /** For firing cases: a fragment every message must contain… */
  readonly message?: string | RegExp;
  /** …and how many hits (default: at least one). */
  readonly count?: number;
  /** Owner name (no trailing dot) of the first hit. */
  readonly at?: string;
  /** MTA-STS policy texts served outside DNS, by policy domain (`@` or relative), as `--mta-sts-policy` gives them. */
  readonly policies?: Readonly<Record<string, string>>;
}

/** The zone model of a table's records, names resolved as lintZone resolves them. */
export function zoneOf(records: readonly Rec[], zone = 'example.com', policies: Readonly<Record<string, string>> = {}): Zone {
  const apex = toAscii(zone)!;
  const specs: SourcedRecord[] = records.map((rec) => {
    const r = Array.isArray(rec) ? { name: rec[0], type: rec[1], value: rec[2], ...(rec[3] !== undefined ? { priority: rec[3] } : {}) } : (rec as Exclude<Rec, readonly unknown[]>);
    return { ...r, name: resolveOwnerName(r.name, apex) };
  });
  const documents = Object.entries(policies).map(([name, text]) => ({ kind: 'mta-sts-policy' as const, name: resolveOwnerName(name, apex), text }));
  return new Zone(apex, specs, documents);
}

/** What one rule finds in a table's records. */
export function hits(rule: Rule, records: readonly Rec[], options: { zone?: string; minPriorityGap?: number; policies?: Readonly<Record<string, string>> } = {}): RuleHit[] {
  const zone = zoneOf(records, options.zone, options.policies);
  return [...rule.check({ zone, settings: { minPriorityGap: options.minPriorityGap ?? DEFAULT_MIN_PRIORITY_GAP } })];
}

/**
 * The standard test of a rule: every `fires` case yields hits (with the message, count
 * and owner asked for), every `quiet` case none; plus the rule's own documentation.
 */
export function describeRule(rule: Rule, table: { fires: readonly RuleCase[]; quiet: readonly RuleCase[] }): void {
  describe(`${rule.id} (${rule.severity})`, () => {
    test('is documented: summary, why with a source, fix', () => {
      expect(rule.summary.length).toBeGreaterThan(10);
      expect(rule.why.length).toBeGreaterThan(80);
      expect(rule.fix.length).toBeGreaterThan(15);
      expect(rule.sources?.length ?? 0).toBeGreaterThan(0);
    });
    test.each(table.fires.map((c) => [c.label, c] as const))('reports: %s', (_label, c) => {
      const found = hits(rule, c.records, c);
      if (c.count !== undefined) expect(found).toHaveLength(c.count);
      else expect(found.length).toBeGreaterThan(0);
      if (c.message !== undefined) for (const hit of found) expect(hit.message).toMatch(c.message);
      if (c.at !== undefined) expect(found[0].name).toBe(c.at);
    });
    test.each(table.quiet.map((c) => [c.label, c] as const))('accepts: %s', (_label, c) => {
      expect(hits(rule, c.records, c).map((h) => h.message)).toEqual([]);
    });
  });
}
