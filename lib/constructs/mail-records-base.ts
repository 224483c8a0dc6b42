import { TerraformResource, Token } from 'cdktf';
import { Construct } from 'constructs';
// The `{ zoneId, domain }` shorthand is Cloudflare's; every other use of the zone goes through ZoneTarget.
import { CloudflareZone } from '../cloudflare/zone';
import { MxInputError } from '../dns/errors';
import { isInZone, ownerNameSyntaxProblem, parseHostname, resolveOwnerName } from '../dns/names';
import { RecordOrigin, SourcedRecord } from '../dns/record';
import { PresetParameters, ResolvedPreset } from '../presets/expand';
import { MailPreset } from '../presets/preset';
import { MxValidation } from '../validation/mx-validation';
import { ZoneTarget } from '../zones/host';
import { ZoneRegistry } from '../zones/registry';
import { DEFAULT_TTL, MailDomainProps } from './mail-domain-props';
import { PresetOptions, PresetPublisher, publishPresetRecords } from './preset-publishing';
import { checkSharedProps } from './props-check';
import { RecordRequest } from './record-request';

/** Longest comment we let through: Cloudflare's limit on paid plans (100 on Free). */
const MAX_COMMENT = 500;

/**
 * What every mail construct shares: checks the zone props, registers the zone for
 * validation at synth, and publishes record requests through the zone's host.
 */
export abstract class MailRecordsBase extends Construct {
  /** The zone apex, lower-case ASCII without trailing dot. */
  public readonly domain: string;
  /** The full name the records are published at (lower-case ASCII, no trailing dot). */
  public readonly recordName: string;
  /**
   * The Terraform resources holding this construct's records, in publishing order, each once; on
   * Cloudflare one `CloudflareDnsRecord` per record (`id`, `name`, … are lazy attribute references),
   * on record-set hosts the set resource of each name and type (shared with other constructs there).
   */
  public readonly records: TerraformResource[] = [];
  /** The records as provider-neutral specs (what rules and zone rendering see). */
  public readonly specs: SourcedRecord[] = [];

  /** The zone the records go to. */
  public readonly zone: ZoneTarget;
  /** TTL of every record this construct publishes. */
  protected readonly ttl: number;
  private readonly comment?: string;
  /** The construct path, computed once: every record's origin holds it. */
  private readonly path: string;
  /** Set by `MxMigration` while it publishes one side, so each record's origin says which step and side it belongs to. */
  protected migrationSide?: RecordOrigin['migration'];

  protected constructor(scope: Construct, id: string, props: MailDomainProps) {
    super(scope, id);
    const fail = (field: string, message: string): never => {
      throw new MxInputError(field, message).at(this.where());
    };
    if (props !== null && typeof props === 'object') checkSharedProps(props, fail);
    this.zone = zoneOf(props, fail);
    this.domain = this.zone.apex;
    const name = props.name ?? '@';
    if (typeof name !== 'string' || Token.isUnresolved(name)) fail('name', 'must be a literal name, not a token');
    this.recordName = resolveOwnerName(name, this.domain);
    if (!isInZone(this.recordName, this.domain)) fail('name', `"${name}" is outside the zone ${this.domain}; give a name relative to the domain, such as "eu"`);
    const nameProblem = ownerNameSyntaxProblem(this.recordName);
    if (nameProblem !== undefined) fail('name', `"${name}" (${this.recordName}) ${nameProblem}`);
    if (props.comment !== undefined && (props.comment.length > MAX_COMMENT || /[\r\n]/.test(props.comment))) {
      fail('comment', `must be one line of at most ${MAX_COMMENT} characters (100 on Cloudflare's Free plan)`);
    }
    this.ttl = props.ttl ?? DEFAULT_TTL;
    this.comment = props.comment;
    MxValidation.of(this);
    this.path = this.node.path;
    ZoneRegistry.of(this).declareZone(this.zone, this.path);
  }

