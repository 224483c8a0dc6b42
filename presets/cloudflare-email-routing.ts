import { dkimPublicKey } from '../lib/presets/parameters';
import { MailPreset } from '../lib/presets/preset';

const priority = (host: string, example: string) => ({
  description: `the preference Cloudflare assigned to ${host} in this zone (Email Routing > Settings, or GET /zones/{zone_id}/email/routing/dns)`,
  kind: 'priority' as const,
  example,
});

/**
 * Cloudflare Email Routing. Cloudflare picks the MX preferences per zone and creates and
 * locks the records itself when routing is enabled, so the preferences are parameters
 * (never invented) and the records are imported rather than created.
 */
export const cloudflareEmailRouting: MailPreset = {
  id: 'cloudflare-email-routing',
  name: 'Cloudflare Email Routing',
  category: 'forwarding',
  sources: [
    { url: 'https://developers.cloudflare.com/email-service/configuration/domains/', title: 'Email Service domain configuration (routing records; "Priority: Assigned automatically by Cloudflare")' },
    { url: 'https://developers.cloudflare.com/email-routing/postmaster/', title: 'Email Routing postmaster (MX, SPF, DKIM records)' },
    { url: 'https://developers.cloudflare.com/api/go/resources/email_routing/subresources/dns/methods/create', title: 'Email Routing DNS API (enable: "Add and lock the necessary MX and SPF records")' },
  ],
  checked: '2026-11-25',
  confidence: 'high',
  defaultVariant: 'current',
  parameters: {
    route1: priority('route1.mx.cloudflare.net (amir on legacy zones)', '13'),
    route2: priority('route2.mx.cloudflare.net (linda on legacy zones)', '86'),
    route3: priority('route3.mx.cloudflare.net (isaac on legacy zones)', '24'),
  },
  variants: {
    current: {
      description: 'route1, route2 and route3.mx.cloudflare.net at the preferences Cloudflare assigned to the zone.',
      mx: [
        { priority: 13, exchange: 'route1.mx.cloudflare.net', priorityParameter: 'route1' },
        { priority: 86, exchange: 'route2.mx.cloudflare.net', priorityParameter: 'route2' },
        { priority: 24, exchange: 'route3.mx.cloudflare.net', priorityParameter: 'route3' },
      ],
    },
    legacy: {
      description: 'amir, linda and isaac.mx.cloudflare.net, the hosts of zones that enabled routing before the route1–3 hosts.',
      legacy: true,
      mx: [
        { priority: 13, exchange: 'amir.mx.cloudflare.net', priorityParameter: 'route1' },
        { priority: 86, exchange: 'linda.mx.cloudflare.net', priorityParameter: 'route2' },
        { priority: 24, exchange: 'isaac.mx.cloudflare.net', priorityParameter: 'route3' },
      ],
    },
  },
  companions: {
    spf: { include: '_spf.mx.cloudflare.net', all: '~all' },
    dkim: {
      description: 'TXT key at cf2024-1._domainkey that Cloudflare adds for routed mail.',
      records: [{ type: 'TXT', name: 'cf2024-1._domainkey', value: 'v=DKIM1; h=sha256; k=rsa; p={publicKey}' }],
      parameters: { publicKey: dkimPublicKey('the zone\'s DNS (as Cloudflare published it)') },
    },
  },
  notes: 'Enable routing first (dashboard or POST /zones/{zone_id}/email/routing/dns): Cloudflare then creates and locks the MX and SPF records. Read their preferences back, declare them here, and import the existing records (terraform import / import blocks) instead of creating them, or creating fails with "An identical record already exists".',
};
