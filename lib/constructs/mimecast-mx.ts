import { Construct } from 'constructs';
import { mimecast } from '../../presets/mimecast';
import { VendorConstructProps } from './companion-options';
import { VendorMx } from './vendor-mx';

/**
 * Mimecast grids, from the account code: CUSA → `us`, CUSB → `usb`, CUK → `uk`, CDE → `de`,
 * CAU → `au`, CSA → `za`, CCA → `ca`; `je` is the Jersey offshore grid.
 */
export type MimecastRegion = 'us' | 'usb' | 'uk' | 'de' | 'au' | 'za' | 'je' | 'ca';

/** Props of {@link MimecastMx}. */
export interface MimecastMxProps extends VendorConstructProps {
  /** The account's grid (see {@link MimecastRegion}). */
  readonly region: MimecastRegion;
}

/**
 * Mail for the domain goes through the Mimecast gateway: the grid's two inbound hosts at 10.
 * Do not also publish the mailbox vendor's MX (Microsoft 365, Google): Mimecast delivers to it.
 */
export class MimecastMx extends VendorMx {
  constructor(scope: Construct, id: string, props: MimecastMxProps) {
    super(scope, id, { ...props, preset: mimecast, region: props.region });
  }
}
