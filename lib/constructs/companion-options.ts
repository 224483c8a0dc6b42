import { SpfAll } from '../presets/preset';
import { MailDomainProps } from './mail-domain-props';

/**
 * Records a vendor asks for beside MX, each opt-in. Values are what the vendor's console
 * shows; a whole record value (e.g. `google-site-verification=…`) is accepted where the
 * preset wants only the token. Asking for a group the vendor does not document is an error.
 */
export interface CompanionOptions {
  /**
   * The vendor's SPF `include:`. Every construct that adds SPF to the same name shares one
   * `v=spf1` record; it ends with the most lenient terminator the vendors document unless
   * `{ all }` chooses one.
   */
  readonly spf?: boolean | { readonly all?: SpfAll };
  /** DKIM records: `true` where they are fixed (CNAMEs to the vendor), else the values asked for, e.g. `{ publicKey }`. */
  readonly dkim?: boolean | Readonly<Record<string, string>>;
  /** Domain-ownership record: the token (or whole value) the vendor shows, or its values by name. */
  readonly verification?: string | Readonly<Record<string, string>>;
  /** Client autodiscovery CNAMEs the vendor documents (e.g. Microsoft 365's `autodiscover`). */
  readonly autodiscover?: boolean;
  /** DMARC record the preset documents (null MX: `p=reject`). */
  readonly dmarc?: boolean;
}

/** Props every vendor construct takes besides the zone: companions and the preset-age check. */
export interface VendorConstructProps extends MailDomainProps {
  /** Companion records to publish (SPF, DKIM, verification, autodiscover); none by default. */
  readonly companions?: CompanionOptions;
  /**
   * Warn at synth when the preset data was checked more than this many days ago. Default: the
   * `cdktf-mx:maxPresetAge` context value, else 365.
   */
  readonly maxPresetAge?: number;
}
