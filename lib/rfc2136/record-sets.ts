import { IResolvable } from 'cdktf';
import { Construct } from 'constructs';
import { AttributeSpec, GeneratedLikeResource, ResourceMetaConfig, StringList } from '../zones/record-set-resource';

import { DNS_CNAME_RECORD_TYPE, DNS_MX_RECORD_SET_TYPE, DNS_TXT_RECORD_SET_TYPE } from './resource-types';

/** Terraform types of the hashicorp/dns resources cdktf-mx emits. */
export { DNS_CNAME_RECORD_TYPE, DNS_MX_RECORD_SET_TYPE, DNS_TXT_RECORD_SET_TYPE };

/**
 * Provider metadata of hashicorp/dns for these classes. `providerVersion` is informational
 * (the user's provider block writes `required_providers`); the constraint admits 3.2.4, the
 * version deployed against BIND in test/real-dns, whose schema has every attribute used here.
 * (The prebuilt `@cdktf/provider-dns` 9.0.1 `DnsProvider` pins 3.4.3: see docs/hosts.md.)
 */
export const DNS_GENERATOR_METADATA = {
  providerName: 'dns',
  providerVersion: '3.2.4',
  providerVersionConstraint: '~> 3.2',
} as const;

/** What every hashicorp/dns record resource takes: zone (with trailing dot), relative name, TTL. */
export interface Rfc2136RecordConfig extends ResourceMetaConfig {
  /** The zone's DNS name with the trailing dot, e.g. `example.com.`. */
  readonly zone: string;
  /** Name relative to the zone, without trailing dot; left out at the apex. */
  readonly name?: string;
  /** Time to live in seconds (a change replaces the resource: `ttl` is ForceNew). */
  readonly ttl: number;
}

/** One MX of a {@link DnsMxRecordSet}. */
export interface DnsMxEntry {
  /** MX preference. */
  readonly preference: number;
  /** Exchange, fully qualified with the trailing dot (`.` for a null MX). */
  readonly exchange: string;
}

/** Configuration of a {@link DnsMxRecordSet}. */
export interface DnsMxRecordSetConfig extends Rfc2136RecordConfig {
  /** The MX records; may be a lazy value. */
  readonly mx: DnsMxEntry[] | IResolvable;
}

/** Configuration of a {@link DnsTxtRecordSet}. */
export interface DnsTxtRecordSetConfig extends Rfc2136RecordConfig {
  /** The TXT values, zone-file escaped (`\"`, `\\`), unsplit (the provider splits at 255 octets); may be a lazy list. */
  readonly txt: StringList;
}

/** Configuration of a {@link DnsCnameRecord}. */
export interface DnsCnameRecordConfig extends Rfc2136RecordConfig {
  /** Name relative to the zone (required: a CNAME cannot be at the apex). */
  readonly name: string;
  /** The target, fully qualified with the trailing dot. */
  readonly cname: string;
}

/** A hashicorp/dns record resource: the attributes common to all, in the generated class's order around `extra`. */
abstract class Rfc2136Record<C extends Rfc2136RecordConfig> extends GeneratedLikeResource<C> {
  constructor(scope: Construct, id: string, type: string, config: C) {
    super(scope, id, type, DNS_GENERATOR_METADATA, config);
  }

  protected common(): { name: AttributeSpec; ttl: AttributeSpec; zone: AttributeSpec } {
    return {
      name: { name: 'name', kind: 'string', value: this.config.name },
      ttl: { name: 'ttl', kind: 'number', value: this.config.ttl },
      zone: { name: 'zone', kind: 'string', value: this.config.zone },
    };
  }
}

/**
 * A `dns_mx_record_set` with the attributes cdktf-mx uses, synthesizing what the prebuilt
 * `@cdktf/provider-dns` `MxRecordSet` does (equivalence-tested).
 *
 * @see https://registry.terraform.io/providers/hashicorp/dns/3.2.4/docs/resources/dns_mx_record_set
 */
export class DnsMxRecordSet extends Rfc2136Record<DnsMxRecordSetConfig> {
  /** `dns_mx_record_set`. */
  public static readonly tfResourceType = DNS_MX_RECORD_SET_TYPE;

  constructor(scope: Construct, id: string, config: DnsMxRecordSetConfig) {
    super(scope, id, DNS_MX_RECORD_SET_TYPE, config);
  }

  protected attributeSpecs(): AttributeSpec[] {
    const { name, ttl, zone } = this.common();
    return [name, ttl, zone, { name: 'mx', kind: 'block', value: this.config.mx as IResolvable | Array<Record<string, unknown>>, hclStorage: 'MxRecordSetMxList' }];
  }
}

/**
 * A `dns_txt_record_set` with the attributes cdktf-mx uses, synthesizing what the prebuilt
 * `TxtRecordSet` does (equivalence-tested).
 *
 * @see https://registry.terraform.io/providers/hashicorp/dns/3.2.4/docs/resources/dns_txt_record_set
 */
export class DnsTxtRecordSet extends Rfc2136Record<DnsTxtRecordSetConfig> {
  /** `dns_txt_record_set`. */
  public static readonly tfResourceType = DNS_TXT_RECORD_SET_TYPE;

  constructor(scope: Construct, id: string, config: DnsTxtRecordSetConfig) {
    super(scope, id, DNS_TXT_RECORD_SET_TYPE, config);
  }

  protected attributeSpecs(): AttributeSpec[] {
    const { name, ttl, zone } = this.common();
    return [name, ttl, { name: 'txt', kind: 'stringList', value: this.config.txt, hclType: 'set' }, zone];
  }
}

/**
 * A `dns_cname_record` with the attributes cdktf-mx uses, synthesizing what the prebuilt
 * `CnameRecord` does (equivalence-tested).
 *
 * @see https://registry.terraform.io/providers/hashicorp/dns/3.2.4/docs/resources/dns_cname_record
 */
export class DnsCnameRecord extends Rfc2136Record<DnsCnameRecordConfig> {
  /** `dns_cname_record`. */
  public static readonly tfResourceType = DNS_CNAME_RECORD_TYPE;

  constructor(scope: Construct, id: string, config: DnsCnameRecordConfig) {
    super(scope, id, DNS_CNAME_RECORD_TYPE, config);
  }

  protected attributeSpecs(): AttributeSpec[] {
    const { name, ttl, zone } = this.common();
    return [{ name: 'cname', kind: 'string', value: this.config.cname }, name, ttl, zone];
  }
}
