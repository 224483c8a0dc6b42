import { dkimPublicKey, dkimSelector } from '../lib/presets/parameters';
import { MailPreset } from '../lib/presets/preset';

/** Mailgun inbound routes (usually on a subdomain such as mg.example.com). */
export const mailgun: MailPreset = {
  id: 'mailgun',
  name: 'Mailgun',
  category: 'inbound-api',
  sources: [
    { url: 'https://documentation.mailgun.com/docs/mailgun/api-reference/', title: 'Mailgun API reference: US and EU endpoint table (inbound SMTP mxa/mxb; exact anchor not verified)' },
    { url: 'https://documentation.mailgun.com/en/latest/user_manual.html', title: 'Mailgun user manual: domain verification and DNS' },
  ],
  checked: '2026-11-24',
  confidence: 'high',
  defaultVariant: 'current',
  variants: {
    current: {
      description: 'mxa and mxb of the account\'s region, both at 10.',
      mx: [
        { priority: 10, exchange: 'mxa.{host}' },
        { priority: 10, exchange: 'mxb.{host}' },
      ],
    },
  },
  regions: {
    us: { name: 'United States (mailgun.org)', values: { host: 'mailgun.org' } },
    eu: { name: 'European Union (eu.mailgun.org)', values: { host: 'eu.mailgun.org' } },
  },
  defaultRegion: 'us',
  companions: {
    spf: { include: 'mailgun.org', all: '~all', note: 'Some EU guides show include:eu.mailgun.org; the value Mailgun\'s console generates wins.' },
    dkim: {
      description: 'TXT key under the selector Mailgun generates for the domain (e.g. mx, k1, s1).',
      records: [{ type: 'TXT', name: '{selector}._domainkey', value: 'k=rsa; p={publicKey}' }],
      parameters: {
        selector: dkimSelector('Mailgun', 'mx'),
        publicKey: dkimPublicKey('Mailgun'),
      },
    },
  },
};
