import { MailPreset } from '../lib/presets/preset';

/** Tuta (formerly Tutanota) custom domain. */
export const tuta: MailPreset = {
  id: 'tuta',
  name: 'Tuta',
  category: 'mailbox',
  sources: [
    { url: 'https://tuta.com/blog/dkim-custom-email-domain', title: 'SPF, DKIM and DMARC for custom domains with Tuta' },
    { url: 'https://tuta.com/support', title: 'Tuta support: custom domain setup' },
  ],
  checked: '2026-11-24',
  confidence: 'high',
  defaultVariant: 'current',
  singleMxRedundant: true,
  variants: {
    current: { description: 'One MX, mail.tutanota.de at 10.', mx: [{ priority: 10, exchange: 'mail.tutanota.de' }] },
  },
  companions: {
    spf: { include: 'spf.tutanota.de', all: '-all' },
    dkim: {
      description: 'Two CNAMEs (s1, s2) to keys Tuta holds.',
      records: [
        { type: 'CNAME', name: 's1._domainkey', value: 's1.domainkey.tutanota.de' },
        { type: 'CNAME', name: 's2._domainkey', value: 's2.domainkey.tutanota.de' },
      ],
    },
    verification: {
      description: 'Domain ownership TXT shown in Tuta\'s custom-domain wizard.',
      records: [{ type: 'TXT', name: '@', value: 't-verify={token}' }],
      parameters: { token: { description: 'the t-verify value', pattern: '^[a-f0-9]+$', example: '518bd0ae347aa5e3bcca726766106ad3' } },
    },
  },
  notes: 'Tuta\'s wizard also shows MTA-STS CNAMEs (mta-sts and _mta-sts to mta-sts.tutanota.de) and a DMARC record; publish them yourself if you want them.',
};
