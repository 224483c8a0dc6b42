import { isInZone, resolveOwnerName, toAscii } from '../dns/names';

/** A record placed in a zone by the host's identity of the zone (e.g. a Cloudflare zone id), its name as written (`@`, relative or FQDN). */
export interface PlacedRecord {
  readonly zoneId: string;
  readonly name: string;
}

/**
 * The records of zone `domain` among records of many zones, names resolved against it
 * the way Cloudflare does (`@` is the apex, a name not ending in the zone is relative).
 *
 * Synthesized output does not say which domain a zone id (often `${var.…}`) belongs to,
 * so it is decided from the names: a zone id belongs to `domain` when one of its FQDN
 * names is at or below it. When a delegated child zone also qualifies, the zone ids with
 * a record at the apex itself win. `zoneId` picks the zone explicitly.
 */
export function recordsOfZone<T extends PlacedRecord>(records: readonly T[], domain: string, zoneId?: string): T[] {
  const apex = resolveOwnerName('@', domain);
  let ids: Set<string>;
  if (zoneId !== undefined) {
    ids = new Set([zoneId]);
  } else {
    const below = new Set<string>();
    const atApex = new Set<string>();
    for (const record of records) {
      const name = absoluteName(record.name);
      if (name === undefined || !isInZone(name, apex)) continue;
      below.add(record.zoneId);
      if (name === apex) atApex.add(record.zoneId);
    }
    ids = atApex.size > 0 ? atApex : below;
  }
  return records.filter((r) => ids.has(r.zoneId)).map((r) => ({ ...r, name: resolveOwnerName(r.name, apex) }));
}

/**
 * Records with every name made absolute without being told the zone: FQDN names are
 * taken as they are, `@` and single-label names are resolved against the zone's apex
 * inferred from its other names (their longest common suffix of at least two labels).
 * Records whose zone cannot be inferred keep the name as written.
 */
export function withAbsoluteNames<T extends PlacedRecord>(records: readonly T[]): T[] {
  const apexes = inferredApexes(records);
  return records.map((record) => {
    const apex = apexes.get(record.zoneId);
    const name = absoluteName(record.name) ?? (apex !== undefined ? resolveOwnerName(record.name, apex) : record.name);
    return { ...record, name };
  });
}

/**
 * The apex of each zone id, inferred from the names written in full (their longest common
 * suffix of at least two labels); undefined for a zone id whose apex cannot be told.
 */
export function inferredApexes(records: readonly PlacedRecord[]): Map<string, string | undefined> {
  const namesByZone = new Map<string, string[]>();
  for (const record of records) {
    const list = namesByZone.get(record.zoneId) ?? [];
    namesByZone.set(record.zoneId, list);
    const name = absoluteName(record.name);
    if (name !== undefined) list.push(name);
  }
  return new Map([...namesByZone].map(([id, names]) => [id, names.length > 0 ? commonSuffix(names) : undefined] as const));
}

/** Lower-case ASCII name without the trailing dot, for names written in full; undefined for `@` and single labels. */
function absoluteName(name: string): string | undefined {
  const bare = name.trim().replace(/\.$/, '');
  if (bare === '' || bare === '@' || !bare.includes('.')) return undefined;
  return toAscii(bare) ?? bare.toLowerCase();
}

function commonSuffix(names: readonly string[]): string | undefined {
  let suffix = names[0].split('.');
  for (const name of names.slice(1)) {
    const labels = name.split('.');
    let n = 0;
    while (n < suffix.length && n < labels.length && suffix[suffix.length - 1 - n] === labels[labels.length - 1 - n]) n++;
    suffix = suffix.slice(suffix.length - n);
  }
  return suffix.length >= 2 ? suffix.join('.') : undefined;
}
