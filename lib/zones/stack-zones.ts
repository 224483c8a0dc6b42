import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { resolveOwnerName } from '../dns/names';
import { RecordOrigin, SourcedRecord, WrittenRecord } from '../dns/record';
import { Zone, ZoneDocument } from '../dns/zone';
import { HostReader, ZoneTarget } from './host';
import { configuredResources, resolveTokens } from './configured-resources';
import { ZoneRegistry } from './registry';

/** A record the user wrote as a raw resource, before its name is resolved against a zone. */
export interface RawRecord extends WrittenRecord {
  readonly origin: RecordOrigin;
  /** The host that reads the resource. */
  readonly host: HostReader;
  /** Terraform address of the resource. */
  readonly address: string;
}

/** One declared zone as it will be published: our records and the user's raw records in it. */
export interface ZoneModel {
  readonly zone: Zone;
  /** The zone as our constructs declared it (first declaration). */
  readonly target: ZoneTarget;
  /** The identity with tokens resolved, e.g. `${var.corp_zone_id}` or the literal id. */
  readonly identity: string;
}

interface ZoneEntry {
  readonly target: ZoneTarget;
  readonly identity: string;
  readonly declaredBy: string;
  readonly records: SourcedRecord[];
  readonly documents: Array<() => ZoneDocument>;
}

/** Every declared zone of a stack as it will be published, and declarations that contradict each other. */
export interface StackZones {
  readonly models: ZoneModel[];
  /** e.g. one zone id declared for two domains. */
  readonly conflicts: string[];
}

/** A stack's declared zones, built one at a time as they are iterated (see {@link eachStackZone}). */
export interface StackZoneSource {
  /** Each declared zone, its model built when it is reached; iterate once. */
  readonly models: Iterable<ZoneModel>;
  /** e.g. one zone id declared for two domains. */
  readonly conflicts: string[];
}

/**
 * The stack's declared zones as the rules see them: registry → each host reads the stack's
 * raw resources of its types → zone models. Our own records come from the registry as
 * declared (one spec per record, whatever resource holds it); the user's records are read
 * from their resources by Terraform type, whichever class made them. Zones are matched by
 * the host's zone key, so two references to one variable, or two data sources naming the
 * same zone, are one zone.
 */
export function stackZones(scope: IConstruct): StackZones {
  const { models, conflicts } = eachStackZone(scope);
  return { models: [...models], conflicts };
}

/**
 * {@link stackZones} for a caller that handles one zone at a time (validation at synth): each
 * zone's model (its record index) is built only when reached, and the source lets go of it
 * once the caller moves on, so a large estate's zones are never all indexed at once.
 */
export function eachStackZone(scope: IConstruct): StackZoneSource {
  const registry = ZoneRegistry.of(scope);
  const { records, keyOf } = rawRecordReader(scope, registry.hosts(), (resource) => registry.isOurs(resource));
  const declared = new Map<string, ZoneEntry>();
  const conflicts: string[] = [];
  for (const { target, declaredBy } of registry.zones()) {
    const { key, identity } = keyOf(target.host, target.identity, scope);
    const existing = declared.get(key);
    if (!existing) declared.set(key, { target, identity, declaredBy, records: [], documents: [] });
    else if (existing.target.apex !== target.apex) {
      conflicts.push(`${target.host.name} zone ${identity} is used for "${existing.target.apex}" (${existing.declaredBy}) and for "${target.apex}" (${declaredBy}); a zone belongs to one domain.`);
    }
  }
  // Constructs share one zone object across their records: look each up once.
  const entryOf = new Map<ZoneTarget, ZoneEntry | undefined>();
  for (const { spec, zone, resource } of registry.published) {
    let entry = entryOf.get(zone);
    if (entry === undefined && !entryOf.has(zone)) {
      const found = declared.get(keyOf(zone.host, zone.identity, scope).key);
      entry = found && found.target.apex === zone.apex ? found : undefined;
      entryOf.set(zone, entry);
    }
    if (!entry) continue;
    // On a record-set host our set resource owns its name and type, as a raw one does: rules see both.
    const held = zone.host.recordSets ? { ...spec, resource: { address: `${resource.terraformResourceType}.${resource.friendlyUniqueId}`, ownsRecordSet: true } } : spec;
    if (!Token.isUnresolved(spec.value)) {
      entry.records.push(held);
      continue;
    }
    // A lazy value (a merged SPF) as it will be written; skipped when only known at apply.
    const value = resolveTokens(resource, spec.value);
    if (typeof value === 'string' && !value.includes('${')) entry.records.push({ ...held, value });
  }
  for (const { zone, produce } of registry.documents) {
    const entry = declared.get(keyOf(zone.host, zone.identity, scope).key);
    if (entry && entry.target.apex === zone.apex) entry.documents.push(produce);
  }
  // Each raw record becomes its final form as it is read; its resource's attributes are let go.
  records((written, host, origin) => {
    const entry = declared.get(keyOf(host, written.zoneId).key);
    if (entry) entry.records.push(zoneRecord(written, entry.target.apex, origin));
  });
  function* models(): Generator<ZoneModel> {
    for (const [key, { target, identity, records: list, documents }] of declared) {
      declared.delete(key);
      yield { target, identity, zone: new Zone(target.apex, list, documents.map((produce) => produce())) };
    }
  }
  return { models: models(), conflicts };
}

