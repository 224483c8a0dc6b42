import { HostReader, RawResource } from '../zones/host';
import { readPresentationSet } from '../zones/rdata-values';
import { terraformLiteral } from '../zones/terraform-strings';
import { referencedZone } from '../zones/zone-reference';
import { ROUTE53_RECORD_TYPE } from './resource-types';
import { ROUTE53_RULES } from './rules';
import { fromRoute53Txt } from './txt';

/** Terraform type of a hosted zone, as a resource or a data source. */
export const ROUTE53_ZONE_TYPE = 'aws_route53_zone';

/**
 * Reads `aws_route53_record` whatever class wrote it (this package, the prebuilt binding,
 * `cdktf get`, cdktn), by its attributes `zone_id`, `name`, `type`, `ttl`, `records`: one record
 * per element (MX `10 mx.example.net.`, TXT in Route 53's unquoted form). Alias records hold no
 * `records` and publish nothing readable here. Pure.
 */
export const route53Reader: HostReader = {
  id: 'route53',
  name: 'Route 53',
  recordTypes: [ROUTE53_RECORD_TYPE],
  recordSets: true,
  zoneTypes: [ROUTE53_ZONE_TYPE],
  rules: ROUTE53_RULES,
  readRecords: (resource) => readPresentationSet(resource, { zone: 'zone_id', values: 'records', txt: fromRoute53Txt }),
  zoneKey: route53ZoneKey,
};

/**
 * A hosted zone id as a comparable key: a reference to an `aws_route53_zone` resource or data
 * source becomes the zone name it names; anything else (a literal `Z…`, a variable) is its own key.
 */
function route53ZoneKey(identity: string, zones: ReadonlyMap<string, RawResource>): string {
  const zone = referencedZone(identity, zones, [ROUTE53_ZONE_TYPE], ['zone_id', 'id']);
  const name = zone ? terraformLiteral(zone.attributes.name) : undefined;
  return name === undefined ? identity : `zone named ${name.trim().replace(/\.$/, '').toLowerCase()}`;
}