  /** Publish one record at this construct's name (or a label below it). */
  protected publish(request: RecordRequest): TerraformResource {
    const name = request.label ? `${request.label}.${this.recordName}` : this.recordName;
    const origin: RecordOrigin = {
      path: this.path,
      field: request.field,
      ...(request.vendor ? { vendor: request.vendor } : {}),
      ...(this.migrationSide ? { migration: this.migrationSide } : {}),
    };
    const record: SourcedRecord & { origin: RecordOrigin } = {
      name,
      type: request.type,
      value: request.value,
      ...(request.priority !== undefined ? { priority: request.priority } : {}),
      ttl: this.ttl,
      ...(this.comment !== undefined ? { comment: this.comment } : {}),
      origin,
    };
    const resource = this.zone.host.publish(this, this.zone, record, request.identity ?? request.value);
    ZoneRegistry.of(this).addPublished({ spec: record, zone: this.zone, resource });
    // A record-set host returns one resource for all records of a name and type.
    if (this.records[this.records.length - 1] !== resource && !this.records.includes(resource)) this.records.push(resource);
    this.specs.push(record);
    return resource;
  }

  /**
   * Publish the MX records of a vendor preset and the companions asked for (see
   * `publishPresetRecords`); parameter errors name this construct.
   */
  protected publishPreset(preset: MailPreset, variant: string | undefined, parameters: PresetParameters = {}, options: PresetOptions = {}): ResolvedPreset {
    const publisher: PresetPublisher = {
      scope: this,
      zone: this.zone,
      recordName: this.recordName,
      where: this.where(),
      ttl: this.ttl,
      // Bound, not arrows: a bound function adds no frame to the stack cdktf captures per record.
      publish: this.publish.bind(this),
      publishMx: this.publishMx.bind(this),
    };
    return publishPresetRecords(publisher, preset, { variant, parameters }, options);
  }

  /** `MxRecords at stack/mail`, how errors say where they happened. */
  protected where(): string {
    return `${this.constructor.name} at ${this.node.path}`;
  }

  /** Publish MX records, the exchange normalised to lower-case ASCII where it parses. */
  protected publishMx(entries: ReadonlyArray<{ priority: number; exchange: string }>, field: string, vendor?: RecordRequest['vendor']): void {
    // A loop, not forEach: fewer frames between the user's code and each resource's construction.
    for (let index = 0; index < entries.length; index++) {
      if (!(index in entries)) continue;
      const entry = entries[index]!;
      if (entry === null || typeof entry !== 'object') throw new MxInputError(`${field}[${index}]`, `must be { priority, exchange } (${this.where()})`);
      const exchange = typeof entry.exchange === 'string' ? entry.exchange.trim() : String(entry.exchange ?? '');
      if (Token.isUnresolved(exchange)) throw new MxInputError(`${field}[${index}].exchange`, `must be a literal host name, not a token, so it can be validated at synth (${this.where()})`);
      const host = parseHostname(exchange).ascii ?? exchange;
      this.publish({ type: 'MX', value: host, priority: entry.priority, identity: host, field: `${field}[${index}]`, vendor });
    }
  }
}

/** The zone of a construct's props: `zone`, or the Cloudflare shorthand `{ zoneId, domain }`; exactly one of the two. */
function zoneOf(props: MailDomainProps, fail: (field: string, message: string) => never): ZoneTarget {
  if (props === null || typeof props !== 'object') return fail('zone', 'give the zone: { zone } (e.g. CloudflareZone.fromId(zoneId, "example.com")) or { zoneId, domain }');
  if (props.zone !== undefined) {
    if (props.zoneId !== undefined || props.domain !== undefined) {
      fail(props.zoneId !== undefined ? 'zoneId' : 'domain', 'give either zone or { zoneId, domain }, not both: zone already says which zone and domain');
    }
    const zone = props.zone;
    if (zone === null || typeof zone !== 'object' || typeof zone.apex !== 'string' || typeof zone.identity !== 'string' || typeof zone.host?.publish !== 'function') {
      fail('zone', 'must be a zone target such as CloudflareZone.fromId(zoneId, "example.com")');
    }
    return zone;
  }
  if (props.zoneId === undefined && props.domain === undefined) fail('zone', 'give the zone: { zone } (e.g. CloudflareZone.fromId(zoneId, "example.com")) or { zoneId, domain }');
  if (typeof props.zoneId !== 'string' || props.zoneId.trim() === '') fail('zoneId', 'the Cloudflare zone id is required');
  try {
    return CloudflareZone.fromId(props.zoneId!, props.domain!);
  } catch (error) {
    return error instanceof MxInputError ? fail(error.field, error.detail) : fail('zone', String(error));
  }
}
