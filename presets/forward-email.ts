import { dkimPublicKey, dkimSelector } from '../lib/presets/parameters';
import { MailPreset } from '../lib/presets/preset';

/** Forward Email. */
export const forwardEmail: MailPreset = {
  id: 'forward-email',
  name: 'Forward Email',
  category: 'forwarding',
  sources: [
    { url: 'https://forwardemail.net/en/faq#how-do-i-get-started-and-set-up-email-forwarding', title: 'FAQ: how do I get started (both MX at 10, no other MX)' },
    { url: 'https://github.com/Domain-Connect/Templates/blob/master/forwardemail.net.email.json', title: 'Forward Email\'s Domain Connect template (2026-02-27, both MX at 0)' },
  ],
  checked: '2026-11-24',
  confidence: 'medium',
  defaultVariant: 'current',
  variants: {
    current: {
      description: 'mx1 and mx2.forwardemail.net, both at 10 as the FAQ shows (the vendor\'s template uses 0 for both: equal either way).',
      mx: [
        { priority: 10, exchange: 'mx1.forwardemail.net' },
        { priority: 10, exchange: 'mx2.forwardemail.net' },
      ],
    },
  },
  companions: {
    spf: { include: 'spf.forwardemail.net', all: '~all' },
    dkim: {
      description: 'TXT key under the selector Forward Email shows for the domain.',
      records: [{ type: 'TXT', name: '{selector}._domainkey', value: 'v=DKIM1; k=rsa; p={publicKey}' }],
      parameters: {
        selector: dkimSelector('Forward Email', 'fe-1a2b3c4d5e'),
        publicKey: dkimPublicKey('Forward Email'),
      },
    },
    verification: {
      description: 'Site verification TXT (paid plans).',
      records: [{ type: 'TXT', name: '@', value: 'forward-email-site-verification={token}' }],
      parameters: { token: { description: 'the forward-email-site-verification value', pattern: '^[A-Za-z0-9]+$', example: 'Ab12Cd34Ef' } },
    },
    autodiscover: {
      description: 'Client discovery CNAMEs.',
      records: [
        { type: 'CNAME', name: 'autoconfig', value: 'autoconfig.forwardemail.net' },
        { type: 'CNAME', name: 'autodiscover', value: 'autodiscover.forwardemail.net' },
      ],
    },
  },
};
