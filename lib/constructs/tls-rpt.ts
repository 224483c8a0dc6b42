import { Construct } from 'constructs';
import { describeValue, MxInputError } from '../dns/errors';
import { renderTlsRptRecord, reportUriProblem, TLS_RPT_LABEL } from '../transport/tls-rpt';
import { MailDomainProps } from './mail-domain-props';
import { MailRecordsBase } from './mail-records-base';

/** Props of {@link TlsRpt}. */
export interface TlsRptProps extends MailDomainProps {
  /** Where senders send daily TLS reports: `mailto:` addresses or `https:` URLs (RFC 8460 §3); at least one. */
  readonly rua: readonly string[];
}

/**
 * SMTP TLS reporting (RFC 8460): `_smtp._tls.<name>` TXT `v=TLSRPTv1; rua=…`, so senders that
 * fail (or succeed) to deliver over TLS — under MTA-STS or DANE — tell you. Run it before moving
 * an MTA-STS policy from `testing` to `enforce`.
 */
export class TlsRpt extends MailRecordsBase {
  /** The report URIs. */
  public readonly rua: readonly string[];

  constructor(scope: Construct, id: string, props: TlsRptProps) {
    super(scope, id, props);
    if (!Array.isArray(props.rua) || props.rua.length === 0) {
      throw new MxInputError('rua', `give at least one report URI, e.g. "mailto:tls-reports@${this.domain}" (${this.where()})`);
    }
    props.rua.forEach((uri: unknown, index) => {
      const problem = typeof uri === 'string' ? reportUriProblem(uri.trim()) : `${describeValue(uri)} is not a URI`;
      if (problem) throw new MxInputError(`rua[${index}]`, `${problem} (${this.where()})`);
    });
    this.rua = props.rua.map((uri) => uri.trim());
    this.publish({ type: 'TXT', value: renderTlsRptRecord(this.rua), label: TLS_RPT_LABEL, identity: 'tls-rpt', field: 'rua' });
  }
}
