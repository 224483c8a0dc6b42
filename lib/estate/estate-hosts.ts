import { MxInputError } from '../dns/errors';
import { CloudflareZone } from '../cloudflare/zone';
import { Rfc2136Zone } from '../rfc2136/zone';
import { ZoneTarget } from '../zones/host';
import { EstateDomain } from './inventory';

/** Makes the zone of an estate domain from its inventory entry (`zoneId`, `domain`). */
export type EstateZoneFactory = (entry: EstateDomain) => ZoneTarget;

/**
 * The hosts an inventory's `host` column may name, and how each makes its zone:
 * `cloudflare` (the default) from the zone id, `rfc2136` from the zone name in `zone_id`.
 * Pass `MailEstateProps.hosts` to add others (Route 53, Google Cloud DNS need more than one id).
 */
export const ESTATE_HOSTS: Readonly<Record<string, EstateZoneFactory>> = {
  cloudflare: (entry) => {
    if (!/^[0-9a-f]{32}$/i.test(entry.zoneId)) throw new MxInputError('zone_id', `a Cloudflare zone id is 32 hex digits, not ${JSON.stringify(entry.zoneId)}`);
    return CloudflareZone.fromId(entry.zoneId, entry.domain);
  },
  rfc2136: (entry) => Rfc2136Zone.of(entry.zoneId),
};

/** The host a domain uses when its entry names none. */
export const DEFAULT_ESTATE_HOST = 'cloudflare';
