import { Construct } from 'constructs';
import { microsoft365 } from '../../presets/microsoft-365';
import { VendorConstructProps } from './companion-options';
import { MailRecordsBase } from './mail-records-base';

/** Microsoft clouds with their own SPF include and autodiscover host. */
export type Microsoft365Cloud = 'worldwide' | 'gcc-high' | 'dod' | '21vianet';

/** Props of {@link Microsoft365Mx}. */
export interface Microsoft365MxProps extends VendorConstructProps {
  /**
   * The tenant's MX host exactly as the Microsoft 365 admin centre shows it, e.g.
   * `contoso-com.mail.protection.outlook.com` or `contoso-com.o-v1.mx.microsoft`.
   * It cannot be derived from the domain (Microsoft adds suffixes such as `01b`).
   */
  readonly exchange: string;
  /** Accept a host outside Microsoft's known suffixes (sovereign or future clouds). Default false. */
  readonly allowCustomHost?: boolean;
  /** Cloud the tenant lives in; decides the SPF include and autodiscover host of `companions`. Default `worldwide`. */
  readonly region?: Microsoft365Cloud;
}

/** Mail for the domain goes to Microsoft 365 / Exchange Online: one MX at priority 0. */
export class Microsoft365Mx extends MailRecordsBase {
  constructor(scope: Construct, id: string, props: Microsoft365MxProps) {
    super(scope, id, props);
    this.publishPreset(microsoft365, undefined, { exchange: props.exchange }, {
      allowCustomHost: props.allowCustomHost,
      region: props.region,
      companions: props.companions,
      maxPresetAge: props.maxPresetAge,
    });
  }
}
