import { MailPreset } from '../lib/presets/preset';

/** mailbox.org with your own domain. */
export const mailboxOrg: MailPreset = {
  id: 'mailbox-org',
  name: 'mailbox.org',
  category: 'mailbox',
  sources: [
    { url: 'https://kb.mailbox.org/en/private/custom-domains/using-e-mails-with-a-custom-domain', title: 'Using e-mails with a custom domain' },
    { url: 'https://kb.mailbox.org/de/privat/e-mail-mit-eigener-domain/spam-reputation-der-eigenen-domain-verbessern-mit-spf-dkim-und-dmarc', title: 'SPF, DKIM und DMARC für die eigene Domain (MBO0001–4 DKIM CNAMEs)' },
  ],
  checked: '2026-11-25',
  confidence: 'medium',
  defaultVariant: 'current',
  variants: {
    current: {
      description: 'mxext1 to mxext4, all at 10, as 2026 setups publish them.',
      mx: [
        { priority: 10, exchange: 'mxext1.mailbox.org' },
        { priority: 10, exchange: 'mxext2.mailbox.org' },
        { priority: 10, exchange: 'mxext3.mailbox.org' },
        { priority: 10, exchange: 'mxext4.mailbox.org' },
      ],
    },
    legacy: {
      description: 'The older instruction: mxext1 and mxext2 at 10, mxext3 as backup at 20. Still delivers.',
      legacy: true,
      mx: [
        { priority: 10, exchange: 'mxext1.mailbox.org' },
        { priority: 10, exchange: 'mxext2.mailbox.org' },
        { priority: 20, exchange: 'mxext3.mailbox.org' },
      ],
    },
  },
  companions: {
    spf: { include: 'mailbox.org', all: '~all' },
    dkim: {
      description: 'Four CNAMEs (MBO0001–MBO0004) to keys mailbox.org rotates.',
      records: [
        { type: 'CNAME', name: 'mbo0001._domainkey', value: 'mbo0001._domainkey.mailbox.org' },
        { type: 'CNAME', name: 'mbo0002._domainkey', value: 'mbo0002._domainkey.mailbox.org' },
        { type: 'CNAME', name: 'mbo0003._domainkey', value: 'mbo0003._domainkey.mailbox.org' },
        { type: 'CNAME', name: 'mbo0004._domainkey', value: 'mbo0004._domainkey.mailbox.org' },
      ],
    },
    verification: {
      description: 'The account\'s "mailbox.org security key": a TXT whose name and value are both shown when you add an external address.',
      records: [{ type: 'TXT', name: '{keyName}', value: '{keyValue}' }],
      parameters: {
        keyName: { description: 'the record name of the security key (40 hex characters)', pattern: '^[a-f0-9]{40}$', example: 'af076b4bcc5f8b23a433451430882449a50da3cb' },
        keyValue: { description: 'the record value of the security key (40 hex characters)', pattern: '^[a-f0-9]{40}$', example: '3f0c7b9a1e2d4c5b6a7980f1e2d3c4b5a6978870' },
      },
    },
  },
  notes: 'Sources disagree on the MX set (older material: mxext1/2 at 10 and mxext3 at 20; 2026 zones and guides: mxext1–4 all at 10); the knowledge-base MX table itself could not be read.',
};
