import { Construct } from 'constructs';
import { amazonSesInbound } from '../../presets/amazon-ses-inbound';
import { VendorConstructProps } from './companion-options';
import { VendorMx } from './vendor-mx';

/** Props of {@link AmazonSesInboundMx}. */
export interface AmazonSesInboundMxProps extends VendorConstructProps {
  /**
   * AWS region of the active receipt rule set, e.g. `eu-west-1`. Regions AWS added after the
   * preset was checked are accepted with a warning.
   */
  readonly region: string;
}

/** Mail for the name goes to Amazon SES email receiving: one MX, inbound-smtp.<region>.amazonaws.com at 10. */
export class AmazonSesInboundMx extends VendorMx {
  constructor(scope: Construct, id: string, props: AmazonSesInboundMxProps) {
    super(scope, id, { ...props, preset: amazonSesInbound, region: props.region });
  }
}
