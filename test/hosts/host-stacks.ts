import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { DnsProvider } from '@cdktf/provider-dns/lib/provider';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { App, TerraformStack, Testing } from 'cdktf';
import { GoogleDnsZone, Rfc2136Zone, Route53Zone, ZoneTarget } from '../../lib';

/** One record-set host under test: how to make its zone and provider, and the resource types it emits. */
export interface HostCase {
  readonly label: string;
  readonly zone: (domain: string) => ZoneTarget;
  readonly provider: (stack: TerraformStack) => void;
  /** Resource type holding records of a DNS type. */
  readonly resourceType: (type: string) => string;
}

export const HOSTS: readonly HostCase[] = [
  {
    label: 'Route 53',
    zone: (domain) => Route53Zone.fromHostedZoneId('Z0123456789ABCDEFGHIJ', domain),
    provider: (stack) => new AwsProvider(stack, 'aws', { region: 'us-east-1' }),
    resourceType: () => 'aws_route53_record',
  },
  {
    label: 'Google Cloud DNS',
    zone: (domain) => GoogleDnsZone.fromManagedZone('example-com', domain),
    provider: (stack) => new GoogleProvider(stack, 'google', { project: 'my-project' }),
    resourceType: () => 'google_dns_record_set',
  },
  {
    label: 'RFC 2136',
    zone: (domain) => Rfc2136Zone.of(domain),
    provider: (stack) => new DnsProvider(stack, 'dns', {}),
    resourceType: (type) => ({ MX: 'dns_mx_record_set', TXT: 'dns_txt_record_set', CNAME: 'dns_cname_record' })[type]!,
  },
];

/** A fresh stack with `host`'s provider. */
export function hostStack(host: HostCase, app: App = Testing.app(), id = 'stack'): TerraformStack {
  const stack = new TerraformStack(app, id);
  host.provider(stack);
  return stack;
}

type Blocks = Record<string, Record<string, Record<string, unknown>>>;

/** The stack's resource blocks by type and name (Testing.synth leaves out the `//` metadata). */
export function resourceBlocks(stack: TerraformStack, runValidations = true): Blocks {
  return (JSON.parse(Testing.synth(stack, runValidations)) as { resource?: Blocks }).resource ?? {};
}
