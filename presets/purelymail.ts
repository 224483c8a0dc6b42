import { MailPreset } from '../lib/presets/preset';

/** Purelymail. */
export const purelymail: MailPreset = {
  id: 'purelymail',
  name: 'Purelymail',
  category: 'mailbox',
  sources: [
    { url: 'https://support.purelymail.com/support/solutions/articles/159000430653', title: 'Adding a domain (values shown on the Domains page)' },
    { url: 'https://news.purelymail.com/posts/updates/2019-03-26-dkim.html', title: 'DKIM support (purelymail1–3 CNAMEs)' },
  ],
  checked: '2026-11-24',
  confidence: 'medium',
  defaultVariant: 'current',
  singleMxRedundant: true,
  variants: {
    current: { description: 'One MX, mailserver.purelymail.com at 50.', mx: [{ priority: 50, exchange: 'mailserver.purelymail.com' }] },
  },
  companions: {
    spf: { include: '_spf.purelymail.com', all: '~all' },
    dkim: {
      description: 'Three CNAMEs (purelymail1–3) to keys Purelymail rotates.',
      records: [
        { type: 'CNAME', name: 'purelymail1._domainkey', value: 'key1.dkimroot.purelymail.com' },
        { type: 'CNAME', name: 'purelymail2._domainkey', value: 'key2.dkimroot.purelymail.com' },
        { type: 'CNAME', name: 'purelymail3._domainkey', value: 'key3.dkimroot.purelymail.com' },
      ],
    },
    verification: {
      description: 'Ownership TXT; the token belongs to the Purelymail account and is the same for all its domains.',
      records: [{ type: 'TXT', name: '@', value: 'purelymail_ownership_proof={token}' }],
      parameters: { token: { description: 'the purelymail_ownership_proof value', pattern: '^[a-f0-9]+$', example: '5d3c0f1e9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b' } },
    },
  },
  notes: 'Sources show priority 50, 10 and 0; with a single MX the value does not change routing. 50 is what live zones use.',
};
