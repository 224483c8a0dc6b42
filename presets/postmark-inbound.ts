import { MailPreset } from '../lib/presets/preset';

/** Postmark inbound domain forwarding. */
export const postmarkInbound: MailPreset = {
  id: 'postmark-inbound',
  name: 'Postmark inbound',
  category: 'inbound-api',
  sources: [{ url: 'https://postmarkapp.com/developer/user-guide/inbound/inbound-domain-forwarding', title: 'Inbound domain forwarding' }],
  checked: '2026-11-24',
  confidence: 'high',
  defaultVariant: 'current',
  singleMxRedundant: true,
  variants: {
    current: { description: 'One MX, inbound.postmarkapp.com at 10.', mx: [{ priority: 10, exchange: 'inbound.postmarkapp.com' }] },
  },
  notes: 'Postmark recommends a subdomain; also set InboundDomain on the server through Postmark\'s API.',
};
