import { Rule } from './rule';
import { targetProblemHits } from './target-problems';

/** An MX with no exchange at all is neither a route nor a valid null MX. */
export const mxTargetEmpty: Rule = {
  id: 'mx-target-empty',
  severity: 'error',
  summary: 'MX exchange is missing',
  why: 'An MX record needs an exchange host name (RFC 1035 §3.3.9). A lone "." is the RFC 7505 null MX, which is handled by the null-MX rules; an empty value is neither and providers reject it.',
  sources: ['RFC 1035 §3.3.9', 'RFC 7505 §3'],
  fix: 'Set the exchange to the mail server host name, or use NullMx if the domain receives no mail.',
  check: ({ zone }) => targetProblemHits(zone, 'empty', 'Give the mail server host name, or use NullMx for a domain that receives no mail.', { types: ['MX'] }),
};
