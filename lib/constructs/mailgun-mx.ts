import { Construct } from 'constructs';
import { mailgun } from '../../presets/mailgun';
import { VendorConstructProps } from './companion-options';
import { VendorMx } from './vendor-mx';

/** Props of {@link MailgunMx}. */
export interface MailgunMxProps extends VendorConstructProps {
  /** Region of the Mailgun account: `us` (default, mailgun.org) or `eu` (eu.mailgun.org). */
  readonly region?: 'us' | 'eu';
}

/** Mail for the name goes to Mailgun routes: mxa and mxb of the region, both at 10. Usually on a subdomain (`name: 'mg'`). */
export class MailgunMx extends VendorMx {
  constructor(scope: Construct, id: string, props: MailgunMxProps) {
    super(scope, id, { ...props, preset: mailgun, region: props.region });
  }
}
