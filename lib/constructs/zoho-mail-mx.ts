import { Construct } from 'constructs';
import { zohoMail } from '../../presets/zoho-mail';
import { VendorConstructProps } from './companion-options';
import { VendorMx } from './vendor-mx';

/** Zoho data centres (the domain of your login URL, mail.zoho.<region>; `ca` is zohocloud.ca). */
export type ZohoMailRegion = 'com' | 'eu' | 'in' | 'com.au' | 'jp' | 'ca' | 'sa' | 'com.cn';

/** Props of {@link ZohoMailMx}. */
export interface ZohoMailMxProps extends VendorConstructProps {
  /** The data centre the organisation was created in; the wrong one bounces mail. */
  readonly region: ZohoMailRegion;
}

/** Mail for the domain goes to Zoho Mail: mx, mx2 and mx3 of the data centre at 10, 20 and 50. */
export class ZohoMailMx extends VendorMx {
  constructor(scope: Construct, id: string, props: ZohoMailMxProps) {
    super(scope, id, { ...props, preset: zohoMail, region: props.region });
  }
}
