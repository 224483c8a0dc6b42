import { MailPreset } from '../lib/presets/preset';

/** iCloud+ Custom Email Domain. */
export const icloudPlus: MailPreset = {
  id: 'icloud-plus',
  name: 'iCloud+ Custom Email Domain',
  category: 'mailbox',
  sources: [
    { url: 'https://github.com/Domain-Connect/Templates/blob/master/icloud.com.custom_email_domain.json', title: 'Apple\'s Domain Connect template for Custom Email Domain' },
    { url: 'https://support.apple.com/kb/HT212514', title: 'Set up a custom email domain with iCloud Mail (as linked from Cloudflare\'s docs)' },
  ],
  checked: '2026-11-24',
  confidence: 'high',
  defaultVariant: 'current',
  variants: {
    current: {
      description: 'mx01 and mx02.mail.icloud.com, both at 10.',
      mx: [
        { priority: 10, exchange: 'mx01.mail.icloud.com' },
        { priority: 10, exchange: 'mx02.mail.icloud.com' },
      ],
    },
  },
  companions: {
    spf: { include: 'icloud.com', all: '~all' },
    dkim: {
      description: 'One CNAME (sig1) to a key Apple holds; the target holds the domain with its dots.',
      records: [{ type: 'CNAME', name: 'sig1._domainkey', value: 'sig1.dkim.{domain}.at.icloudmailadmin.com' }],
    },
    verification: {
      description: 'Domain ownership TXT shown in iCloud.com > Custom Email Domain.',
      records: [{ type: 'TXT', name: '@', value: 'apple-domain={token}' }],
      parameters: { token: { description: 'the apple-domain token', pattern: '^[A-Za-z0-9]+$', example: '6HzkRYa23g63sJOy' } },
    },
  },
};
