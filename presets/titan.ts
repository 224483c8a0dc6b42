import { dkimPublicKey, dkimSelector } from '../lib/presets/parameters';
import { MailPreset } from '../lib/presets/preset';

/** Titan Email (sold directly and through hosting resellers). */
export const titan: MailPreset = {
  id: 'titan',
  name: 'Titan Email',
  category: 'mailbox',
  sources: [{ url: 'https://github.com/Domain-Connect/Templates/blob/master/titan.email.titan-mail-hosting.json', title: 'Titan\'s Domain Connect template (MX 10/20, SPF include)' }],
  checked: '2026-11-24',
  confidence: 'medium',
  defaultVariant: 'current',
  variants: {
    current: {
      description: 'mx1.titan.email at 10 and mx2.titan.email at 20.',
      mx: [
        { priority: 10, exchange: 'mx1.titan.email' },
        { priority: 20, exchange: 'mx2.titan.email' },
      ],
    },
  },
  companions: {
    spf: { include: 'spf.titan.email', all: '~all' },
    dkim: {
      description: 'TXT key and selector from the Titan admin panel.',
      records: [{ type: 'TXT', name: '{selector}._domainkey', value: 'v=DKIM1; k=rsa; p={publicKey}' }],
      parameters: {
        selector: dkimSelector('the Titan admin panel', 'titan1'),
        publicKey: dkimPublicKey('the Titan admin panel'),
      },
    },
  },
  notes: 'Only Titan\'s 2020 Domain Connect template was found; reseller setups (GoDaddy, Hostinger, …) may differ.',
};
