import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { createCloudflareRecord, DnsRecord } from '../cloudflare/dns-record-adapter';
import { MxInputError } from '../dns/errors';
import { isInZone, parseHostname, resolveOwnerName } from '../dns/names';
import { SourcedRecord } from '../dns/record';
import { PresetParameters, ResolvedPreset } from '../presets/expand';
import { MailPreset } from '../presets/preset';
import { MxValidation } from '../validation/mx-validation';
import { DEFAULT_TTL, MailDomainProps } from './mail-domain-props';
import { PresetOptions, PresetPublisher, publishPresetRecords } from './preset-publishing';

/** Longest comment we let through: Cloudflare's limit on paid plans (100 on Free). */
const MAX_COMMENT = 500;

/** A record a construct asks the base to publish at its name. */
export interface RecordRequest {
  readonly type: string;
  readonly value: string;
  readonly priority?: number;
  /** Owner name relative to the construct's name, e.g. `_dmarc`; default the name itself. */
  readonly label?: string;
  /** Stable identity for the Terraform address (see `CloudflareRecordInput.identity`). */
  readonly identity?: string;
  /** Prop that produced the record, for error messages, e.g. `records[1]`. */
  readonly field: string;
  readonly vendor?: { readonly preset: string; readonly variant: string };
}

/**
 * What every mail construct shares: checks the zone props, registers the zone for
 * validation at synth, and turns record requests into Cloudflare records.
 */
export abstract class MailRecordsBase extends Construct {
  /** The zone apex, lower-case ASCII without trailing dot. */
  public readonly domain: string;
  /** The full name the records are published at (lower-case ASCII, no trailing dot). */
  public readonly recordName: string;
  /** The Cloudflare records this construct created. */
  public readonly records: DnsRecord[] = [];
  /** The records as provider-neutral specs (what rules and zone rendering see). */
  public readonly specs: SourcedRecord[] = [];

  /** The Cloudflare zone id the records go to. */
  protected readonly zoneId: string;
  private readonly ttl: number;
  private readonly comment?: string;

  protected constructor(scope: Construct, id: string, props: MailDomainProps) {
    super(scope, id);
    const fail = (field: string, message: string): never => {
      throw new MxInputError(field, message).at(this.where());
    };
    if (typeof props.zoneId !== 'string' || props.zoneId.trim() === '') fail('zoneId', 'the Cloudflare zone id is required');
    if (typeof props.domain !== 'string' || Token.isUnresolved(props.domain)) {
      fail('domain', 'must be a literal domain name such as "example.com", not a token: rules and record names need it at synth');
    }
    const domain = parseHostname(props.domain);
    if (domain.ascii === undefined) fail('domain', `"${props.domain}" is not a valid domain name: ${domain.problems.map((p) => p.detail).join('; ')}`);
    this.domain = domain.ascii!;
    const name = props.name ?? '@';
    if (Token.isUnresolved(name)) fail('name', 'must be a literal name, not a token');
    this.recordName = resolveOwnerName(name, this.domain);
    if (!isInZone(this.recordName, this.domain)) fail('name', `"${name}" is outside the zone ${this.domain}; give a name relative to the domain, such as "eu"`);
    if (props.comment !== undefined && (props.comment.length > MAX_COMMENT || /[\r\n]/.test(props.comment))) {
      fail('comment', `must be one line of at most ${MAX_COMMENT} characters (100 on Cloudflare's Free plan)`);
    }
    this.zoneId = props.zoneId;
    this.ttl = props.ttl ?? DEFAULT_TTL;
    this.comment = props.comment;
    MxValidation.of(this).registerZone(this.zoneId, this.domain, this.node.path);
  }

  /** Publish one record at this construct's name (or a label below it). */
  protected publish(request: RecordRequest): DnsRecord {
    const name = request.label ? `${request.label}.${this.recordName}` : this.recordName;
    const record: SourcedRecord = {
      name,
      type: request.type,
      value: request.value,
      ...(request.priority !== undefined ? { priority: request.priority } : {}),
      ttl: this.ttl,
      ...(this.comment !== undefined ? { comment: this.comment } : {}),
      origin: { path: this.node.path, field: request.field, ...(request.vendor ? { vendor: request.vendor } : {}) },
    };
    const resource = createCloudflareRecord(this, { zoneId: this.zoneId, record, identity: request.identity });
    this.records.push(resource);
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
      zoneId: this.zoneId,
      recordName: this.recordName,
      where: this.where(),
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
    // A loop, not forEach: cdktf captures the whole call stack for every token a DnsRecord
    // creates, so each frame between the user's code and `new DnsRecord` costs every record.
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
