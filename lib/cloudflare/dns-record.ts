import {
  booleanToHclTerraform, booleanToTerraform, ITerraformDependable, numberToHclTerraform, numberToTerraform, stringToHclTerraform, stringToTerraform,
  TerraformProvider, TerraformResource, TerraformResourceLifecycle,
} from 'cdktf';
import { Construct } from 'constructs';
import { resolvedOnce, settledCopy, UNSETTLED } from '../zones/settled-json';

import { CLOUDFLARE_DNS_RECORD_TYPE } from './resource-types';

/** The Terraform resource type this class emits. */
export { CLOUDFLARE_DNS_RECORD_TYPE };

/**
 * Provider metadata as `@cdktf/provider-cloudflare` 13.9.1 (`cdktf get` for cloudflare/cloudflare
 * 5.14.0) writes it; cdktf uses `providerName` to check that the stack has a Cloudflare provider.
 */
export const CLOUDFLARE_GENERATOR_METADATA = {
  providerName: 'cloudflare',
  providerVersion: '5.14.0',
  providerVersionConstraint: '~> 5.0',
} as const;

/** Configuration of a {@link CloudflareDnsRecord}: the attributes cdktf-mx writes, named as `cdktf get` names them. */
export interface CloudflareDnsRecordConfig {
  /** Zone identifier: a literal id or a token (variable, `DataCloudflareZone.zoneId`). */
  readonly zoneId: string;
  /** DNS record name (full name, or `@`). */
  readonly name: string;
  /** Record type, e.g. `MX`, `TXT`. */
  readonly type: string;
  /** Record content: the exchange of an MX, the quoted strings of a TXT, the address of an A. */
  readonly content?: string;
  /** Structured data for types Cloudflare keeps in fields rather than `content` (TLSA). */
  readonly data?: CloudflareDnsRecordData;
  /** MX preference (0–65535). */
  readonly priority?: number;
  /** Time to live in seconds; 1 is Cloudflare's automatic TTL. */
  readonly ttl: number;
  /** Whether Cloudflare proxies the record (A/AAAA/CNAME only). */
  readonly proxied?: boolean;
  /** Note stored with the record. */
  readonly comment?: string;
  /** Terraform `lifecycle` block, e.g. `{ createBeforeDestroy: true }`. */
  readonly lifecycle?: TerraformResourceLifecycle;
  /** Provider instance (an aliased provider); default the stack's Cloudflare provider. */
  readonly provider?: TerraformProvider;
  /** Resources this one depends on. */
  readonly dependsOn?: ITerraformDependable[];
}

/** The `data` attributes cdktf-mx writes: a TLSA record's four fields (cloudflare/cloudflare v5 `data` object). */
export interface CloudflareDnsRecordData {
  /** Certificate usage (TLSA). */
  readonly usage: number;
  /** Selector (TLSA). */
  readonly selector: number;
  /** Matching type (TLSA). */
  readonly matchingType: number;
  /** Certificate association data, hex (TLSA). */
  readonly certificate: string;
}

/**
 * A `cloudflare_dns_record` resource with the attributes cdktf-mx uses, synthesizing the same
 * JSON as the prebuilt `@cdktf/provider-cloudflare` `DnsRecord` (equivalence-tested), without
 * loading that package. Unlike the prebuilt class it creates no eager complex-object references
 * (`data`, `settings`): cdktf captures a stack trace for each, which is most of a record's cost.
 * Attribute getters are lazy references such as `${cloudflare_dns_record.x.id}`.
 *
 * @see https://registry.terraform.io/providers/cloudflare/cloudflare/5.14.0/docs/resources/dns_record
 */
export class CloudflareDnsRecord extends TerraformResource {
  /** `cloudflare_dns_record`. */
  public static readonly tfResourceType = CLOUDFLARE_DNS_RECORD_TYPE;

  private readonly config: CloudflareDnsRecordConfig;

  constructor(scope: Construct, id: string, config: CloudflareDnsRecordConfig) {
    super(scope, id, {
      terraformResourceType: CLOUDFLARE_DNS_RECORD_TYPE,
      terraformGeneratorMetadata: { ...CLOUDFLARE_GENERATOR_METADATA },
      provider: config.provider,
      dependsOn: config.dependsOn,
      lifecycle: config.lifecycle,
    });
    this.config = config;
  }

  /** The record's Cloudflare id (known after apply). */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** The record's name as Cloudflare stores it (the full name). */
  public get name(): string {
    return this.getStringAttribute('name');
  }

  /** The record's content as Cloudflare stores it. */
  public get content(): string {
    return this.getStringAttribute('content');
  }

  /** The record type. */
  public get type(): string {
    return this.getStringAttribute('type');
  }

  /** The zone the record is in. */
  public get zoneId(): string {
    return this.getStringAttribute('zone_id');
  }

  /** The TTL Cloudflare applies. */
  public get ttl(): number {
    return this.getNumberAttribute('ttl');
  }

  /** The MX preference Cloudflare stores. */
  public get priority(): number {
    return this.getNumberAttribute('priority');
  }

  /** The comment Cloudflare stores. */
  public get comment(): string {
    return this.getStringAttribute('comment');
  }

