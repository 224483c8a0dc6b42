import { MailPreset } from '../lib/presets/preset';

const host = (which: string, example: string) => ({
  description: `the ${which} MX host of your account, from the Barracuda Email Gateway Defense console`,
  suffixes: ['.ess.barracudanetworks.com', '.ess.de.barracudanetworks.com'],
  example,
});

/**
 * Barracuda Email Gateway Defense (formerly Essentials / ESS). The hosts are per account, so
 * the preset only knows their shape and preferences. With a gateway in front, the mailbox
 * vendor's own MX must not be published.
 */
export const barracudaEmailGatewayDefense: MailPreset = {
  id: 'barracuda-email-gateway-defense',
  name: 'Barracuda Email Gateway Defense',
  category: 'gateway',
  sources: [{ url: 'https://campus.barracuda.com/product/emailgatewaydefense/', title: 'Barracuda Email Gateway Defense documentation (MX records per account)' }],
  checked: '2026-11-24',
  confidence: 'low',
  defaultVariant: 'current',
  parameters: {
    primaryHost: host('primary', 'd174024a.ess.barracudanetworks.com'),
    secondaryHost: host('secondary', 'd174024b.ess.barracudanetworks.com'),
  },
  variants: {
    current: {
      description: 'The account\'s primary host at 10 and secondary host at 20.',
      mx: [
        { priority: 10, exchange: '{primaryHost}' },
        { priority: 20, exchange: '{secondaryHost}' },
      ],
    },
  },
  companions: {
    spf: { include: 'spf.ess.barracudanetworks.com', all: '~all' },
  },
  notes: 'Regional suffixes other than ess. and ess.de. were not confirmed; set allowCustomHost for them.',
};
