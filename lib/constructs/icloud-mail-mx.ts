import { Construct } from 'constructs';
import { icloudPlus } from '../../presets/icloud-plus';
import { VendorConstructProps } from './companion-options';
import { VendorMx } from './vendor-mx';

/** Props of {@link ICloudMailMx}. */
export interface ICloudMailMxProps extends VendorConstructProps {}

/**
 * Mail for the domain goes to iCloud+ Custom Email Domain: mx01 and mx02.mail.icloud.com at 10.
 * Companions: `verification: 'apple-domain=…'`, `dkim: true` (sig1 CNAME), `spf: true`.
 */
export class ICloudMailMx extends VendorMx {
  constructor(scope: Construct, id: string, props: ICloudMailMxProps) {
    super(scope, id, { ...props, preset: icloudPlus });
  }
}
