import { Construct } from 'constructs';
import { AttributeSpec, GeneratedLikeResource, ResourceMetaConfig, StringList } from '../zones/record-set-resource';

/** The Terraform resource type this class emits. */
import { ROUTE53_RECORD_TYPE } from './resource-types';

export { ROUTE53_RECORD_TYPE };

/**
 * Provider metadata as `@cdktf/provider-aws` 21.22.1 (hashicorp/aws 6.25.0) writes it; cdktf
 * uses `providerName` to find the stack's AWS provider.
 */
export const AWS_GENERATOR_METADATA = {
  providerName: 'aws',
  providerVersion: '6.25.0',
  providerVersionConstraint: '~> 6.0',
} as const;

/** Configuration of a {@link Route53Record}: the attributes cdktf-mx writes, named as `cdktf get` names them. */
export interface Route53RecordConfig extends ResourceMetaConfig {
  /** Hosted zone id (`Z…`), a literal or a token. */
  readonly zoneId: string;
  /** Record name: the FQDN without trailing dot, lower case (as the provider keeps it in state). */
  readonly name: string;
  /** Record type, e.g. `MX`. */
  readonly type: string;
  /** Time to live in seconds (required for non-alias records). */
  readonly ttl: number;
  /** The set's values in presentation form (`10 mx.example.net.`; TXT unquoted, 255-octet strings joined by `""`); may be a lazy list. */
  readonly records: StringList;
}

/**
 * An `aws_route53_record` (one record set: every value of a name + type) with the attributes
 * cdktf-mx uses, synthesizing what the prebuilt `@cdktf/provider-aws` `Route53Record` does
 * (equivalence-tested) without loading that 392 MB package.
 *
 * @see https://registry.terraform.io/providers/hashicorp/aws/6.25.0/docs/resources/route53_record
 */
export class Route53Record extends GeneratedLikeResource<Route53RecordConfig> {
  /** `aws_route53_record`. */
  public static readonly tfResourceType = ROUTE53_RECORD_TYPE;

  constructor(scope: Construct, id: string, config: Route53RecordConfig) {
    super(scope, id, ROUTE53_RECORD_TYPE, AWS_GENERATOR_METADATA, config);
  }

  /** The record's FQDN as Route 53 stores it. */
  public get fqdn(): string {
    return this.getStringAttribute('fqdn');
  }

  protected attributeSpecs(): AttributeSpec[] {
    const c = this.config;
    return [
      { name: 'name', kind: 'string', value: c.name },
      { name: 'records', kind: 'stringList', value: c.records, hclType: 'set' },
      { name: 'ttl', kind: 'number', value: c.ttl },
      { name: 'type', kind: 'string', value: c.type },
      { name: 'zone_id', kind: 'string', value: c.zoneId },
    ];
  }
}
