import { WrittenRecord } from '../../dns/record';
import { HostReader, RawResource } from '../../zones/host';
import { terraformLiteral } from '../../zones/terraform-strings';
import { stringList } from './presentation';

/** hashicorp/dns resource types that hold mail records (RFC 2136 dynamic updates). */
export const RFC2136_RECORD_TYPES = ['dns_mx_record_set', 'dns_txt_record_set', 'dns_cname_record', 'dns_a_record_set', 'dns_aaaa_record_set'] as const;

/**
 * Reads hashicorp/dns record sets as synthesized and as a plan's `before`/`after` hold them
 * (docs/hosts.md, "RFC 2136 servers"): `zone` (DNS name with the trailing dot), `name`
 * (relative, absent at the apex), `ttl`, and `mx: [{ preference, exchange }]`, `txt: [...]`,
 * `cname` or `addresses: [...]` (A/AAAA, so rules see in-zone exchanges' addresses). Names come back as FQDNs with the trailing dot, so the zone is known exactly
 * (the zone id is `zone`). TXT values are zone-file escaped (`\"`, `\\`, docs/hosts.md "TXT
 * encoding"): read back unescaped. Pure; the RFC 2136 host can take this reader over as its own.
 */
export const rfc2136Reader: HostReader = {
  name: 'RFC 2136',
  recordTypes: RFC2136_RECORD_TYPES,
  zoneTypes: [],
  rules: [],
  readRecords: readRfc2136Record,
  zoneKey: (identity) => identity.toLowerCase().replace(/\.?$/, '.'),
};

function readRfc2136Record({ type: resourceType, attributes: a }: RawResource): WrittenRecord[] {
  const zone = terraformLiteral(a.zone);
  if (zone === undefined) return [];
  const relative = a.name === undefined || a.name === null || a.name === '' ? '' : terraformLiteral(a.name);
  if (relative === undefined) return [];
  const zoneId = zone.replace(/\.?$/, '.');
  const name = relative === '' ? zoneId : `${relative}.${zoneId}`;
  const ttl = typeof a.ttl === 'number' ? { ttl: a.ttl } : {};
  switch (resourceType) {
    case 'dns_mx_record_set': {
      if (!Array.isArray(a.mx)) return [];
      return a.mx.flatMap((entry: unknown) => {
        const { preference, exchange } = (entry ?? {}) as { preference?: unknown; exchange?: unknown };
        const host = terraformLiteral(exchange);
        return typeof preference === 'number' && host !== undefined ? [{ zoneId, name, type: 'MX', value: host, priority: preference, ...ttl }] : [];
      });
    }
    case 'dns_txt_record_set':
      return (stringList(a.txt) ?? []).map((text) => ({ zoneId, name, type: 'TXT', value: text.replace(/\\(["\\])/g, '$1'), ...ttl }));
    case 'dns_cname_record': {
      const target = terraformLiteral(a.cname);
      return target === undefined ? [] : [{ zoneId, name, type: 'CNAME', value: target, ...ttl }];
    }
    case 'dns_a_record_set':
    case 'dns_aaaa_record_set': {
      const type = resourceType === 'dns_a_record_set' ? 'A' : 'AAAA';
      return (stringList(a.addresses) ?? []).map((address) => ({ zoneId, name, type, value: address, ...ttl }));
    }
    default:
      return [];
  }
}
