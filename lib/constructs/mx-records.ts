import { Construct } from 'constructs';
import { MxInputError } from '../dns/errors';
import { MailDomainProps } from './mail-domain-props';
import { MailRecordsBase } from './mail-records-base';

/** One MX record: where mail goes and in what order. */
export interface MxEntry {
  /** Preference 0–65535; lower is tried first, equal values share the load. */
  readonly priority: number;
  /** Host name of the mail server; it needs its own A/AAAA record and must not be a CNAME or an IP. */
  readonly exchange: string;
}

/** Props of {@link MxRecords}. */
export interface MxRecordsProps extends MailDomainProps {
  /** The MX records to publish at `name`; at least one. */
  readonly records: readonly MxEntry[];
}

/**
 * Your own MX records, e.g. a self-hosted server and its backup. Each record's
 * Terraform address derives from its exchange, so reordering the list changes nothing.
 */
export class MxRecords extends MailRecordsBase {
  constructor(scope: Construct, id: string, props: MxRecordsProps) {
    super(scope, id, props);
    if (!Array.isArray(props.records) || props.records.length === 0) {
      throw new MxInputError('records', `give at least one { priority, exchange }; for a domain that takes no mail use NullMx (${this.node.path})`);
    }
    this.publishMx(props.records, 'records');
  }
}
