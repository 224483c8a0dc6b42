// RFC 2136 servers (through hashicorp/dns) as a DNS host: the zone target, its record-set resources, reader and host rules.
export { Rfc2136Zone, rfc2136Host } from './zone';
export {
  DnsMxRecordSet, DnsTxtRecordSet, DnsCnameRecord, DNS_MX_RECORD_SET_TYPE, DNS_TXT_RECORD_SET_TYPE, DNS_CNAME_RECORD_TYPE, DNS_GENERATOR_METADATA,
} from './record-sets';
export type { DnsMxEntry, DnsMxRecordSetConfig, DnsTxtRecordSetConfig, DnsCnameRecordConfig, Rfc2136RecordConfig } from './record-sets';
export { rfc2136Reader } from './reader';
export { toRfc2136Txt, fromRfc2136Txt, rfc2136TxtProblem } from './txt';
export { RFC2136_RULES } from './rules';
