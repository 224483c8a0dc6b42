import { MxInputError } from '../dns/errors';
import { EstateDomain, placeOf } from './inventory';
import { rendezvousShard } from './rendezvous';

/** Domains per shard when none is given: a shard's refresh (about four records a domain) fits in Cloudflare's 1,200 requests per 5 minutes. */
export const DEFAULT_SHARD_SIZE = 250;

/** Options of {@link assignShards}. */
export interface ShardOptions {
  /** Most domains one shard may hold. Default {@link DEFAULT_SHARD_SIZE}. */
  readonly shardSize?: number;
  /**
   * A fixed number of shards. Default: the previous run's count (never fewer), at least
   * ceil(domains / shardSize), grown one at a time until no shard holds more than `shardSize`.
   */
  readonly shards?: number;
  /** The shard count of the previous run (from its estate record), so the count never shrinks by itself. */
  readonly previousShards?: number;
}

/** Which shard holds each domain. */
export interface ShardAssignment {
  readonly shardCount: number;
  readonly shardSize: number;
  /** Domain (lower-case ASCII apex) → shard index. */
  readonly shardOf: ReadonlyMap<string, number>;
}

/**
 * Assign domains to shards by rendezvous hashing of the domain name ({@link rendezvousShard}),
 * a pinned domain (`shard`) to its pin. At a fixed count, adding or removing a domain moves no
 * other domain; a count grown from N to N+1 moves about 1/(N+1) of them. Pure.
 */
export function assignShards(domains: readonly EstateDomain[], options: ShardOptions = {}): ShardAssignment {
  const shardSize = options.shardSize ?? DEFAULT_SHARD_SIZE;
  if (!Number.isInteger(shardSize) || shardSize < 1) throw new MxInputError('shardSize', `a whole number of domains per shard, at least 1, not ${String(shardSize)}`);
  if (options.shards !== undefined && (!Number.isInteger(options.shards) || options.shards < 1 || options.shards > 10000)) {
    throw new MxInputError('shards', `a whole number of shards from 1 to 10000, not ${String(options.shards)}`);
  }
  const highestPin = Math.max(-1, ...domains.map((d) => d.shard ?? -1));
  if (options.shards !== undefined && highestPin >= options.shards) {
    const pinned = domains.find((d) => d.shard === highestPin)!;
    throw new MxInputError(placeOf(pinned, 'shard'), `${pinned.domain} is pinned to shard ${highestPin}, but there are ${options.shards} shards (0 to ${options.shards - 1})`);
  }
  let count = options.shards ?? Math.max(1, Math.ceil(domains.length / shardSize), options.previousShards ?? 0, highestPin + 1);
  for (;;) {
    const shardOf = new Map<string, number>();
    const load = new Array<number>(count).fill(0);
    for (const entry of domains) {
      const shard = entry.shard ?? rendezvousShard(entry.domain, count);
      shardOf.set(entry.domain, shard);
      load[shard]!++;
    }
    const fullest = load.indexOf(Math.max(...load));
    if (load[fullest]! <= shardSize) return { shardCount: count, shardSize, shardOf };
    if (options.shards !== undefined) {
      throw new MxInputError('shards', `shard ${fullest} would hold ${load[fullest]} domains, more than shardSize ${shardSize}: give more shards, a larger shardSize, or leave shards unset so the count grows`);
    }
    count++;
  }
}
