import { dkimPublicKey, dkimSelector } from '../lib/presets/parameters';
import { MailPreset } from '../lib/presets/preset';

/** Google Workspace (Gmail for your domain). */
export const googleWorkspace: MailPreset = {
  id: 'google-workspace',
  name: 'Google Workspace',
  category: 'mailbox',
  sources: [
    { url: 'https://support.google.com/a/answer/174125', title: 'Google Workspace MX record values' },
    { url: 'https://support.google.com/a/answer/140034', title: 'Set up MX records for Google Workspace email' },
    { url: 'https://support.google.com/a/answer/33786', title: 'Define your SPF record' },
    { url: 'https://support.google.com/a/answer/174124', title: 'Set up DKIM' },
  ],
  checked: '2026-11-24',
  confidence: 'high',
  defaultVariant: 'current',
  singleMxRedundant: true,
  variants: {
    current: {
      description: 'One MX, smtp.google.com at priority 1: what Google documents for all new setups.',
      mx: [{ priority: 1, exchange: 'smtp.google.com' }],
    },
    legacy: {
      description: 'The five ASPMX records of setups made before 2023; still supported by Google. Never mix with smtp.google.com.',
      legacy: true,
      mx: [
        { priority: 1, exchange: 'aspmx.l.google.com' },
        { priority: 5, exchange: 'alt1.aspmx.l.google.com' },
        { priority: 5, exchange: 'alt2.aspmx.l.google.com' },
        { priority: 10, exchange: 'alt3.aspmx.l.google.com' },
        { priority: 10, exchange: 'alt4.aspmx.l.google.com' },
      ],
    },
  },
  companions: {
    spf: { include: '_spf.google.com', all: '~all' },
    dkim: {
      description: 'TXT key from the Admin console (Apps > Google Workspace > Gmail > Authenticate email), available 24–72 h after Gmail is turned on.',
      records: [{ type: 'TXT', name: '{selector}._domainkey', value: 'v=DKIM1; k=rsa; p={publicKey}' }],
      parameters: {
        selector: dkimSelector('the Admin console', 'google', 'google'),
        publicKey: dkimPublicKey('the Admin console'),
      },
    },
    verification: {
      description: 'Domain ownership TXT from the Admin console (shares the apex TXT set with SPF).',
      records: [{ type: 'TXT', name: '@', value: 'google-site-verification={token}' }],
      parameters: { token: { description: 'the google-site-verification token', pattern: '^[A-Za-z0-9_-]+$', example: 'rXOxyZounnZasA8Z7oaD3c14JdjS9aKSWvsR1EbUSIQ' } },
    },
  },
};
