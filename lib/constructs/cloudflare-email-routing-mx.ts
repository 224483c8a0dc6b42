import { Construct } from 'constructs';
import { cloudflareEmailRouting } from '../../presets/cloudflare-email-routing';
import { VendorConstructProps } from './companion-options';
import { VendorMx } from './vendor-mx';

/** The MX preferences Cloudflare assigned to a zone's Email Routing hosts. */
export interface EmailRoutingPriorities {
  /** Preference of route1.mx.cloudflare.net (amir on legacy zones). */
  readonly route1: number;
  /** Preference of route2.mx.cloudflare.net (linda on legacy zones). */
  readonly route2: number;
  /** Preference of route3.mx.cloudflare.net (isaac on legacy zones). */
  readonly route3: number;
}

/** Props of {@link CloudflareEmailRoutingMx}. */
export interface CloudflareEmailRoutingMxProps extends VendorConstructProps {
  /**
   * The preferences Cloudflare assigned in this zone (Email Routing > Settings > DNS records, or
   * `GET /zones/{zone_id}/email/routing/dns`). Cloudflare picks them per zone; they are never guessed.
   */
  readonly priorities: EmailRoutingPriorities;
  /** `current` (route1–3, default) or `legacy` (amir, linda, isaac) hosts, as the zone has them. */
  readonly variant?: 'current' | 'legacy';
}

/**
 * Cloudflare Email Routing's MX records, declared so the rules see them and Terraform tracks them.
 * Cloudflare creates and locks these records when routing is enabled: enable routing first,
 * then import the records it made into these resources (creating them again fails with
 * "An identical record already exists").
 */
export class CloudflareEmailRoutingMx extends VendorMx {
  constructor(scope: Construct, id: string, props: CloudflareEmailRoutingMxProps) {
    super(scope, id, { ...props, preset: cloudflareEmailRouting, parameters: { ...props.priorities } });
  }
}
