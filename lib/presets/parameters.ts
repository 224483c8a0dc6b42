import { PresetParameter } from './preset';

/** Base64 of a DKIM public key (the `p=` value). */
const BASE64_KEY = '^[A-Za-z0-9+/]+=*$';
/** A DKIM selector as vendors hand them out. */
const SELECTOR = '^[a-z0-9][a-z0-9-]*$';

/** A DKIM public key parameter; `shownBy` says where the user finds it, e.g. `the admin console`. */
export function dkimPublicKey(shownBy: string): PresetParameter {
  return { description: `the p= value ${shownBy} shows`, pattern: BASE64_KEY, example: 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAexampleKey' };
}

/** A DKIM selector parameter; give `fallback` when the vendor has a default selector. */
export function dkimSelector(shownBy: string, example: string, fallback?: string): PresetParameter {
  return { description: `the DKIM selector ${shownBy} shows`, pattern: SELECTOR, example, ...(fallback !== undefined ? { default: fallback } : {}) };
}
