import { Construct } from 'constructs';
import { AttributeSpec, GeneratedLikeResource, ResourceMetaConfig, StringList } from '../zones/record-set-resource';

/** The Terraform resource type this class emits. */
import { GOOGLE_DNS_RECORD_SET_TYPE } from './resource-types';

export { GOOGLE_DNS_RECORD_SET_TYPE };

/**
 * Provider metadata as `@cdktf/provider-google` 16.12.1 (hashicorp/google 6.50.0) writes it;
 * cdktf uses `providerName` to find the stack's Google provider.
 */
export const GOOGLE_GENERATOR_METADATA = {
  providerName: 'google',
  providerVersion: '6.50.0',
  providerVersionConstraint: '~> 6.0',
} as const;

/** Configuration of a {@link GoogleDnsRecordSet}: the attributes cdktf-mx writes, named as `cdktf get` names them. */
export interface GoogleDnsRecordSetConfig extends ResourceMetaConfig {
  /** The managed zone's resource name in the project (e.g. `example-com`), not its DNS name. */
  readonly managedZone: string;
  /** Record name: the FQDN with the trailing dot (the provider validates it). */
  readonly name: string;
  /** Project of the managed zone; default the provider's. */
  readonly project?: string;
  /** Record type, e.g. `MX`. */
  readonly type: string;
  /** Time to live in seconds. */
  readonly ttl: number;
  /** The set's data in presentation form (`10 mx.example.net.`; TXT quoted: `"chunk1" "chunk2"`); may be a lazy list. */
  readonly rrdatas: StringList;
}

/**
 * A `google_dns_record_set` (every value of a name + type) with the attributes cdktf-mx uses,
 * synthesizing what the prebuilt `@cdktf/provider-google` `DnsRecordSet` does
 * (equivalence-tested) without loading that 307 MB package.
 *
 * @see https://registry.terraform.io/providers/hashicorp/google/6.50.0/docs/resources/dns_record_set
 */
export class GoogleDnsRecordSet extends GeneratedLikeResource<GoogleDnsRecordSetConfig> {
  /** `google_dns_record_set`. */
  public static readonly tfResourceType = GOOGLE_DNS_RECORD_SET_TYPE;

  constructor(scope: Construct, id: string, config: GoogleDnsRecordSetConfig) {
    super(scope, id, GOOGLE_DNS_RECORD_SET_TYPE, GOOGLE_GENERATOR_METADATA, config);
  }

  protected attributeSpecs(): AttributeSpec[] {
    const c = this.config;
    return [
      { name: 'managed_zone', kind: 'string', value: c.managedZone },
      { name: 'name', kind: 'string', value: c.name },
      { name: 'project', kind: 'string', value: c.project },
      { name: 'rrdatas', kind: 'stringList', value: c.rrdatas, hclType: 'list' },
      { name: 'ttl', kind: 'number', value: c.ttl },
      { name: 'type', kind: 'string', value: c.type },
    ];
  }
}
