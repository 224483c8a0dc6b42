import { describeRecord, isNullMx, targetOf } from './mx-exchange';
import { Rule, RuleHit } from './rule';

const PRIORITY_IN_VALUE = /^\s*\d+\s+\S+\s*$/;

/** Host names are LDH (letters, digits, hyphen); `_`, `*`, spaces, empty labels and single labels are not. */
export const mxTargetSyntax: Rule = {
  id: 'mx-target-syntax',
  severity: 'error',
  summary: 'MX exchange is not a valid host name',
  why: 'Mail exchanges are fully qualified host names (RFC 5321 §2.3.5, RFC 1123 §2.1): two or more labels of letters, digits and inner hyphens. Underscores, wildcards, spaces, empty labels, a single label such as "mail" (a relative name written where a full one is needed) or an IDN that fails UTS-46 cannot be resolved as a mail host.',
  sources: ['RFC 5321 §2.3.5', 'RFC 1123 §2.1', 'RFC 1035 §2.3.1', 'UTS #46'],
  fix: 'Write the full host name the mail provider documents, e.g. mail.example.com. Unicode names are fine and are converted to punycode.',
  *check({ zone }): Iterable<RuleHit> {
    for (const record of zone.ofType('MX')) {
      if (isNullMx(record)) continue;
      const target = targetOf(record);
      const value = String(record.value ?? '');
      const hint = PRIORITY_IN_VALUE.test(value) && record.priority === undefined ? ' It looks like "priority exchange": give the priority in its own field and the host alone as the value.' : '';
      for (const problem of target.problems) {
        if (problem.code === 'syntax') {
          yield { name: record.name, record, message: `${describeRecord(record)}: ${problem.detail}.${hint || ' Use a host name of letters, digits and inner hyphens.'}` };
        }
      }
      if (target.ascii !== undefined && target.problems.length === 0 && !target.ascii.includes('.')) {
        yield { name: record.name, record, message: `${describeRecord(record)}: "${value}" is a single label, not a full host name; write it in full (e.g. ${target.ascii}.${zone.apex}).` };
      }
    }
  },
};
