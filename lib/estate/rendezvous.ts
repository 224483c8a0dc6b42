/**
 * Rendezvous (highest-random-weight) hashing: a key goes to the shard whose (key, shard) score
 * is highest. Adding or removing a key moves no other key; growing from N to N+1 shards moves
 * only the keys the new shard wins, about 1/(N+1) of them; shrinking moves only the keys of the
 * removed shard. The score function is part of the public contract: changing it would move
 * every domain of every estate, so it is fixed (FNV-1a over the UTF-8 key, murmur3's finaliser).
 */
export function rendezvousShard(key: string, shardCount: number): number {
  const base = keyHash(key);
  let best = 0;
  let bestScore = -1;
  for (let shard = 0; shard < shardCount; shard++) {
    const score = shardScore(base, shard);
    if (score > bestScore) {
      best = shard;
      bestScore = score;
    }
  }
  return best;
}

/** FNV-1a (32 bit) over the key's UTF-8 bytes, finalised. */
export function keyHash(key: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(key, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return fmix32(hash);
}

/** The (key, shard) weight: unsigned 32 bit. */
export function shardScore(keyHashValue: number, shard: number): number {
  return fmix32(keyHashValue ^ fmix32(Math.imul(shard + 1, 0x9e3779b1))) >>> 0;
}

/** murmur3's 32-bit finaliser: every input bit affects every output bit. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
