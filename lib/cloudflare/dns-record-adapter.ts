import { DnsRecord } from '@cdktf/provider-cloudflare/lib/dns-record';

/** The provider's record resource, re-exported so no other layer imports the provider. */
export { DnsRecord };
import { Lazy, TerraformStack, Token } from 'cdktf';
import { Construct } from 'constructs';
import { MxInputError } from '../dns/errors';
import { RecordOrigin, SourcedRecord } from '../dns/record';
import { recordLogicalId } from './logical-id';
import { toCloudflareTxt } from './txt';

/** A record to create, plus what identifies it across deployments. */
export interface CloudflareRecordInput {
  /** Cloudflare zone id (a literal or a token such as `DataCloudflareZone.zoneId`). */
  readonly zoneId: string;
  readonly record: SourcedRecord;
  /**
   * What makes this record itself, for its Terraform address: the exchange for MX
   * (default: the value), a purpose such as `spf` for TXT whose text may change.
   */
  readonly identity?: string;
}

const origins = new WeakMap<DnsRecord, RecordOrigin>();
const idsByStack = new WeakMap<Construct, Map<string, string>>();

/**
 * Create one `cloudflare_dns_record` for a record spec. The Terraform address comes
 * from (type, name, identity) so it never churns; the same address declared twice in a
 * stack is an error rather than a silent merge.
 */
export function createCloudflareRecord(scope: Construct, input: CloudflareRecordInput): DnsRecord {
  const { record, zoneId } = input;
  const identity = input.identity ?? record.value;
  const logicalId = recordLogicalId(record.type, record.name, identity);
  const stack = TerraformStack.of(scope);
  let ids = idsByStack.get(stack);
  if (!ids) {
    ids = new Map<string, string>();
    idsByStack.set(stack, ids);
  }
  const zoneKey = `${zoneId} ${logicalId}`;
  const previous = ids.get(zoneKey);
  if (previous !== undefined) {
    throw new MxInputError(
      record.origin?.field ?? 'records',
      `${record.name} ${record.type} ${identity} is declared twice in one stack (${previous} and ${scope.node.path}); declare each record once.`,
    );
  }
  ids.set(zoneKey, scope.node.path);

  const resource = new DnsRecord(scope, childId(scope, record.type), {
    zoneId,
    name: record.name,
    type: record.type,
    content: record.type === 'TXT' ? txtContent(record.value) : record.value,
    ttl: record.ttl ?? 1,
    ...(record.type === 'MX' ? { priority: record.priority } : {}),
    ...(record.proxied !== undefined ? { proxied: record.proxied } : {}),
    ...(record.comment !== undefined ? { comment: record.comment } : {}),
    lifecycle: { createBeforeDestroy: true },
  });
  resource.overrideLogicalId(logicalId);
  const origin = record.origin;
  origins.set(resource, origin?.path !== undefined ? origin : { ...origin, path: scope.node.path });
  return resource;
}

/**
 * The record's construct id: short and repeating across constructs (`mx-1`, `txt-2`). It only
 * names the node; the Terraform address is the content-derived logical id. Ids that embed each
 * record's domain give every construct's child table a distinct object shape, and past ~20,000
 * records V8 then slows all of cdktf's token resolution 4-5× (bench: 10,000 domains in 26 s, not 7 s).
 */
function childId(scope: Construct, type: string): string {
  const prefix = type.toLowerCase();
  let n = scope.node.children.length + 1;
  while (scope.node.tryFindChild(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

/** TXT content; a lazy value (e.g. an SPF merged from several constructs) is quoted and split when it resolves. */
function txtContent(value: string): string {
  if (!Token.isUnresolved(value)) return toCloudflareTxt(value);
  return Lazy.stringValue({ produce: (context) => toCloudflareTxt(String(context.resolve(value))) });
}

/** Where a record our constructs created came from; undefined for records the user wrote. */
export function originOf(resource: DnsRecord): RecordOrigin | undefined {
  return origins.get(resource);
}
