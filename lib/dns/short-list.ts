/**
 * `list` with `value` appended, for the many short per-name lists of a zone's indexes. V8 grows
 * an array on `push` to 1.5 × its length + 16 slots, so a list of one or two records built by
 * `push` holds 17 slots; here lists of one and two are created at their size instead (a zone of
 * 250,000 records, mostly two a name, holds tens of MiB less while the rules run). Returns the
 * list to keep: a new one for the first two values, `list` itself after that.
 */
export function appended<T>(list: readonly T[] | undefined, value: T): T[] {
  if (list === undefined || list.length === 0) return [value];
  if (list.length === 1) return [list[0]!, value];
  (list as T[]).push(value);
  return list as T[];
}
