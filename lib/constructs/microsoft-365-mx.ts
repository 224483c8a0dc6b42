import { Construct } from 'constructs';
import { microsoft365 } from '../../presets/microsoft-365';
import { MailDomainProps } from './mail-domain-props';
import { MailRecordsBase } from './mail-records-base';

/** Props of {@link Microsoft365Mx}. */
export interface Microsoft365MxProps extends MailDomainProps {
  /**
   * The tenant's MX host exactly as the Microsoft 365 admin centre shows it, e.g.
   * `contoso-com.mail.protection.outlook.com` or `contoso-com.o-v1.mx.microsoft`.
   * It cannot be derived from the domain (Microsoft adds suffixes such as `01b`).
   */
  readonly exchange: string;
  /** Accept a host outside Microsoft's known suffixes (sovereign or future clouds). Default false. */
  readonly allowCustomHost?: boolean;
}

/** Mail for the domain goes to Microsoft 365 / Exchange Online: one MX at priority 0. */
export class Microsoft365Mx extends MailRecordsBase {
  constructor(scope: Construct, id: string, props: Microsoft365MxProps) {
    super(scope, id, props);
    this.publishPreset(microsoft365, undefined, { exchange: props.exchange }, { allowCustomHost: props.allowCustomHost });
  }
}
