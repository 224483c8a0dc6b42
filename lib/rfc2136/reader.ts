import { fqdn } from '../dns/names';
import { ResourceFacts, WrittenRecord } from '../dns/record';
import { HostReader, RawResource } from '../zones/host';
import { bareHost, createsBeforeDestroy } from '../zones/rdata-values';
import { terraformLiteral } from '../zones/terraform-strings';
import { RFC2136_RULES } from './rules';
import { DNS_CNAME_RECORD_TYPE, DNS_MX_RECORD_SET_TYPE, DNS_TXT_RECORD_SET_TYPE } from './resource-types';
import { fromRfc2136Txt } from './txt';

/** The hashicorp/dns record resources read, by the record type they hold and the attribute holding the data. */
const DATA_OF: Readonly<Record<string, { readonly type: string; readonly read: (a: Readonly<Record<string, unknown>>) => Array<{ value: string; priority?: number; written?: string }> }>> = {
  [DNS_MX_RECORD_SET_TYPE]: {
    type: 'MX',
    read: (a) => list(a.mx).flatMap((entry) => {
      const e = entry as { exchange?: unknown; preference?: unknown };
      const exchange = terraformLiteral(e?.exchange);
      return exchange !== undefined && typeof e.preference === 'number' ? [{ value: bareHost(exchange), priority: e.preference }] : [];
    }),
  },
  [DNS_TXT_RECORD_SET_TYPE]: { type: 'TXT', read: (a) => literals(a.txt).map((written) => ({ value: fromRfc2136Txt(written), written })) },
  [DNS_CNAME_RECORD_TYPE]: { type: 'CNAME', read: (a) => literals([a.cname]).map((c) => ({ value: bareHost(c) })) },
  dns_a_record_set: { type: 'A', read: (a) => literals(a.addresses).map((value) => ({ value })) },
  dns_aaaa_record_set: { type: 'AAAA', read: (a) => literals(a.addresses).map((value) => ({ value })) },
  dns_ns_record_set: { type: 'NS', read: (a) => literals(a.nameservers).map((n) => ({ value: bareHost(n) })) },
};

/**
 * Reads the hashicorp/dns record resources (`dns_mx_record_set`, `dns_txt_record_set`,
 * `dns_cname_record`, and the address and NS sets the zone-wide rules need) whatever class wrote
 * them, by `zone`, `name` (relative; absent at the apex; read as the full name with trailing dot), `ttl` and the type's data attribute.
 * TXT values are read in the provider's escaped form. Pure.
 */
export const rfc2136Reader: HostReader = {
  id: 'rfc2136',
  name: 'RFC 2136',
  recordTypes: Object.keys(DATA_OF),
  recordSets: true,
  zoneTypes: [],
  rules: RFC2136_RULES,
  readRecords: readRfc2136Record,
  // A zone is its DNS name: `Example.COM.` and `example.com` are one zone.
  zoneKey: (identity) => identity.trim().replace(/\.$/, '').toLowerCase(),
};

function readRfc2136Record({ type: resourceType, address, attributes: a }: RawResource): WrittenRecord[] {
  const zoneId = a.zone;
  // Absent at the apex (`null` in plan and state JSON).
  const relative = a.name === undefined || a.name === null ? '' : terraformLiteral(a.name);
  const zone = terraformLiteral(zoneId);
  const data = DATA_OF[resourceType];
  if (typeof zoneId !== 'string' || zone === undefined || relative === undefined || !data) return [];
  // Written in full (`sel1._domainkey.example.com.`): a relative name with dots must not pass for a full one.
  const name = fqdn(relative === '' ? zone : `${relative}.${zone.replace(/\.$/, '')}`);
  const facts: ResourceFacts = { address, ownsRecordSet: true, ...(createsBeforeDestroy(a) ? { createBeforeDestroy: true } : {}) };
  return data.read(a).map(({ written, ...value }) => ({
    zoneId,
    name,
    type: data.type,
    ...value,
    ...(typeof a.ttl === 'number' ? { ttl: a.ttl } : {}),
    resource: written !== undefined ? { ...facts, written } : facts,
  }));
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The literal strings of a list (expressions, known only at apply, left out). */
function literals(value: unknown): string[] {
  return list(value).map(terraformLiteral).filter((s): s is string => s !== undefined);
}