/**
 * The user's raw records of the given hosts below `scope` (resources `skip` accepts left out),
 * and the zone key of an identity: the host's key of the resolved identity, prefixed by the host.
 */
export function readRawRecords(scope: IConstruct, hosts: readonly HostReader[], skip?: (resource: IConstruct) => boolean): {
  records: RawRecord[];
  keyOf: (host: HostReader, identity: string, tokenScope?: IConstruct) => { key: string; identity: string };
} {
  const { records: read, keyOf } = rawRecordReader(scope, hosts, skip);
  const records: RawRecord[] = [];
  read((written, host, origin, address) => records.push({ ...written, origin, host, address }));
  return { records, keyOf };
}

/** Calls `visit` with each record the hosts read from a raw resource, one resource's attributes alive at a time. */
type RawRecordVisitor = (record: WrittenRecord, host: HostReader, origin: RecordOrigin, address: string) => void;

function rawRecordReader(scope: IConstruct, hosts: readonly HostReader[], skip?: (resource: IConstruct) => boolean): {
  records: (visit: RawRecordVisitor) => void;
  keyOf: (host: HostReader, identity: string, tokenScope?: IConstruct) => { key: string; identity: string };
} {
  const byType = new Map<string, HostReader>();
  for (const host of hosts) for (const type of host.recordTypes) byType.set(type, host);
  const raw = configuredResources(scope, {
    recordTypes: new Set(byType.keys()),
    zoneTypes: new Set(hosts.flatMap((host) => host.zoneTypes)),
    ...(skip ? { skip } : {}),
  });
  const records = (visit: RawRecordVisitor) => {
    for (const resource of raw.records) {
      const host = byType.get(resource.type)!;
      const origin = { path: resource.path };
      for (const written of host.readRecords(resource)) visit(written, host, origin, resource.address);
    }
  };
  const cache = new Map<string, { key: string; identity: string }>();
  const keyOf = (host: HostReader, identity: string, tokenScope?: IConstruct) => {
    const cacheKey = `${host.name} ${identity}`;
    let found = cache.get(cacheKey);
    if (!found) {
      const value = tokenScope ? resolveTokens(tokenScope, identity) : identity;
      const resolved = typeof value === 'string' ? value : identity;
      found = { key: `${host.name} ${host.zoneKey(resolved, raw.zones)}`, identity: resolved };
      cache.set(cacheKey, found);
    }
    return found;
  };
  return { records, keyOf };
}

/** A raw record as rules see it: its name resolved in its zone. */
export function zoneRecord(record: WrittenRecord & { readonly origin?: RecordOrigin }, apex: string, origin = record.origin): SourcedRecord {
  const out: { -readonly [K in keyof SourcedRecord]: SourcedRecord[K] } = { name: resolveOwnerName(record.name, apex), type: record.type, value: record.value };
  if (record.priority !== undefined) out.priority = record.priority;
  if (record.ttl !== undefined) out.ttl = record.ttl;
  if (record.proxied !== undefined) out.proxied = record.proxied;
  if (origin !== undefined) out.origin = origin;
  if (record.resource !== undefined) out.resource = record.resource;
  return out;
}
