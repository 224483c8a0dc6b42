import { describeRecord } from '../../rules/mx-exchange';
import { Rule, RuleHit } from '../../rules/rule';

/**
 * A `google_dns_record_set` TXT rrdata written without quotes that holds a space: Cloud DNS
 * reads rrdatas in presentation form, where each space-separated word is its own string.
 */
export const googleDnsTxtUnquoted: Rule = {
  id: 'google-dns-txt-unquoted',
  severity: 'error',
  summary: 'a Google Cloud DNS TXT rrdata with spaces is not quoted',
  why: 'Cloud DNS reads rrdatas in zone-file presentation form (RFC 1035 §5.1): an unquoted `v=spf1 include:_spf.google.com ~all` is three character-strings, which receivers join without spaces (`v=spf1include:_spf.google.com~all`), so the SPF record is broken. The provider\'s own documentation asks for quotes around TXT data with spaces.',
  sources: ['Terraform google_dns_record_set: rrdatas', 'RFC 1035 §5.1', 'RFC 7208 §3.3'],
  fix: 'Quote the value: "\\"v=spf1 include:_spf.google.com ~all\\"" (cdktf-mx\'s GoogleDnsZone quotes for you).',
  *check({ zone }): Iterable<RuleHit> {
    for (const record of zone.records) {
      const written = record.resource?.written?.trim();
      if (record.type !== 'TXT' || written === undefined || written.startsWith('"') || !/\s/.test(written)) continue;
      yield { name: record.name, record, message: `${describeRecord(record)}: ${record.resource!.address} writes it without quotes, so Cloud DNS stores each word as its own string and the text loses its spaces. Quote it.` };
    }
  },
};
