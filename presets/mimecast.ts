import { MailPreset } from '../lib/presets/preset';

const pair = (name: string, prefix: string, domain: string, spfInclude?: string, unverified?: string) => ({
  name,
  values: { host1: `${prefix}-smtp-inbound-1.${domain}`, host2: `${prefix}-smtp-inbound-2.${domain}`, ...(spfInclude ? { spfInclude } : {}) },
  ...(unverified ? { unverified } : {}),
});

/**
 * Mimecast Email Security gateway. The region is the account's grid (the letters after C in
 * the account code: CUSA, CUSB, CUK, CDE, CAU, CSA, CCA). With a gateway in front, the
 * mailbox vendor's own MX (Microsoft 365, Google) must not be published.
 */
export const mimecast: MailPreset = {
  id: 'mimecast',
  name: 'Mimecast',
  category: 'gateway',
  sources: [
    { url: 'https://mimecastsupport.zendesk.com/hc/en-us/articles/34000417366675', title: 'MX records by region' },
    { url: 'https://mimecastsupport.zendesk.com/hc/en-us/articles/34000792642963', title: 'SPF records by region (_netblocks includes)' },
    { url: 'https://mimecastsupport.zendesk.com/hc/en-us/articles/34000632786067', title: 'Identifying Mimecast regions from the account code' },
  ],
  checked: '2026-11-25',
  confidence: 'medium',
  defaultVariant: 'current',
  variants: {
    current: {
      description: 'The region\'s two inbound hosts, both at 10.',
      mx: [
        { priority: 10, exchange: '{host1}' },
        { priority: 10, exchange: '{host2}' },
      ],
    },
  },
  regions: {
    us: pair('United States, A grid (CUSA)', 'us', 'mimecast.com', 'us._netblocks.mimecast.com'),
    usb: pair('United States, B grid (CUSB)', 'usb', 'mimecast.com'),
    uk: pair('Europe excluding Germany (CUK)', 'eu', 'mimecast.com', 'eu._netblocks.mimecast.com'),
    de: pair('Germany (CDE)', 'de', 'mimecast.com', 'de._netblocks.mimecast.com'),
    au: pair('Australia (CAU)', 'au', 'mimecast.com', 'au._netblocks.mimecast.com'),
    za: pair('South Africa (CSA)', 'za', 'mimecast.co.za', 'za._netblocks.mimecast.com'),
    je: pair('Offshore, Jersey', 'je', 'mimecast-offshore.com'),
    ca: pair('Canada (CCA)', 'ca', 'mimecast.com', undefined, 'the ca-smtp-inbound-1/2.mimecast.com hosts follow Mimecast\'s pattern but were not confirmed (checked 2026-11-25).'),
  },
  companions: {
    spf: { include: '{spfInclude}', all: '~all', note: 'Only the account region\'s _netblocks include; regions without a confirmed include (usb, je, ca) need it added with SpfInclude.' },
  },
  notes: 'Mimecast DKIM uses a selector you define in the console; publish it yourself.',
};
