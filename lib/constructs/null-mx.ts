import { Construct } from 'constructs';
import { NULL_MX_EXCHANGE } from '../dns/names';
import { MailDomainProps } from './mail-domain-props';
import { MailRecordsBase } from './mail-records-base';

/** Props of {@link NullMx}. */
export interface NullMxProps extends MailDomainProps {
  /** Also publish `v=spf1 -all` at the name so nobody can send as it. Default true. */
  readonly spf?: boolean;
  /** Also publish DMARC `v=DMARC1; p=reject;` at `_dmarc.<name>`, as parked-domain practice recommends. Default true. */
  readonly dmarc?: boolean;
}

/** SPF that authorises no sender. */
export const SPF_REJECT_ALL = 'v=spf1 -all';
/** DMARC that asks receivers to reject all mail claiming to be from the domain. */
export const DMARC_REJECT = 'v=DMARC1; p=reject;';

/**
 * "This domain takes no mail" (RFC 7505): exactly one `MX 0 .`, so senders fail fast
 * instead of falling back to the domain's A/AAAA, plus SPF and DMARC that reject
 * anything sent in the domain's name.
 */
export class NullMx extends MailRecordsBase {
  constructor(scope: Construct, id: string, props: NullMxProps) {
    super(scope, id, props);
    this.publish({ type: 'MX', value: NULL_MX_EXCHANGE, priority: 0, identity: 'null', field: 'null MX' });
    if (props.spf !== false) this.publish({ type: 'TXT', value: SPF_REJECT_ALL, identity: 'spf', field: 'spf' });
    if (props.dmarc !== false) this.publish({ type: 'TXT', value: DMARC_REJECT, label: '_dmarc', identity: 'dmarc', field: 'dmarc' });
  }
}
