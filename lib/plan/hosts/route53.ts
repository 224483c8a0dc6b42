import { WrittenRecord } from '../../dns/record';
import { HostReader, RawResource } from '../../zones/host';
import { terraformLiteral } from '../../zones/terraform-strings';
import { readPresentation, stringList } from './presentation';

/** Terraform type of a Route 53 record set (hashicorp/aws). */
export const ROUTE53_RECORD_TYPE = 'aws_route53_record';

/**
 * Reads `aws_route53_record` attributes as synthesized and as a plan's `before`/`after`
 * hold them (docs/hosts.md, "Route 53"): `zone_id`, `name` (FQDN, trailing dot optional),
 * `type`, `ttl`, `records` (presentation form: `"10 mx1.example.net."`; TXT unquoted with
 * 255-octet chunks joined by `""`, a `"` written `\"`). Alias records (no `records`) publish
 * no record data the mail rules read and give nothing. Pure; the Route 53 host can take this
 * reader over as its own.
 */
export const route53Reader: HostReader = {
  name: 'Route 53',
  recordTypes: [ROUTE53_RECORD_TYPE],
  zoneTypes: ['aws_route53_zone'],
  rules: [],
  readRecords: readRoute53Record,
  zoneKey: (identity) => identity,
};

function readRoute53Record({ attributes: a }: RawResource): WrittenRecord[] {
  const zoneId = terraformLiteral(a.zone_id);
  const name = terraformLiteral(a.name);
  const type = terraformLiteral(a.type)?.toUpperCase();
  const records = stringList(a.records);
  if (zoneId === undefined || name === undefined || type === undefined || records === undefined) return [];
  const fqdn = name.endsWith('.') ? name : `${name}.`;
  const ttl = typeof a.ttl === 'number' ? { ttl: a.ttl } : {};
  const out: WrittenRecord[] = [];
  for (const text of records) {
    if (type === 'TXT' || type === 'SPF') {
      // Route 53's TXT form: chunks joined by `""`, `\"` for a quote (the provider adds the outer quotes).
      out.push({ zoneId, name: fqdn, type, value: text.replace(/""/g, '').replace(/\\(["\\])/g, '$1'), ...ttl });
      continue;
    }
    const data = readPresentation(type, text, fqdn);
    if (data) out.push({ zoneId, name: fqdn, type, ...data, ...ttl });
  }
  return out;
}
