// Issue 20 item 1: stable assignment. Property tests over random inventories: adding or removing a
// domain moves no other domain; N -> N+1 shards moves about 1/(N+1) of them, all to the new shard;
// pins are honoured; no shard holds more than shardSize.
import fc from 'fast-check';
import { assignShards, EstateDomain, MxInputError, rendezvousShard } from '../../lib';

const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,14}[a-z0-9]$/);
const domainName = fc.tuple(label, fc.constantFrom('com', 'example', 'net', 'org', 'de')).map(([l, tld]) => `${l}.${tld}`);
const domainSet = (min: number, max: number) => fc.uniqueArray(domainName, { minLength: min, maxLength: max });
const entries = (names: readonly string[]): EstateDomain[] => names.map((domain) => ({ domain, zoneId: 'z', preset: 'null-mx' }));

/** Domains whose shard differs between two assignments. */
function movedBetween(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): string[] {
  return [...a].filter(([domain, shard]) => b.has(domain) && b.get(domain) !== shard).map(([domain]) => domain);
}

describe('rendezvous assignment', () => {
  test('adding a domain moves no other domain (fixed shard count)', () => {
    fc.assert(fc.property(domainSet(1, 300), domainName, fc.integer({ min: 1, max: 40 }), (names, extra, shards) => {
      fc.pre(!names.includes(extra));
      const before = assignShards(entries(names), { shards, shardSize: 100000 });
      const after = assignShards(entries([...names, extra]), { shards, shardSize: 100000 });
      expect(movedBetween(before.shardOf, after.shardOf)).toEqual([]);
    }), { numRuns: 200 });
  });

  test('removing a domain moves no other domain', () => {
    fc.assert(fc.property(domainSet(2, 300), fc.nat(), fc.integer({ min: 1, max: 40 }), (names, pick, shards) => {
      const gone = names[pick % names.length];
      const before = assignShards(entries(names), { shards, shardSize: 100000 });
      const after = assignShards(entries(names.filter((n) => n !== gone)), { shards, shardSize: 100000 });
      expect(movedBetween(before.shardOf, after.shardOf)).toEqual([]);
    }), { numRuns: 200 });
  });

  test('N -> N+1 shards moves only domains to the new shard, about 1/(N+1) of them', () => {
    // 2,000 names from a random prefix (fast-check's unique arrays of that size are slow).
    fc.assert(fc.property(label, fc.integer({ min: 2, max: 30 }), (prefix, n) => {
      const names = Array.from({ length: 2000 }, (_, i) => `${prefix}${i}.example`);
      const before = assignShards(entries(names), { shards: n, shardSize: 100000 });
      const after = assignShards(entries(names), { shards: n + 1, shardSize: 100000 });
      const moved = movedBetween(before.shardOf, after.shardOf);
      for (const domain of moved) expect(after.shardOf.get(domain)).toBe(n);
      const expected = names.length / (n + 1);
      // Binomial(2000, 1/(N+1)): 5 standard deviations either side.
      const sd = Math.sqrt(names.length * (1 / (n + 1)) * (n / (n + 1)));
      expect(Math.abs(moved.length - expected)).toBeLessThan(5 * sd);
    }), { numRuns: 8 });
  });

  test('a naive index % N split would move most domains; rendezvous moves 1/(N+1) (10 -> 11 shards, 5,000 domains)', () => {
    const names = Array.from({ length: 5000 }, (_, i) => `domain-${i}.example`);
    const moved = names.filter((d) => rendezvousShard(d, 10) !== rendezvousShard(d, 11)).length;
    const naive = names.filter((_, i) => i % 10 !== i % 11).length;
    expect(moved / names.length).toBeGreaterThan(0.07);
    expect(moved / names.length).toBeLessThan(0.12);
    expect(naive / names.length).toBeGreaterThan(0.8);
  });

  test('pins are honoured and pinned domains move nothing else', () => {
    fc.assert(fc.property(domainSet(2, 200), fc.nat(), fc.integer({ min: 2, max: 20 }), fc.nat(), (names, pick, shards, pin) => {
      const pinned = names[pick % names.length];
      const shard = pin % shards;
      const plain = assignShards(entries(names), { shards, shardSize: 100000 });
      const withPin = assignShards(entries(names).map((e) => (e.domain === pinned ? { ...e, shard } : e)), { shards, shardSize: 100000 });
      expect(withPin.shardOf.get(pinned)).toBe(shard);
      expect(movedBetween(plain.shardOf, withPin.shardOf).filter((d) => d !== pinned)).toEqual([]);
    }), { numRuns: 200 });
  });

  test('without a fixed count, no shard holds more than shardSize and the count never shrinks below the previous one', () => {
    fc.assert(fc.property(domainSet(1, 400), fc.integer({ min: 5, max: 60 }), fc.integer({ min: 0, max: 12 }), (names, shardSize, previousShards) => {
      const result = assignShards(entries(names), { shardSize, previousShards });
      const load = new Map<number, number>();
      for (const shard of result.shardOf.values()) load.set(shard, (load.get(shard) ?? 0) + 1);
      expect(Math.max(...load.values())).toBeLessThanOrEqual(shardSize);
      expect(result.shardCount).toBeGreaterThanOrEqual(Math.max(previousShards, Math.ceil(names.length / shardSize)));
    }), { numRuns: 100 });
  });

  test('the assignment is a pure function of the names: the same in any order', () => {
    fc.assert(fc.property(domainSet(1, 100), (names) => {
      const a = assignShards(entries(names), { shards: 7, shardSize: 100000 });
      const b = assignShards(entries([...names].reverse()), { shards: 7, shardSize: 100000 });
      expect([...b.shardOf].sort()).toEqual([...a.shardOf].sort());
    }));
  });

  test('the score function is fixed: known domains keep their shards across releases', () => {
    // Changing the hash would move every domain of every estate; this pins it.
    expect(['example.com', 'example.net', 'mail.example.org', 'xn--bcher-kva.example'].map((d) => rendezvousShard(d, 16))).toMatchSnapshot();
  });

  test('wrong inputs are MxInputErrors naming the field', () => {
    expect(() => assignShards(entries(['a.example']), { shardSize: 0 })).toThrow(MxInputError);
    expect(() => assignShards(entries(['a.example']), { shardSize: 0 })).toThrow(/shardSize: a whole number of domains per shard, at least 1, not 0/);
    expect(() => assignShards(entries(['a.example']), { shards: 1.5 })).toThrow(/shards: a whole number of shards from 1 to 10000, not 1.5/);
    expect(() => assignShards([{ domain: 'a.example', zoneId: 'z', preset: 'null-mx', shard: 4 }], { shards: 3 })).toThrow(/domains\[a.example\].shard: a.example is pinned to shard 4, but there are 3 shards \(0 to 2\)/);
    expect(() => assignShards(entries(Array.from({ length: 30 }, (_, i) => `d${i}.example`)), { shards: 2, shardSize: 10 })).toThrow(/shards: shard \d would hold \d+ domains, more than shardSize 10/);
  });
});
