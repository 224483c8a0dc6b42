import { Construct } from 'constructs';
import { fastmail } from '../../presets/fastmail';
import { VendorConstructProps } from './companion-options';
import { VendorMx } from './vendor-mx';

/** Props of {@link FastmailMx}. */
export interface FastmailMxProps extends VendorConstructProps {}

/**
 * Mail for the domain goes to Fastmail: in1-smtp at 10, in2-smtp at 20.
 * `companions: { spf: true, dkim: true }` adds Fastmail's SPF include and its fm1–fm3 DKIM CNAMEs.
 */
export class FastmailMx extends VendorMx {
  constructor(scope: Construct, id: string, props: FastmailMxProps) {
    super(scope, id, { ...props, preset: fastmail });
  }
}
