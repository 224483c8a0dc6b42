import { WrittenRecord } from '../../dns/record';
import { HostReader, RawResource } from '../../zones/host';
import { terraformLiteral } from '../../zones/terraform-strings';
import { readPresentation, stringList } from './presentation';

/** Terraform type of a Google Cloud DNS record set (hashicorp/google). */
export const GOOGLE_RECORD_TYPE = 'google_dns_record_set';

/**
 * Reads `google_dns_record_set` attributes as synthesized and as a plan's `before`/`after`
 * hold them (docs/hosts.md, "Google Cloud DNS"): `managed_zone` (the zone's resource name, not
 * its DNS name), `project`, `name` (FQDN with the trailing dot), `type`, `ttl`, `rrdatas` in
 * presentation form (`"10 mx1.example.net."`, TXT as quoted character-strings). The zone
 * identity is `project/managed_zone` when the project is given. Pure; the Google host can take
 * this reader over as its own.
 */
export const googleReader: HostReader = {
  name: 'Google Cloud DNS',
  recordTypes: [GOOGLE_RECORD_TYPE],
  zoneTypes: ['google_dns_managed_zone'],
  rules: [],
  readRecords: readGoogleRecordSet,
  zoneKey: (identity) => identity,
};

function readGoogleRecordSet({ attributes: a }: RawResource): WrittenRecord[] {
  const zone = terraformLiteral(a.managed_zone);
  const project = terraformLiteral(a.project);
  const name = terraformLiteral(a.name);
  const type = terraformLiteral(a.type)?.toUpperCase();
  const rrdatas = stringList(a.rrdatas);
  if (zone === undefined || name === undefined || type === undefined || rrdatas === undefined) return [];
  const zoneId = project ? `${project}/${zone}` : zone;
  const fqdn = name.endsWith('.') ? name : `${name}.`;
  const ttl = typeof a.ttl === 'number' ? { ttl: a.ttl } : {};
  // An unquoted TXT rrdata is split on spaces by Cloud DNS: read it as the zone-file lexer does.
  return rrdatas.flatMap((text) => {
    const data = readPresentation(type, text, fqdn);
    return data ? [{ zoneId, name: fqdn, type, ...data, ...ttl }] : [];
  });
}
