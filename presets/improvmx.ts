import { MailPreset } from '../lib/presets/preset';

/** ImprovMX forwarding. */
export const improvmx: MailPreset = {
  id: 'improvmx',
  name: 'ImprovMX',
  category: 'forwarding',
  sources: [{ url: 'https://github.com/Domain-Connect/Templates/blob/master/improvmx.com.email.json', title: 'ImprovMX\'s Domain Connect template (2026-06-25)' }],
  checked: '2026-11-24',
  confidence: 'high',
  defaultVariant: 'current',
  variants: {
    current: {
      description: 'mx1 at 10 and mx2 at 20.',
      mx: [
        { priority: 10, exchange: 'mx1.improvmx.com' },
        { priority: 20, exchange: 'mx2.improvmx.com' },
      ],
    },
  },
  companions: {
    spf: { include: 'spf.improvmx.com', all: '~all' },
    dkim: {
      description: 'Two CNAMEs (dkimprovmx1, dkimprovmx2) to keys ImprovMX holds.',
      records: [
        { type: 'CNAME', name: 'dkimprovmx1._domainkey', value: 'dkimprovmx1.improvmx.com' },
        { type: 'CNAME', name: 'dkimprovmx2._domainkey', value: 'dkimprovmx2.improvmx.com' },
      ],
    },
  },
};
