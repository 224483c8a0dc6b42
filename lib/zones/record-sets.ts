import { Annotations, IResolveContext, TerraformResource, TerraformStack, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { MxInputError } from '../dns/errors';
import { SourcedRecord } from '../dns/record';
import { ZoneTarget } from './host';
import { recordSetLogicalId, zoneUniqueLogicalId } from './logical-id';
import { ZoneRegistry } from './registry';

/** One record in a set, and the construct that declared it. */
export interface RecordSetMember {
  /** The record as declared; its value may be a lazy token (a merged SPF). */
  readonly record: SourcedRecord;
  /** What makes the record itself within the set (the exchange of an MX, `spf` for the SPF TXT). */
  readonly identity: string;
  /** The construct that published it. */
  readonly declaredBy: IConstruct;
}

/**
 * Every record of one (zone, name, type) our constructs published: one resource on a
 * record-set host. `members` grows while the stack is built; the resource reads it lazily at synth.
 */
export interface RecordSet {
  readonly zone: ZoneTarget;
  /** Owner name: lower-case ASCII FQDN without the trailing dot. */
  readonly name: string;
  /** Record type, upper case. */
  readonly type: string;
  /** The set's one TTL (every member declares the same). */
  readonly ttl: number;
  readonly members: RecordSetMember[];
}

/** A member's record with its value as it will be written (lazy values resolved). */
export interface ResolvedMember {
  readonly value: string;
  readonly priority?: number;
}

/** What a record-set host supplies to {@link publishToRecordSet}. */
export interface RecordSetEmitter {
  /** Host name for messages, e.g. `Route 53`. */
  readonly hostName: string;
  /** The Terraform resource type holding records of `type`; undefined when the host cannot hold it here. */
  resourceType(type: string): string | undefined;
  /** Why the host cannot hold records of `type` and what to do instead, when there is more to say than "declare them yourself". */
  unsupported?(type: string): string | undefined;
  /** Create the set's resource below `scope` with construct id `id`, its values lazy over `set.members`. */
  create(scope: Construct, id: string, set: RecordSet): TerraformResource;
}

interface StackSets {
  readonly sets: Map<string, { readonly set: RecordSet; readonly resource: TerraformResource }>;
  /** Parent of every set resource of the stack: sets belong to no single construct. */
  container?: Construct;
}

const setsByStack = new WeakMap<TerraformStack, StackSets>();
/** Constructs already told that their comment is not stored (once each, not once per record). */
const warnedComment = new WeakSet<IConstruct>();

/**
 * Publish `record` on a record-set host: the resource holding every record of (zone, name,
 * type) is created on first use, below the stack (it belongs to no single construct), with a
 * content-derived address (`mx__example_com`; zone-qualified when a second zone of the stack
 * has the same name) and values the host renders lazily from every member at synth, so
 * constructs added later join it and adding one never renames it. A set has one TTL: members
 * with different TTLs are an error naming both constructs. The same record twice (same
 * identity) is an error, as on Cloudflare; a CNAME set holds one record (RFC 1034 §3.6.2).
 */
export function publishToRecordSet(scope: Construct, zone: ZoneTarget, record: SourcedRecord, identity: string, emitter: RecordSetEmitter): TerraformResource {
  const field = record.origin?.field ?? 'records';
  const resourceType = emitter.resourceType(record.type);
  if (resourceType === undefined) {
    const instead = emitter.unsupported?.(record.type) ?? 'declare them with your own resource';
    throw new MxInputError(field, `${record.type} ${record.name} (${scope.node.path}): cdktf-mx cannot publish ${record.type} records on ${emitter.hostName}; ${instead}.`);
  }
  if (record.comment !== undefined && !warnedComment.has(scope)) {
    warnedComment.add(scope);
    Annotations.of(scope).addWarning(`comment is not stored on ${emitter.hostName}: its record sets have no comment field.`);
  }
  const stack = TerraformStack.of(scope);
  let state = setsByStack.get(stack);
  if (!state) {
    state = { sets: new Map() };
    setsByStack.set(stack, state);
  }
  const registry = ZoneRegistry.of(stack);
  const zoneKey = registry.keyOf(zone);
  const key = `${zoneKey} ${record.name} ${record.type}`;
  const ttl = record.ttl ?? 3600;
  const member: RecordSetMember = { record, identity, declaredBy: scope };
  const existing = state.sets.get(key);
  if (existing) {
    const { set } = existing;
    if (set.ttl !== ttl) {
      const first = set.members[0]!;
      throw new MxInputError(
        'ttl',
        `${record.type} ${record.name} is one record set on ${emitter.hostName}, and a set has one TTL: ${first.declaredBy.node.path} declares ${set.ttl}, ${scope.node.path} declares ${ttl}; give both the same ttl.`,
      );
    }
    const twice = set.members.find((m) => m.identity === identity);
    if (twice) {
      throw new MxInputError(field, `${record.name} ${record.type} ${identity} is declared twice in one zone (${twice.declaredBy.node.path} and ${scope.node.path}); declare each record once.`);
    }
    if (record.type === 'CNAME') {
      throw new MxInputError(field, `${record.name} already has a CNAME (${set.members[0]!.declaredBy.node.path}); a name holds one CNAME record (RFC 1034 §3.6.2), so ${scope.node.path} cannot add another.`);
    }
    set.members.push(member);
    return existing.resource;
  }
  const set: RecordSet = { zone, name: record.name, type: record.type, ttl, members: [member] };
  const logicalId = zoneUniqueLogicalId(stack, resourceType, recordSetLogicalId(record.type, record.name), registry.resolvedIdentity(zone));
  state.container ??= new Construct(stack, 'cdktf-mx-record-sets');
  const resource = emitter.create(state.container, `${resourceType}.${logicalId}`, set);
  resource.overrideLogicalId(logicalId);
  state.sets.set(key, { set, resource });
  return resource;
}

/**
 * The set's records as they will be written, in a stable order whatever order constructs
 * declared them in: MX by preference then exchange, others by value.
 */
export function resolvedMembers(set: RecordSet, context: IResolveContext): ResolvedMember[] {
  const members = set.members.map(({ record }) => ({
    value: Token.isUnresolved(record.value) ? String(context.resolve(record.value)) : record.value,
    ...(record.priority !== undefined ? { priority: record.priority } : {}),
  }));
  return members.sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}
