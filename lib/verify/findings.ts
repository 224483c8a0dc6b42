import { RuleInfo, Severity } from '../rules/rule';
import { CheckStatus, DomainReport } from './check';

/** The checks `cdktf-mx verify` makes, as rules for SARIF and GitHub output (one id per kind of check). */
export const VERIFY_RULES: readonly RuleInfo[] = [
  {
    id: 'verify-mx',
    severity: 'error',
    summary: 'live MX differ from the declared MX (drift), or could not be read',
    why: 'What senders use is what DNS serves, not what the stack declares: a record changed by hand, an apply that failed half way or a zone served elsewhere routes mail to the wrong place.',
    fix: 'Run `terraform plan` to see the drift, apply the stack again, or find who changed the zone.',
  },
  {
    id: 'verify-null-mx',
    severity: 'error',
    summary: 'a declared null MX is not published alone',
    why: 'A null MX tells senders the domain takes no mail (RFC 7505); missing, or beside other MX (forbidden by RFC 7505 §3), senders try to deliver instead of refusing at once.',
    sources: ['RFC 7505'],
    fix: 'Apply the stack; remove the other MX at the name.',
  },
  {
    id: 'verify-exchange',
    severity: 'error',
    summary: 'an MX exchange has no A/AAAA record or is a CNAME',
    why: 'Senders connect to the exchange\'s own addresses; an exchange without them cannot take mail, and one that is an alias is refused by some senders (RFC 2181 §10.3, RFC 5321 §5.1).',
    sources: ['RFC 2181 §10.3', 'RFC 5321 §5.1'],
    fix: 'Publish A/AAAA records for the exchange, or point the MX at the host the CNAME names.',
  },
  {
    id: 'verify-implicit-mx',
    severity: 'warning',
    summary: 'a domain without MX: senders use its A/AAAA record',
    why: 'With no MX, senders deliver to the domain\'s own address (RFC 5321 §5.1), usually a web server.',
    sources: ['RFC 5321 §5.1'],
    fix: 'Publish MX records, or a null MX if the domain takes no mail.',
  },
  {
    id: 'verify-smtp',
    severity: 'warning',
    summary: 'an exchange does not greet on its SMTP port (--smtp)',
    why: 'An exchange that resolves but does not answer SMTP cannot take mail; senders move to the next exchange or queue.',
    fix: 'Check the mail server and the firewall in front of it.',
  },
  {
    id: 'verify-mta-sts-id',
    severity: 'error',
    summary: 'the live _mta-sts TXT id is not the declared one (stale), missing, or unreadable',
    why: 'Senders refetch a cached MTA-STS policy only when the id in _mta-sts changes (RFC 8461 §3.1): a stale id keeps the old policy, and its old mx lines, in their caches for up to max_age.',
    sources: ['RFC 8461 §3.1'],
    fix: 'Apply the stack, so _mta-sts carries the id derived from the declared policy.',
  },
  {
    id: 'verify-mta-sts-policy',
    severity: 'error',
    summary: 'the MTA-STS policy served over HTTPS is not the declared one, or senders cannot fetch it (certificate, status, media type, size, redirect)',
    why: 'Senders fetch https://mta-sts.<domain>/.well-known/mta-sts.txt over HTTPS with a certificate valid for that host, take only a 200 text/plain answer and follow no redirect (RFC 8461 §3.3); what they get there is the policy they apply, whatever the stack declares.',
    sources: ['RFC 8461 §3.3'],
    fix: 'Serve the stack\'s policy output at that URL, as text/plain, with a certificate for mta-sts.<domain>, without a redirect.',
  },
  {
    id: 'verify-mta-sts-coverage',
    severity: 'error',
    summary: 'a live MX exchange is matched by no mx line of the served MTA-STS policy',
    why: 'In enforce mode, senders that honour MTA-STS do not deliver to an MX host no mx line matches (RFC 8461 §4.1, §5); in testing mode they report it.',
    sources: ['RFC 8461 §4.1', 'RFC 8461 §5'],
    fix: 'Add the pattern the finding names to the policy, serve it, and publish its new id; or remove the MX.',
  },
  {
    id: 'verify-tlsa',
    severity: 'error',
    summary: 'the live TLSA records at _25._tcp.<exchange> differ from the declared ones',
    why: 'DANE senders (RFC 7672) authenticate the exchange with the TLSA records live DNS serves: a missing record drops DANE, a record for another key makes them refuse the exchange.',
    sources: ['RFC 7672 §2.2', 'RFC 6698'],
    fix: 'Apply the stack, or declare the TLSA record of the key the exchange uses.',
  },
  {
    id: 'verify-dane',
    severity: 'error',
    summary: 'an exchange with declared TLSA presents, after STARTTLS, a key no declared DANE-EE record matches, or offers no STARTTLS (--smtp)',
    why: 'DANE senders (RFC 7672 §3.1.1) deliver only when the key the exchange presents matches a TLSA record; a renewed key without a new record, or no STARTTLS, stops delivery from them.',
    sources: ['RFC 7672 §3.1.1', 'RFC 7672 §2.2'],
    fix: 'Publish the TLSA record of the key in use before the key changes (both during a rollover), or install the declared key.',
  },
];

/** The severity of a verify status; `ok` is not a finding. */
const SEVERITY: Readonly<Record<CheckStatus, Severity | undefined>> = { ok: undefined, info: 'info', warn: 'warning', drift: 'error', fail: 'error', error: 'error' };

/** The rule id of a check name (`MX`, `null MX`, `exchange <host>`, `smtp <host>`, `implicit MX`, `MTA-STS id|policy|coverage`, `TLSA <host>`, `delivery order`). */
export function verifyRuleId(check: string): string {
  const kind = check.startsWith('exchange ') ? 'exchange' : check.startsWith('smtp ') ? 'smtp' : check.startsWith('TLSA ') ? 'tlsa' : check.startsWith('DANE ') ? 'dane' : check.toLowerCase().replace(/ /g, '-');
  return `verify-${kind}`;
}

/**
 * Every check of the reports that is not `ok`, as a finding at the domain (with trailing dot).
 * The delivery order is a report of what senders do, not a problem: it is left out.
 */
export function verifyFindings(reports: readonly DomainReport[]): Array<{ rule: string; severity: Severity; name: string; message: string }> {
  return reports.flatMap((report) => report.checks.filter((check) => check.check !== 'delivery order').flatMap((check) => {
    const severity = SEVERITY[check.status];
    return severity ? [{ rule: verifyRuleId(check.check), severity, name: `${report.domain}.`, message: `${report.domain}. ${check.check} (${check.status}): ${check.message}` }] : [];
  }));
}
