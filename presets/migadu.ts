import { MailPreset } from '../lib/presets/preset';

/** Migadu. */
export const migadu: MailPreset = {
  id: 'migadu',
  name: 'Migadu',
  category: 'mailbox',
  sources: [{ url: 'https://migadu.com/guides/', title: 'Migadu guides: DNS configuration (the admin panel shows the per-domain values)' }],
  checked: '2026-11-24',
  confidence: 'high',
  defaultVariant: 'current',
  variants: {
    current: {
      description: 'aspmx1 at 10 and aspmx2 at 20.',
      mx: [
        { priority: 10, exchange: 'aspmx1.migadu.com' },
        { priority: 20, exchange: 'aspmx2.migadu.com' },
      ],
    },
  },
  companions: {
    spf: { include: 'spf.migadu.com', all: '-all' },
    dkim: {
      description: 'Three CNAMEs (key1–key3); the targets hold the domain with its dots.',
      records: [
        { type: 'CNAME', name: 'key1._domainkey', value: 'key1.{domain}._domainkey.migadu.com' },
        { type: 'CNAME', name: 'key2._domainkey', value: 'key2.{domain}._domainkey.migadu.com' },
        { type: 'CNAME', name: 'key3._domainkey', value: 'key3.{domain}._domainkey.migadu.com' },
      ],
    },
    verification: {
      description: 'Domain ownership TXT from the admin panel\'s DNS setup.',
      records: [{ type: 'TXT', name: '@', value: 'hosted-email-verify={code}' }],
      parameters: { code: { description: 'the hosted-email-verify code', pattern: '^[a-z0-9]+$', example: 'xb4wqd1r' } },
    },
    autodiscover: {
      description: 'Thunderbird-style autoconfig CNAME (Migadu also documents SRV records, not published here).',
      records: [{ type: 'CNAME', name: 'autoconfig', value: 'autoconfig.migadu.com' }],
    },
  },
};
