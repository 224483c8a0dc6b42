import { describeRecord } from '../../rules/mx-exchange';
import { Rule, RuleHit } from '../../rules/rule';
import { rfc2136TxtProblem } from '../txt';

/** A `dns_txt_record_set` value with an unescaped `"` or `\`: the provider mangles it and (3.6.1) fails the apply, leaving the set tainted. */
export const rfc2136TxtEscape: Rule = {
  id: 'rfc2136-txt-escape',
  severity: 'error',
  summary: 'a hashicorp/dns TXT value holds " or \\ that is not zone-file escaped',
  why: 'hashicorp/dns writes each txt value into a zone-file line, `TXT "<value>"`, and parses it: an unescaped " ends the string (`say "hi" now` is served as three strings and read back as `say hi now`) and a \\ escapes the next character and is lost. The value served is not the value declared: with hashicorp/dns 3.6.1 the apply then fails ("Provider produced inconsistent result after apply") and leaves the set tainted, so every later apply replaces it and fails again; 3.2.4 applied and showed an update on every plan. Deployed against BIND with 3.6.1 and 3.2.4 (docs/hosts.md).',
  sources: ['docs/hosts.md (RFC 2136: TXT encoding)', 'RFC 1035 §5.1'],
  fix: 'Escape " as \\" and \\ as \\\\ in the txt value (cdktf-mx\'s Rfc2136Zone does this for you). A set 3.6.1 already mangled is tainted: the next apply with escaped values replaces it and removes the mangled records (with 3.2.4 it needed a destroy or a TTL change).',
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
