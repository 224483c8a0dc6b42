import { resolveOwnerName } from '../dns/names';
import { RecordSpec, WrittenRecord } from '../dns/record';
import { inferredApexes } from '../testing/zone-records';
import { escapeTerraformString } from '../zones/terraform-strings';
import { PLAN_HOSTS, PlanHost } from './hosts';
import { ResourceChange, TerraformPlan } from './plan-json';

/**
 * A record before or after the plan: name absolute (lower-case ASCII, no trailing dot); MX
 * exchange / CNAME target lower-case without the trailing dot (`.` for a null MX); TXT unquoted;
 * `zone` the zone that holds it, as `<host> <zone key>` (the same name in two zones is two names).
 */
export type PlannedRecord = Pick<RecordSpec, 'name' | 'type' | 'value' | 'priority' | 'ttl' | 'proxied'> & Pick<WrittenRecord, 'resource'> & { readonly zone: string };

/**
 * What the apply does to a resource's records: `kept` (no-op, in-place update, read, forget:
 * the records the update keeps stay published throughout), `created`, `deleted`,
 * `replaced-delete-first` (`["delete","create"]`) or `replaced-create-first`
 * (`["create","delete"]`, create_before_destroy).
 */
export type Fate = 'kept' | 'created' | 'deleted' | 'replaced-delete-first' | 'replaced-create-first';

/** The action lists Terraform's plan format documents ("Plan Representation", `change.actions`). */
const KNOWN_ACTIONS: ReadonlySet<string> = new Set(['no-op', 'create', 'read', 'update', 'delete', 'delete,create', 'create,delete', 'forget']);

/** One DNS resource of the plan with the records it holds before and after. */
export interface PlannedResource {
  readonly change: ResourceChange;
  readonly host: PlanHost;
  readonly fate: Fate;
  /** The zone as `<host> <zone identity>` (of its records before the plan, else after; each record names its own). */
  readonly zone: string;
  readonly before: readonly PlannedRecord[];
  readonly after: readonly PlannedRecord[];
  /** Why the records of one side could not be read (values known only after apply, …); undefined when both were read. */
  readonly unreadable?: string;
  /** How the resource came under management from a live zone: `import id …` or `import block`; undefined when it did not. */
  readonly adopted?: string;
}

/** A zone of the plan: its apex (undefined when it cannot be told) and the records before and after. */
export interface PlannedZone {
  readonly key: string;
  readonly host: PlanHost;
  readonly apex?: string;
  readonly before: readonly PlannedRecord[];
  readonly after: readonly PlannedRecord[];
}

/** A change plan-check cannot read at all: a DNS resource type of a host it does not know. */
export interface UnreadChange {
  readonly change: ResourceChange;
  /** Why, for the finding. */
  readonly reason: string;
}

/** The plan as the plan rules see it. */
export interface PlanModel {
  readonly resources: readonly PlannedResource[];
  readonly zones: readonly PlannedZone[];
  /** DNS-looking resources of hosts no reader knows, changed by the plan (never dropped silently). */
  readonly unread: readonly UnreadChange[];
}

/** Addresses with an `import` block in the configuration, with the import id when it is a literal. */
export type ImportBlocks = ReadonlyMap<string, string | undefined>;

/**
 * Build the model: each change of a DNS resource type is read with its host's reader on
 * both sides (the plan's values escaped back into Terraform JSON form first, so a literal
 * `${` in a TXT value reads as itself), names resolved in their zone (the apex told by the
 * host, or inferred from the names written in full, as lint does for synthesized output).
 */
