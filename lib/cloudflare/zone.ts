import { Lazy, TerraformResource, TerraformStack, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { MxInputError } from '../dns/errors';
import { zoneApex, zoneIdentity } from '../zones/apex';
import { SourcedRecord } from '../dns/record';
import { ZoneHost, ZoneTarget } from '../zones/host';
import { ZoneRegistry } from '../zones/registry';
import { escapeTerraformString } from '../zones/terraform-strings';
import { recordLogicalId, zoneUniqueLogicalId } from '../zones/logical-id';
import { parseTlsa } from '../transport/tlsa';
import { CLOUDFLARE_DNS_RECORD_TYPE, CLOUDFLARE_GENERATOR_METADATA, CloudflareDnsRecord, CloudflareDnsRecordData } from './dns-record';
import { adoptExistingCloudflareRecord } from './adopt-existing-record';
import { cloudflareReader } from './reader';
import { toCloudflareTxt } from './txt';

/** Per stack: which construct declared each address in each zone. */
interface StackAddresses {
  /** Zone id (resolved) → logical id → declaring construct; no per-record key strings. */
  readonly declaredBy: Map<string, Map<string, IConstruct>>;
}

const addressesByStack = new WeakMap<IConstruct, StackAddresses>();

/**
 * Cloudflare as a DNS host: one `cloudflare_dns_record` ({@link CloudflareDnsRecord}) per record,
 * read back by Terraform type (see {@link cloudflareReader}), with the `cloudflare-*` host rules.
 */
export const cloudflareHost: ZoneHost = {
  ...cloudflareReader,
  providerName: CLOUDFLARE_GENERATOR_METADATA.providerName,
  providerSource: `cloudflare/cloudflare@${CLOUDFLARE_GENERATOR_METADATA.providerVersionConstraint}`,
  providerHint:
    "add `new CloudflareProvider(stack, 'cloudflare', {})` (from '@cdktf/provider-cloudflare/lib/provider', or from the binding `cdktf get` or `cdktn get` generates) to the stack; " +
    'it reads the API token from CLOUDFLARE_API_TOKEN, so keep the token out of the code.',
  publish: publishCloudflareRecord,
  adoptExisting: adoptExistingCloudflareRecord,
};

/** Options of {@link CloudflareZone.fromId}. */
export interface CloudflareZoneOptions {
  /**
   * Pins this zone's Terraform addresses to `…__in__<addressQualifier>` (lower-case letters,
   * digits and `-`, up to 60), whatever other zones the stack declares and in whatever order.
   * Without it, when one domain is declared under two zone ids in one stack, the zone declared
   * first keeps the plain address and the later ones get `…__in__<zone id>`: swapping the
   * constructs would move both zones' records. Give it to every zone but one (or to all) to make
   * the order irrelevant. Adding it to a zone that is live moves that zone's records once.
   */
  readonly addressQualifier?: string;
}

/**
 * A Cloudflare zone to publish mail records into.
 *
 * ```ts
 * new NullMx(stack, 'parked', { zone: CloudflareZone.fromId(zoneId, 'parked.example') });
 * ```
 * The same as the shorthand `{ zoneId, domain }`, which every construct accepts too.
 */
export class CloudflareZone implements ZoneTarget {
  /**
   * The zone with Cloudflare id `zoneId` (a literal, a `TerraformVariable`, or
   * `new DataCloudflareZone(…).zoneId`) and apex `domain` (any case, trailing dot or Unicode).
   */
  public static fromId(zoneId: string, domain: string, options: CloudflareZoneOptions = {}): CloudflareZone {
    const id = zoneIdentity(zoneId, 'zoneId', 'the Cloudflare zone id is required: a literal id or a token such as a TerraformVariable or DataCloudflareZone.zoneId');
    const qualifier = options?.addressQualifier;
    if (qualifier !== undefined && (typeof qualifier !== 'string' || !/^[a-z0-9-]{1,60}$/.test(qualifier))) {
      throw new MxInputError('addressQualifier', `must be 1 to 60 lower-case letters, digits or "-" (it becomes part of Terraform addresses), not ${JSON.stringify(qualifier)}`);
    }
    return new CloudflareZone(id, zoneApex(domain), qualifier);
  }

  /** Cloudflare. */
  public readonly host: ZoneHost = cloudflareHost;

  private constructor(
    /** The zone id as given (a literal or a token). */
    public readonly identity: string,
    /** The apex, lower-case ASCII without trailing dot. */
    public readonly apex: string,
    /** See {@link CloudflareZoneOptions.addressQualifier}. */
    public readonly addressQualifier?: string,
  ) {}

  /** The zone id as given. */
  public get zoneId(): string {
    return this.identity;
  }
}

/**
 * Create one `cloudflare_dns_record` for a record. Its Terraform address comes from (type,
 * name, identity), so it never churns; the same address declared twice in one zone is an
 * error rather than a silent merge. The same record in a second zone of the stack (one domain
 * under two zone ids) gets an address that also names the zone; the first keeps the plain one,
 * so a single-zone stack's addresses never change. Strings are escaped for Terraform.
 */
function publishCloudflareRecord(scope: Construct, zone: ZoneTarget, record: SourcedRecord, identity: string): TerraformResource {
  const stack = TerraformStack.of(scope);
  let addresses = addressesByStack.get(stack);
  if (!addresses) {
    addresses = { declaredBy: new Map() };
    addressesByStack.set(stack, addresses);
  }
  // Every zone here is a Cloudflare zone: its resolved id tells them apart.
  const zoneKey = ZoneRegistry.of(stack).resolvedIdentity(zone);
  const logicalId = recordLogicalId(record.type, record.name, identity);
  let inZone = addresses.declaredBy.get(zoneKey);
  if (!inZone) {
    inZone = new Map();
    addresses.declaredBy.set(zoneKey, inZone);
  }
  const previous = inZone.get(logicalId);
  if (previous !== undefined) {
    throw new MxInputError(
      record.origin?.field ?? 'records',
      `${record.name} ${record.type} ${identity} is declared twice in one zone (${previous.node.path} and ${scope.node.path}); declare each record once.`,
    );
  }
  inZone.set(logicalId, scope);

  const resource = new CloudflareDnsRecord(scope, childId(scope, record.type), {
    zoneId: zone.identity,
    name: literalText(record.name),
    type: record.type,
    ...contentOf(record),
    ttl: record.ttl ?? 1,
    ...(record.type === 'MX' ? { priority: record.priority } : {}),
    ...(record.proxied !== undefined ? { proxied: record.proxied } : {}),
    ...(record.comment !== undefined ? { comment: literalText(record.comment) } : {}),
    lifecycle: { createBeforeDestroy: true },
  });
  // A pinned zone never takes (or gives up) the plain address: declaration order cannot move it.
  const pinned = zone instanceof CloudflareZone ? zone.addressQualifier : undefined;
  resource.overrideLogicalId(zoneUniqueLogicalId(stack, CLOUDFLARE_DNS_RECORD_TYPE, logicalId, zoneKey, pinned));
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

/**
 * Where the record's data goes: TLSA in Cloudflare's `data` object (usage, selector,
 * matching_type, certificate), TXT as quoted strings in `content`, every other type as `content`.
 */
function contentOf(record: SourcedRecord): { content: string } | { data: CloudflareDnsRecordData } {
  if (record.type === 'TLSA') {
    const { tlsa, problems } = parseTlsa(record.value);
    if (!tlsa) throw new MxInputError(record.origin?.field ?? 'records', `TLSA ${record.name} "${record.value}": ${problems.join('; ')}.`);
    return { data: { usage: tlsa.usage, selector: tlsa.selector, matchingType: tlsa.matchingType, certificate: tlsa.data } };
  }
  return { content: record.type === 'TXT' ? txtContent(record.value) : literalText(record.value) };
}

/** Text Terraform must store as written: escaped unless it is a cdktf token. */
function literalText(text: string): string {
  return Token.isUnresolved(text) ? text : escapeTerraformString(text);
}

/** TXT content; a lazy value (e.g. an SPF merged from several constructs) is quoted, split and escaped when it resolves. */
function txtContent(value: string): string {
  if (!Token.isUnresolved(value)) return escapeTerraformString(toCloudflareTxt(value));
  return Lazy.stringValue({ produce: (context) => escapeTerraformString(toCloudflareTxt(String(context.resolve(value)))) });
}
