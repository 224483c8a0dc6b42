import { Rule, RuleHit } from './rule';
import { stsRecordOf, transportView } from './transport-security';

/** RFC 8461 §6.2 / RFC 8460: without TLS-RPT a policy failing senders stays invisible. */
export const mtaStsWithoutTlsRpt: Rule = {
  id: 'mta-sts-without-tls-rpt',
  severity: 'info',
  summary: 'MTA-STS without a TLS-RPT record at _smtp._tls',
  why: 'RFC 8461 §5 suggests testing mode with TLS-RPT (RFC 8460) before enforce: the reports are how a domain learns that senders fail its policy (an MX missing from it, an expired certificate). Without them, enforce failures are silent.',
  sources: ['RFC 8460 §3', 'RFC 8461 §5'],
  fix: 'Publish a TLS-RPT record (TlsRpt construct): "v=TLSRPTv1; rua=mailto:tls-reports@<domain>".',
  *check({ zone }): Iterable<RuleHit> {
    const view = transportView(zone);
    for (const name of view.stsNames) {
      if (view.tlsRptRecords.has(name)) continue;
      const record = stsRecordOf(view, name);
      yield { name, ...(record ? { record } : {}), message: `${name} publishes MTA-STS but no TLS-RPT record at _smtp._tls.${name}; failures of senders to deliver under the policy go unreported.` };
    }
  },
};
