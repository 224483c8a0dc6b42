import { describeRecord } from '../../rules/mx-exchange';
import { Rule, RuleHit } from '../../rules/rule';
import { rfc2136TxtProblem } from '../txt';

/** A `dns_txt_record_set` value with an unescaped `"` or `\`: the provider mangles it and the set drifts on every plan. */
export const rfc2136TxtEscape: Rule = {
  id: 'rfc2136-txt-escape',
  severity: 'error',
  summary: 'a hashicorp/dns TXT value holds " or \\ that is not zone-file escaped',
  why: 'hashicorp/dns writes each txt value into a zone-file line, `TXT "<value>"`, and parses it: an unescaped " ends the string (`say "hi" now` is served as three strings and read back as `say hi now`) and a \\ escapes the next character and is lost. The value served is not the value declared, and every plan shows an update that never converges. Deployed against BIND with hashicorp/dns 3.2.4 (docs/hosts.md).',
  sources: ['docs/hosts.md (RFC 2136: TXT encoding)', 'RFC 1035 §5.1'],
  fix: 'Escape " as \\" and \\ as \\\\ in the txt value (cdktf-mx\'s Rfc2136Zone does this for you). A set the provider already mangled needs a destroy or a TTL change to clean up.',
  *check({ zone }): Iterable<RuleHit> {
    for (const record of zone.records) {
      const written = record.resource?.written;
      if (record.type !== 'TXT' || written === undefined) continue;
      const problem = rfc2136TxtProblem(written);
      if (problem === undefined) continue;
      yield { name: record.name, record, message: `${describeRecord(record)}: ${record.resource!.address} writes ${problem}; hashicorp/dns mangles the value. Escape " as \\" and \\ as \\\\.` };
    }
  },
};