  /** When the record was created (known after apply). */
  public get createdOn(): string {
    return this.getStringAttribute('created_on');
  }

  /** When the record was last modified (known after apply). */
  public get modifiedOn(): string {
    return this.getStringAttribute('modified_on');
  }

  /** The zone id as configured (a literal or a token). */
  public get zoneIdInput(): string {
    return this.config.zoneId;
  }

  /** The name as configured. */
  public get nameInput(): string {
    return this.config.name;
  }

  /** The type as configured. */
  public get typeInput(): string {
    return this.config.type;
  }

  /** The content as configured. */
  public get contentInput(): string | undefined {
    return this.config.content;
  }

  /** The structured data as configured (TLSA). */
  public get dataInput(): CloudflareDnsRecordData | undefined {
    return this.config.data;
  }

  /** The priority as configured. */
  public get priorityInput(): number | undefined {
    return this.config.priority;
  }

  /** The TTL as configured. */
  public get ttlInput(): number {
    return this.config.ttl;
  }

  /** The proxied flag as configured. */
  public get proxiedInput(): boolean | undefined {
    return this.config.proxied;
  }

  /** The comment as configured. */
  public get commentInput(): string | undefined {
    return this.config.comment;
  }

  /**
   * Terraform meta-arguments (`depends_on`, `provider`, `lifecycle`, …) that are set. cdktf
   * snake-cases every key of this object with three regexes each time the resource is
   * synthesized, and then deletes the undefined ones again; leaving them out gives the same JSON.
   */
  public get terraformMetaArguments(): { [name: string]: any } {
    const all = super.terraformMetaArguments;
    const set: { [name: string]: any } = {};
    for (const key of Object.keys(all)) {
      if (all[key] !== undefined) set[key] = all[key];
    }
    return set;
  }

  /**
   * The resource's Terraform JSON, as `TerraformResource` builds it. When the attributes hold no
   * token (literal zone id, content, no references), they are handed to cdktf already resolved,
   * so its resolver does not walk them on each of its three passes over the stack: the JSON is
   * the same, at a fraction of the cost. With any token in them cdktf resolves them as usual.
   */
  public toTerraform(): any {
    const tf = super.toTerraform();
    const byId = tf.resource?.[this.terraformResourceType];
    if (byId === undefined || tf.moved !== undefined || tf.import !== undefined) return tf;
    const settled = settledCopy(byId[this.friendlyUniqueId]);
    if (settled !== UNSETTLED) byId[this.friendlyUniqueId] = resolvedOnce(settled as Record<string, unknown>);
    return tf;
  }

  /** The attributes as Terraform JSON (snake_case); cdktf drops the undefined ones. */
  protected synthesizeAttributes(): { [name: string]: unknown } {
    const c = this.config;
    // Key order as the prebuilt binding writes it, so cdk.tf.json is byte-identical.
    return {
      comment: stringToTerraform(c.comment),
      content: stringToTerraform(c.content),
      data: c.data === undefined ? undefined : {
        certificate: stringToTerraform(c.data.certificate),
        matching_type: numberToTerraform(c.data.matchingType),
        selector: numberToTerraform(c.data.selector),
        usage: numberToTerraform(c.data.usage),
      },
      name: stringToTerraform(c.name),
      priority: numberToTerraform(c.priority),
      proxied: booleanToTerraform(c.proxied),
      ttl: numberToTerraform(c.ttl),
      type: stringToTerraform(c.type),
      zone_id: stringToTerraform(c.zoneId),
    };
  }

  /** The attributes for `SYNTH_HCL_OUTPUT`, as the prebuilt binding describes them. */
  protected synthesizeHclAttributes(): { [name: string]: unknown } {
    const c = this.config;
    const simple = (value: unknown, storageClassType: string) => ({ value, isBlock: false, type: 'simple', storageClassType });
    const dataAttribute = c.data && {
      value: {
        certificate: simple(stringToHclTerraform(c.data.certificate), 'string'),
        matching_type: simple(numberToHclTerraform(c.data.matchingType), 'number'),
        selector: simple(numberToHclTerraform(c.data.selector), 'number'),
        usage: simple(numberToHclTerraform(c.data.usage), 'number'),
      },
      isBlock: true,
      type: 'struct',
      storageClassType: 'DnsRecordData',
    };
    const attrs: Record<string, { value: unknown }> = {
      comment: simple(stringToHclTerraform(c.comment), 'string'),
      content: simple(stringToHclTerraform(c.content), 'string'),
      ...(c.data === undefined ? {} : { data: dataAttribute }),
      name: simple(stringToHclTerraform(c.name), 'string'),
      priority: simple(numberToHclTerraform(c.priority), 'number'),
      proxied: simple(booleanToHclTerraform(c.proxied), 'boolean'),
      ttl: simple(numberToHclTerraform(c.ttl), 'number'),
      type: simple(stringToHclTerraform(c.type), 'string'),
      zone_id: simple(stringToHclTerraform(c.zoneId), 'string'),
    };
    return Object.fromEntries(Object.entries(attrs).filter(([, attr]) => attr.value !== undefined));
  }
}
