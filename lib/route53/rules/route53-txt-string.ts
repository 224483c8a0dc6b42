import { quotedStringOctets, MAX_TXT_STRING } from '../../dns/txt';
import { describeRecord } from '../../rules/mx-exchange';
import { Rule, RuleHit } from '../../rules/rule';

/**
 * An `aws_route53_record` TXT element whose character-string is longer than 255 octets: the
 * provider wraps each element in one pair of quotes and does not split (terraform-provider-aws
 * #14941), so Route 53 refuses it (CharacterStringTooLong) at apply.
 */
export const route53TxtString: Rule = {
  id: 'route53-txt-string',
  severity: 'error',
  summary: 'a Route 53 TXT value holds a character-string over 255 octets (not split with "")',
  why: 'A TXT character-string holds at most 255 octets (RFC 1035 §3.3). The AWS provider sends each records element as one quoted string and does not split long values (terraform-provider-aws #14941), so a longer string (a 2048-bit DKIM key) is refused by Route 53 at apply, after the plan looked fine. The documented form splits it inside the element: "chunk1\\"\\"chunk2" in HCL, two strings on the wire.',
  sources: ['hashicorp/terraform-provider-aws #14941', 'Terraform aws_route53_record: records', 'RFC 1035 §3.3'],
  fix: 'Split the value into strings of at most 255 octets joined by \\"\\" inside one records element (cdktf-mx\'s Route53Zone does this for you).',
  *check({ zone }): Iterable<RuleHit> {
    for (const record of zone.records) {
      const written = record.resource?.written;
      if (record.type !== 'TXT' || written === undefined) continue;
      const longest = Math.max(...quotedStringOctets(`"${written}"`));
      if (longest <= MAX_TXT_STRING) continue;
      yield { name: record.name, record, message: `${describeRecord(record)}: ${record.resource!.address} writes a character-string of ${longest} octets; Route 53 takes at most ${MAX_TXT_STRING} per string. Split it with \\"\\" every 255 octets.` };
    }
  },
};
