import { toAscii } from '../dns/names';
import { WrittenRecord } from '../dns/record';
import { HostReader, RawResource } from '../zones/host';
import { terraformLiteral } from '../zones/terraform-strings';
import { referencedZone } from '../zones/zone-reference';
import { CLOUDFLARE_DNS_RECORD_TYPE, CLOUDFLARE_RECORD_V4_TYPE, CLOUDFLARE_ZONE_TYPE } from './resource-types';
import { CLOUDFLARE_RULES } from './rules';
import { renderTlsa } from '../transport/tlsa';
import { fromCloudflareTxt } from './txt';



/**
 * Reads Cloudflare resources whatever class wrote them (this package, the prebuilt binding,
 * `cdktf get`, cdktn): `cloudflare_dns_record` by its attributes `zone_id`, `name`, `type`,
 * `content` (or `data.target` / `data.priority`), `priority`, `ttl`, `proxied`; provider 4.x
 * `cloudflare_record` likewise, its data in `value` or `content` and `data` a one-element list in state. Pure.
 */
export const cloudflareReader: HostReader = {
  id: 'cloudflare',
  name: 'Cloudflare',
  recordTypes: [CLOUDFLARE_DNS_RECORD_TYPE, CLOUDFLARE_RECORD_V4_TYPE],
  recordSets: false,
  zoneTypes: [CLOUDFLARE_ZONE_TYPE],
  rules: CLOUDFLARE_RULES,
  readRecords: readCloudflareRecord,
  zoneKey: cloudflareZoneKey,
};

function readCloudflareRecord({ attributes: a }: RawResource): WrittenRecord[] {
  const zoneId = a.zone_id;
  const name = terraformLiteral(a.name);
  const type = terraformLiteral(a.type)?.toUpperCase();
  // v4 state holds `data` as a list of one block.
  const block = Array.isArray(a.data) ? a.data[0] : a.data;
  const data = typeof block === 'object' && block !== null ? (block as { target?: unknown; priority?: unknown }) : {};
  const content = (type === 'TLSA' ? tlsaData(data) : undefined) ?? terraformLiteral(a.content) ?? terraformLiteral(a.value) ?? terraformLiteral(data.target);
  if (typeof zoneId !== 'string' || name === undefined || type === undefined || content === undefined) return [];
  const priority = a.priority ?? data.priority;
  return [{
    zoneId,
    name,
    type,
    value: type === 'TXT' ? fromCloudflareTxt(content) : content,
    ...(typeof priority === 'number' ? { priority } : {}),
    ...(typeof a.ttl === 'number' ? { ttl: a.ttl } : {}),
    ...(typeof a.proxied === 'boolean' ? { proxied: a.proxied } : {}),
  }];
}

/** A TLSA record's `data` object as presentation text `3 1 1 <hex>`; undefined when a field is missing or an expression. */
function tlsaData(data: Record<string, unknown>): string | undefined {
  const { usage, selector, matching_type: matchingType } = data;
  const certificate = terraformLiteral(data.certificate);
  if (typeof usage !== 'number' || typeof selector !== 'number' || typeof matchingType !== 'number' || certificate === undefined) return undefined;
  return renderTlsa({ usage, selector, matchingType, data: certificate });
}

/**
 * A zone id as a comparable key: a reference to a `cloudflare_zone` resource or data source
 * becomes the zone name it names (data source `filter.name`, or `name`), so two lookups of one
 * zone are one zone; a data source looked up by a literal `zone_id` is that id, the same zone as a
 * record that writes the id itself; anything else (a literal id, a variable) is its own key.
 */
function cloudflareZoneKey(identity: string, zones: ReadonlyMap<string, RawResource>): string {
  // `${cloudflare_zone.z.id}` or `${data.cloudflare_zone.z.zone_id}`.
  const zone = referencedZone(identity, zones, [CLOUDFLARE_ZONE_TYPE], ['zone_id', 'id']);
  if (!zone) return identity;
  const byId = identity.startsWith('${data.') ? terraformLiteral(zone.attributes.zone_id) : undefined;
  if (byId !== undefined && byId.trim() !== '') return byId.trim();
  const filter = zone.attributes.filter;
  const name = terraformLiteral(typeof filter === 'object' && filter !== null ? (filter as { name?: unknown }).name : undefined) ?? terraformLiteral(zone.attributes.name);
  if (name === undefined) return identity;
  const bare = name.trim().replace(/\.$/, '');
  return `zone named ${toAscii(bare) ?? bare.toLowerCase()}`;
}
