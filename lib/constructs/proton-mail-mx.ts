import { Construct } from 'constructs';
import { protonMail } from '../../presets/proton-mail';
import { VendorConstructProps } from './companion-options';
import { VendorMx } from './vendor-mx';

/** Props of {@link ProtonMailMx}. */
export interface ProtonMailMxProps extends VendorConstructProps {}

/**
 * Mail for the domain goes to Proton Mail: mail.protonmail.ch at 10, mailsec.protonmail.ch at 20.
 * Companions: `verification: 'protonmail-verification=…'`, `dkim: { domainId }`, `spf: true`.
 */
export class ProtonMailMx extends VendorMx {
  constructor(scope: Construct, id: string, props: ProtonMailMxProps) {
    super(scope, id, { ...props, preset: protonMail });
  }
}
