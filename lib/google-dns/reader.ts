import { unquotedTxt } from '../dns/txt';
import { HostReader, RawResource } from '../zones/host';
import { readPresentationSet } from '../zones/rdata-values';
import { terraformLiteral } from '../zones/terraform-strings';
import { referencedZone } from '../zones/zone-reference';
import { GOOGLE_DNS_RECORD_SET_TYPE } from './resource-types';
import { GOOGLE_DNS_RULES } from './rules';

/** Terraform type of a Cloud DNS managed zone, as a resource or a data source. */
export const GOOGLE_MANAGED_ZONE_TYPE = 'google_dns_managed_zone';

/**
 * Reads `google_dns_record_set` whatever class wrote it, by its attributes `managed_zone`,
 * `name`, `type`, `ttl`, `rrdatas`: one record per element (MX `10 mx.example.net.`, TXT as
 * quoted strings, joined). Pure.
 */
export const googleDnsReader: HostReader = {
  id: 'google-dns',
  name: 'Google Cloud DNS',
  recordTypes: [GOOGLE_DNS_RECORD_SET_TYPE],
  recordSets: true,
  zoneTypes: [GOOGLE_MANAGED_ZONE_TYPE],
  rules: GOOGLE_DNS_RULES,
  readRecords: (resource) => readPresentationSet(resource, { zone: 'managed_zone', values: 'rrdatas', txt: unquotedTxt }),
  zoneKey: googleZoneKey,
};

/**
 * A managed zone as a comparable key: its resource name. A reference to a
 * `google_dns_managed_zone` resource or data source (`${….name}`) becomes the name it gives,
 * so it equals the literal name; anything else (a variable) is its own key.
 */
function googleZoneKey(identity: string, zones: ReadonlyMap<string, RawResource>): string {
  const zone = referencedZone(identity, zones, [GOOGLE_MANAGED_ZONE_TYPE], ['name', 'id']);
  return (zone ? terraformLiteral(zone.attributes.name) : undefined) ?? identity;
}
