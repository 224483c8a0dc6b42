/**
 * Caches that live as long as one rule run over one zone (see {@link withRunCaches}) and are
 * let go when it returns. Rules share what they derive from a zone (its index, parsed host
 * names, vendor groups) through them.
 *
 * Why not a `WeakMap` keyed by the zone: V8's young-generation collector keeps a WeakMap's
 * values alive while it copies, so every zone's index outlived its zone by two collections and
 * was promoted to old space. Validating 10,000 zones at synth promoted about 40 MiB that way,
 * and synth's peak RSS carried it (nothing collects old space before cdk.tf.json is written).
 */
let caches: Map<object, Map<unknown, unknown>> | undefined;

/**
 * Run `body` (a lint run over one zone) with run caches of its own, released when it returns.
 * Nested runs share the outer caches.
 */
export function withRunCaches<T>(body: () => T): T {
  if (caches) return body();
  caches = new Map();
  try {
    return body();
  } finally {
    caches = undefined;
  }
}

/**
 * `compute(key)` once per run for each key of the cache `kind` (a module's own token object);
 * outside a run, computed each time.
 */
export function runCached<K, V>(kind: object, key: K, compute: (key: K) => V): V {
  if (!caches) return compute(key);
  let cache = caches.get(kind) as Map<K, V> | undefined;
  if (!cache) {
    cache = new Map();
    caches.set(kind, cache as Map<unknown, unknown>);
  }
  let value = cache.get(key);
  if (value === undefined && !cache.has(key)) {
    value = compute(key);
    cache.set(key, value);
  }
  return value as V;
}
