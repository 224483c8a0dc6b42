import { Lazy, TerraformResource, Token } from 'cdktf';
import { Construct } from 'constructs';
import { MxInputError } from '../dns/errors';
import { fqdn } from '../dns/names';
import { SourcedRecord } from '../dns/record';
import { quotedTxt } from '../dns/txt';
import { zoneApex, zoneIdentity } from '../zones/apex';
import { ZoneHost, ZoneTarget } from '../zones/host';
import { presentationRdata } from '../zones/rdata-values';
import { publishToRecordSet, RecordSet, RecordSetEmitter, resolvedMembers } from '../zones/record-sets';
import { escapeTerraformString } from '../zones/terraform-strings';
import { GOOGLE_DNS_RECORD_SET_TYPE, GOOGLE_GENERATOR_METADATA, GoogleDnsRecordSet } from './dns-record-set';
import { googleDnsReader } from './reader';

/**
 * Google as a DNS host: one `google_dns_record_set` ({@link GoogleDnsRecordSet}) per name and
 * type holding every record our constructs publish there, names with the trailing dot, TXT
 * quoted and split at 255 octets (the form the API returns, so a re-plan is clean), never with
 * `create_before_destroy`; read back by Terraform type ({@link googleDnsReader}).
 */
export const googleDnsHost: ZoneHost = {
  ...googleDnsReader,
  providerName: GOOGLE_GENERATOR_METADATA.providerName,
  providerSource: `hashicorp/google@${GOOGLE_GENERATOR_METADATA.providerVersionConstraint}`,
  providerHint:
    "add `new GoogleProvider(stack, 'google', { project: 'my-project' })` (from '@cdktf/provider-google/lib/provider', or from the binding `cdktf get` or `cdktn get` generates) to the stack; " +
    'it reads credentials from Application Default Credentials or GOOGLE_APPLICATION_CREDENTIALS, so keep keys out of the code.',
  publish: (scope: Construct, zone: ZoneTarget, record: SourcedRecord, identity: string) => publishToRecordSet(scope, zone, record, identity, googleSets(zone as GoogleDnsZone)),
};

function googleSets(zone: GoogleDnsZone): RecordSetEmitter {
  return {
    hostName: 'Google Cloud DNS',
    resourceType: () => GOOGLE_DNS_RECORD_SET_TYPE,
    create: (scope: Construct, id: string, set: RecordSet): TerraformResource =>
      new GoogleDnsRecordSet(scope, id, {
        managedZone: zone.identity,
        ...(zone.project !== undefined ? { project: zone.project } : {}),
        name: escapeTerraformString(fqdn(set.name)),
        type: set.type,
        ttl: set.ttl,
        rrdatas: Lazy.listValue({
          produce: (context) => resolvedMembers(set, context).map((m) => escapeTerraformString(set.type === 'TXT' ? quotedTxt(m.value) : presentationRdata(set.type, m))),
        }),
      }),
  };
}

/** A managed zone's resource name: 1–63 lower-case letters, digits and dashes, starting with a letter. */
const MANAGED_ZONE_NAME = /^[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Options of {@link GoogleDnsZone.fromManagedZone}. */
export interface GoogleDnsZoneOptions {
  /** Project of the managed zone; default the provider's `project`. */
  readonly project?: string;
}

/**
 * A Google Cloud DNS managed zone to publish mail records into.
 *
 * ```ts
 * new GoogleWorkspaceMx(stack, 'mail', { zone: GoogleDnsZone.fromManagedZone('example-com', 'example.com') });
 * ```
 */
export class GoogleDnsZone implements ZoneTarget {
  /**
   * The managed zone named `managedZone` in the project (its resource name such as `example-com`,
   * a `TerraformVariable`, or `new DnsManagedZone(…).name`; not its DNS name) with apex `domain`.
   */
  public static fromManagedZone(managedZone: string, domain: string, options: GoogleDnsZoneOptions = {}): GoogleDnsZone {
    const name = zoneIdentity(managedZone, 'managedZone', 'the managed zone name is required: its resource name in the project, such as "example-com", or a token');
    if (!Token.isUnresolved(name) && !MANAGED_ZONE_NAME.test(name)) {
      throw new MxInputError('managedZone', `"${name}" is not a managed zone name: 1–63 lower-case letters, digits and dashes, starting with a letter (the zone's name in the project, such as "example-com", not its DNS name)`);
    }
    const project = options?.project;
    if (project !== undefined && (typeof project !== 'string' || project.trim() === '')) throw new MxInputError('project', 'must be a project id or a token, or left out for the provider\'s project');
    return new GoogleDnsZone(name, zoneApex(domain), project);
  }

  /** Google Cloud DNS. */
  public readonly host: ZoneHost = googleDnsHost;

  private constructor(
    /** The managed zone name as given (a literal or a token). */
    public readonly identity: string,
    /** The apex, lower-case ASCII without trailing dot. */
    public readonly apex: string,
    /** The project, when given. */
    public readonly project?: string,
  ) {}

  /** The managed zone name as given. */
  public get managedZone(): string {
    return this.identity;
  }

  /**
   * The import id of the record set at `name` (a full name) and `type`:
   * `projects/{p}/managedZones/{z}/rrsets/{name.}/{type}`, or `{z}/{name.}/{type}` without a project.
   */
  public importId(name: string, type: string): string {
    if (Token.isUnresolved(this.identity) || (this.project !== undefined && Token.isUnresolved(this.project))) {
      throw new MxInputError('managedZone', 'an import id needs the literal managed zone name and project, not tokens');
    }
    const rrset = `${fqdn(name.toLowerCase())}/${type.toUpperCase()}`;
    return this.project !== undefined ? `projects/${this.project}/managedZones/${this.identity}/rrsets/${rrset}` : `${this.identity}/${rrset}`;
  }
}
