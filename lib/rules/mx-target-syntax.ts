import { Rule } from './rule';
import { targetProblemHits } from './target-problems';

/** Host names are LDH (letters, digits, hyphen); `_`, `*`, spaces and empty labels are not. */
export const mxTargetSyntax: Rule = {
  id: 'mx-target-syntax',
  severity: 'error',
  summary: 'MX exchange is not a valid host name',
  why: 'Mail exchanges are host names (RFC 5321 §2.3.5, RFC 1123 §2.1): labels of letters, digits and inner hyphens. Underscores, wildcards, spaces, empty labels or an IDN that fails UTS-46 cannot be resolved as a mail host.',
  fix: 'Correct the host name; use the exact value the mail provider documents. Unicode names are fine and are converted to punycode.',
  check: ({ zone }) => targetProblemHits(zone, 'syntax', 'Use a host name of letters, digits and inner hyphens.', { types: ['MX'] }),
};