export function planModel(plan: TerraformPlan, imports: ImportBlocks = new Map(), hosts: readonly PlanHost[] = PLAN_HOSTS): PlanModel {
  const byType = new Map<string, PlanHost>();
  for (const host of hosts) for (const type of host.reader.recordTypes) byType.set(type, host);
  const read: Array<{ change: ResourceChange; host: PlanHost; before: WrittenRecord[]; after: WrittenRecord[]; unreadable?: string }> = [];
  const unread: UnreadChange[] = [];
  for (const change of plan.changes) {
    const host = byType.get(change.type);
    if (!host) {
      if (looksLikeDns(change.type) && !isNoOp(change.actions)) {
        unread.push({ change, reason: `${change.type} is not a DNS resource type plan-check reads (it reads ${[...byType.keys()].join(', ')})` });
      }
      continue;
    }
    const side = (attributes: Readonly<Record<string, unknown>> | null) =>
      attributes === null ? [] : host.reader.readRecords({ type: change.type, address: change.address, attributes: asConfigured(attributes) as Record<string, unknown> });
    const before = side(change.before);
    const after = side(change.after);
    const problems: string[] = [];
    if (!KNOWN_ACTIONS.has(change.actions.join(','))) problems.push(`its actions [${change.actions.join(', ')}] (not a combination Terraform documents; read as a delete)`);
    if (change.before === null && change.actions.includes('delete')) problems.push('what it deletes (the plan gives no attributes before it)');
    if (change.before !== null && before.length === 0) problems.push('its attributes before the plan');
    if (change.after !== null && after.length === 0) {
      problems.push(hasUnknown(change.afterUnknown) ? 'its attributes after the plan (values known only after apply)' : 'its attributes after the plan');
    }
    read.push({ change, host, before, after, ...(problems.length > 0 ? { unreadable: `cannot read ${problems.join(' or ')}` } : {}) });
  }
  // Zone apexes: from the host, else from every name written in full on either side.
  // The zone's key: host, zone identity, and (where the identity is unique only per server or
  // project) the provider configuration, so prod and staging zones of one name stay two zones.
  const keyOf = (host: PlanHost, zoneId: string, change: ResourceChange) => {
    const provider = host.zonesPerProvider && change.providerConfigKey !== undefined ? ` via ${change.providerConfigKey}` : '';
    return `${host.reader.name} ${host.reader.zoneKey(zoneId, new Map())}${provider}`;
  };
  const placed = read.flatMap(({ change, host, before, after }) => [...before, ...after].map((r) => ({ zoneId: keyOf(host, r.zoneId, change), name: r.name })));
  const inferred = inferredApexes(placed);
  const apexes = new Map<string, string | undefined>();
  const zoneHosts = new Map<string, PlanHost>();
  for (const { change, host, before, after } of read) {
    for (const record of [...before, ...after]) {
      const key = keyOf(host, record.zoneId, change);
      zoneHosts.set(key, host);
      if (!apexes.has(key)) apexes.set(key, host.apexOf?.(record.zoneId) ?? inferred.get(key));
    }
  }
  const resources: PlannedResource[] = read.map(({ change, host, before, after, unreadable }) => {
    const zoneId = before[0]?.zoneId ?? after[0]?.zoneId;
    const zone = zoneId === undefined ? `${host.reader.name} ?` : keyOf(host, zoneId, change);
    // Each record in its own zone: an update that moves a record to another zone removes it from the first.
    const normalise = (records: WrittenRecord[]) => records.map((r) => {
      const key = keyOf(host, r.zoneId, change);
      return plannedRecord(r, key, apexes.get(key));
    });
    const fate = fateOf(change.actions);
    const adopted = change.importing ? `import id ${change.importing.id ?? '(unknown)'}` : imports.has(change.address) ? `import block${imports.get(change.address) ? ` (id ${imports.get(change.address)})` : ''}` : undefined;
    // `forget` (a `removed` block) leaves the live records where they are; any other list with a delete deletes them.
    const afterRecords = change.actions.join(',') === 'forget' ? normalise(before) : fate === 'deleted' ? [] : normalise(after);
    return { change, host, fate, zone, before: normalise(before), after: afterRecords, ...(unreadable ? { unreadable } : {}), ...(adopted ? { adopted } : {}) };
  });
  const zones = [...zoneHosts].map(([key, host]) => {
    const of = (side: 'before' | 'after') => resources.flatMap((r) => r[side].filter((record) => record.zone === key));
    return { key, host, ...(apexes.get(key) !== undefined ? { apex: apexes.get(key) } : {}), before: of('before'), after: of('after') };
  });
  return { resources, zones, unread };
}

/** The fate of a resource's records from its planned actions. */
export function fateOf(actions: readonly string[]): Fate {
  const joined = actions.join(',');
  if (joined === 'create') return 'created';
  if (joined === 'delete') return 'deleted';
  if (joined === 'delete,create') return 'replaced-delete-first';
  if (joined === 'create,delete') return 'replaced-create-first';
  // Anything else with a delete (e.g. `["delete","forget"]`) is read as the delete it says.
  if (actions.includes('delete')) return 'deleted';
  return 'kept';
}

function isNoOp(actions: readonly string[]): boolean {
  return actions.length === 0 || actions.every((a) => a === 'no-op' || a === 'read');
}

/**
 * True for Terraform types that hold DNS records at hosts plan-check has no reader for
 * (`azurerm_dns_mx_record`, `digitalocean_record`, `ns1_record`, `powerdns_record`, …): their
 * changes are reported as unreadable rather than passed silently.
 */
function looksLikeDns(type: string): boolean {
  return /(^|_)dns(_|$)/.test(type) || /_(record|records|record_set|rrset)$/.test(type);
}

function plannedRecord(record: WrittenRecord, zone: string, apex: string | undefined): PlannedRecord {
  const written = record.name.trim();
  const name = apex !== undefined ? resolveOwnerName(written, apex) : resolveOwnerName(written.endsWith('.') ? written : `${written}.`, '.');
  const hostValued = record.type === 'MX' || record.type === 'CNAME';
  const value = hostValued && record.value !== '.' ? record.value.trim().toLowerCase().replace(/\.$/, '') : record.value;
  return {
    name,
    zone,
    type: record.type,
    value,
    ...(record.priority !== undefined ? { priority: record.priority } : {}),
    ...(record.ttl !== undefined ? { ttl: record.ttl } : {}),
    ...(record.proxied !== undefined ? { proxied: record.proxied } : {}),
    ...(record.resource !== undefined ? { resource: record.resource } : {}),
  };
}

/** Plan values are literal text: escape them into Terraform JSON form, which the hosts' readers read. */
function asConfigured(value: unknown): unknown {
  if (typeof value === 'string') return escapeTerraformString(value);
  if (Array.isArray(value)) return value.map(asConfigured);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asConfigured(v)]));
  return value;
}

function hasUnknown(value: unknown): boolean {
  if (value === true) return true;
  if (Array.isArray(value)) return value.some(hasUnknown);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(hasUnknown);
  return false;
}

/** `MX 10 mx1.example.net` — how findings show a record. */
export function describeRecord(record: PlannedRecord): string {
  return `${record.type}${record.priority !== undefined ? ` ${record.priority}` : ''} ${record.value}`;
}
