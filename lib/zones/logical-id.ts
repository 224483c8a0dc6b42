import { createHash } from 'node:crypto';

/**
 * A Terraform resource name derived from what a record is (type, owner, identity),
 * never from its position in a list or the construct tree, so reordering records or
 * wrapping constructs never renames (destroys and re-creates) a live record.
 * Parts are joined by `__`; a part maps dots to `_`, so the name is readable and one-to-one
 * for LDH names. Where it would not be one-to-one (underscores, other characters), a short hash is added.
 */
export function recordLogicalId(type: string, name: string, identity: string): string {
  // Runs once per record at construction: plain string work, no per-part arrays or closures.
  const readable = `${readablePart(type)}__${readablePart(name)}__${readablePart(identity)}`;
  const lossless = LDH_OR_DOT.test(name) && LDH_OR_DOT.test(identity) && readable.length <= 200;
  const base = readable.length > 200 ? readable.slice(0, 200) : readable;
  if (lossless) return base;
  const key = `${type} ${name} ${identity}`.toLowerCase();
  return `${base}_${createHash('sha256').update(key).digest('hex').slice(0, 8)}`;
}

/**
 * The Terraform resource name of a record set: type and owner name, e.g. `mx__example_com`
 * (record-set hosts hold every value of a name + type in one resource, so values never
 * rename it). Readable and one-to-one like {@link recordLogicalId}; a short hash where not.
 */
export function recordSetLogicalId(type: string, name: string): string {
  const readable = `${readablePart(type)}__${readablePart(name)}`;
  if (LDH_OR_DOT.test(name) && readable.length <= 200) return readable;
  const key = `${type} ${name}`.toLowerCase();
  return `${readable.slice(0, 200)}_${createHash('sha256').update(key).digest('hex').slice(0, 8)}`;
}

const LDH_OR_DOT = /^[a-z0-9.-]*$/i;
const NOT_LDH = /[^a-z0-9-]+/g;
const UNDERSCORE = 95;

/** A part lower-cased, every run of other characters as one `_`, without `_` at either end. */
function readablePart(part: string): string {
  const mapped = part.toLowerCase().replace(NOT_LDH, '_');
  let start = 0;
  let end = mapped.length;
  while (start < end && mapped.charCodeAt(start) === UNDERSCORE) start++;
  while (end > start && mapped.charCodeAt(end - 1) === UNDERSCORE) end--;
  return start === 0 && end === mapped.length ? mapped : mapped.slice(start, end);
}

/**
 * The logical id of a record that is also declared, with the same id, in another zone of the
 * stack (one domain under two zone ids): the record's id plus its zone, so both records are
 * kept. `zone` is the zone id with tokens resolved (e.g. `${var.staging_zone_id}`).
 */
export function zoneQualifiedLogicalId(logicalId: string, zone: string): string {
  const readable = readablePart(zone).slice(0, 60);
  const suffix = LDH_OR_DOT.test(zone) && zone.length <= 60 ? '' : `_${createHash('sha256').update(zone).digest('hex').slice(0, 8)}`;
  return `${logicalId}__in__${readable}${suffix}`;
}

const firstZones = new WeakMap<object, Map<string, string>>();

/**
 * The logical id of a resource of `resourceType` in zone `zoneKey` (the zone's identity with
 * tokens resolved) of `stack`: `logicalId` in the first zone of the stack that uses it, so a
 * single-zone stack's addresses never change; zone-qualified ({@link zoneQualifiedLogicalId})
 * in any other zone (one domain under two zone ids), so both resources are kept. A zone with a
 * `pinnedQualifier` always gets the address qualified with it and leaves the plain one alone.
 */
export function zoneUniqueLogicalId(stack: object, resourceType: string, logicalId: string, zoneKey: string, pinnedQualifier?: string): string {
  if (pinnedQualifier !== undefined) return zoneQualifiedLogicalId(logicalId, pinnedQualifier);
  let first = firstZones.get(stack);
  if (!first) {
    first = new Map();
    firstZones.set(stack, first);
  }
  const key = `${resourceType} ${logicalId}`;
  const zone = first.get(key);
  if (zone === undefined) first.set(key, zoneKey);
  else if (zone !== zoneKey) return zoneQualifiedLogicalId(logicalId, zoneKey);
  return logicalId;
}
