import { Lazy, TerraformResource, Token } from 'cdktf';
import { Construct } from 'constructs';
import { MxInputError } from '../dns/errors';
import { SourcedRecord } from '../dns/record';
import { zoneApex, zoneIdentity } from '../zones/apex';
import { ZoneHost, ZoneTarget } from '../zones/host';
import { presentationRdata } from '../zones/rdata-values';
import { publishToRecordSet, RecordSet, RecordSetEmitter, resolvedMembers } from '../zones/record-sets';
import { escapeTerraformString } from '../zones/terraform-strings';
import { route53Reader } from './reader';
import { AWS_GENERATOR_METADATA, Route53Record, ROUTE53_RECORD_TYPE } from './route53-record';
import { toRoute53Txt } from './txt';

/** One `aws_route53_record` per (zone, name, type), values rendered at synth from every member. */
const route53Sets: RecordSetEmitter = {
  hostName: 'Route 53',
  resourceType: () => ROUTE53_RECORD_TYPE,
  create: (scope: Construct, id: string, set: RecordSet): TerraformResource =>
    new Route53Record(scope, id, {
      zoneId: set.zone.identity,
      // Lower case without the trailing dot: how the provider keeps names in state, so plans stay clean.
      name: escapeTerraformString(set.name),
      type: set.type,
      ttl: set.ttl,
      records: Lazy.listValue({
        produce: (context) => resolvedMembers(set, context).map((m) => escapeTerraformString(set.type === 'TXT' ? toRoute53Txt(m.value) : presentationRdata(set.type, m))),
      }),
    }),
};

/**
 * Route 53 as a DNS host: one `aws_route53_record` ({@link Route53Record}) per name and type
 * holding every record our constructs publish there (an MX set, one TXT set with the merged SPF
 * and other TXT), never with `create_before_destroy`; read back by Terraform type ({@link route53Reader}).
 */
export const route53Host: ZoneHost = {
  ...route53Reader,
  providerName: AWS_GENERATOR_METADATA.providerName,
  providerSource: `hashicorp/aws@${AWS_GENERATOR_METADATA.providerVersionConstraint}`,
  providerHint:
    "add `new AwsProvider(stack, 'aws', { region: 'us-east-1' })` (from '@cdktf/provider-aws/lib/provider', or from the binding `cdktf get` or `cdktn get` generates) to the stack; " +
    'it reads credentials from the standard AWS chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, AWS_PROFILE, a role), so keep keys out of the code.',
  publish: (scope: Construct, zone: ZoneTarget, record: SourcedRecord, identity: string) => publishToRecordSet(scope, zone, record, identity, route53Sets),
};

/** A literal hosted zone id: `Z…` (upper-case letters and digits), optionally as `/hostedzone/Z…`. */
const HOSTED_ZONE_ID = /^(?:\/hostedzone\/)?[A-Z0-9]{1,32}$/;

/**
 * A Route 53 hosted zone to publish mail records into.
 *
 * ```ts
 * new GoogleWorkspaceMx(stack, 'mail', { zone: Route53Zone.fromHostedZoneId('Z0123456789ABCDEFGHIJ', 'example.com') });
 * ```
 */
export class Route53Zone implements ZoneTarget {
  /**
   * The hosted zone `hostedZoneId` (a literal `Z…`, a `TerraformVariable`, or
   * `new DataAwsRoute53Zone(…).zoneId`) with apex `domain` (any case, trailing dot or Unicode).
   */
  public static fromHostedZoneId(hostedZoneId: string, domain: string): Route53Zone {
    const id = zoneIdentity(hostedZoneId, 'hostedZoneId', 'the Route 53 hosted zone id is required: a literal id such as "Z0123456789ABCDEFGHIJ" or a token such as DataAwsRoute53Zone.zoneId');
    if (!Token.isUnresolved(id) && !HOSTED_ZONE_ID.test(id)) {
      throw new MxInputError('hostedZoneId', `"${id}" is not a Route 53 hosted zone id: upper-case letters and digits such as "Z0123456789ABCDEFGHIJ" (Route 53 console → Hosted zones → Hosted zone ID)`);
    }
    return new Route53Zone(id, zoneApex(domain));
  }

  /** Route 53. */
  public readonly host: ZoneHost = route53Host;

  private constructor(
    /** The hosted zone id as given (a literal or a token). */
    public readonly identity: string,
    /** The apex, lower-case ASCII without trailing dot. */
    public readonly apex: string,
  ) {}

  /** The hosted zone id as given. */
  public get hostedZoneId(): string {
    return this.identity;
  }

  /**
   * The import id of the record set at `name` (a full name, lower-case, no trailing dot) and
   * `type`: `ZONEID_name_TYPE`, for `TerraformResource.importFrom` on a resource from `records`.
   * The zone id must be a literal.
   */
  public importId(name: string, type: string): string {
    if (Token.isUnresolved(this.identity)) throw new MxInputError('hostedZoneId', 'an import id needs the literal hosted zone id, not a token');
    return `${this.identity.replace(/^\/hostedzone\//, '')}_${name.replace(/\.$/, '').toLowerCase()}_${type.toUpperCase()}`;
  }
}
