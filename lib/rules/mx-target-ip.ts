import { Rule } from './rule';
import { targetProblemHits } from './target-problems';

/** Senders look up A/AAAA of the exchange; an IP literal there is not a name and is refused. */
export const mxTargetIp: Rule = {
  id: 'mx-target-ip',
  severity: 'error',
  summary: 'MX exchange is an IP address',
  why: 'RFC 5321 §5.1 requires the exchange to be a domain name that resolves to address records; senders do not treat an IP literal in an MX as an address, so mail is not delivered. Cloudflare\'s API rejects an IP as MX content.',
  sources: ['RFC 5321 §5.1', 'RFC 1035 §3.3.9'],
  fix: 'Create an A/AAAA record such as mail.<domain> for the address and point the MX at that name.',
  check: ({ zone }) => targetProblemHits(zone, 'ip', 'Point the MX at a host name with an A/AAAA record (e.g. mail.<domain>), not at the address.', { types: ['MX'] }),
};
