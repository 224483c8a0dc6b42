import { MailPreset } from '../lib/presets/preset';

/** Proton Mail custom domain. */
export const protonMail: MailPreset = {
  id: 'proton-mail',
  name: 'Proton Mail',
  category: 'mailbox',
  sources: [{ url: 'https://proton.me/support/custom-domain', title: 'How to use a custom domain with Proton Mail' }],
  checked: '2026-11-24',
  confidence: 'high',
  defaultVariant: 'current',
  variants: {
    current: {
      description: 'mail.protonmail.ch at 10 and mailsec.protonmail.ch at 20 (both DNSSEC-signed with TLSA).',
      mx: [
        { priority: 10, exchange: 'mail.protonmail.ch' },
        { priority: 20, exchange: 'mailsec.protonmail.ch' },
      ],
    },
  },
  companions: {
    spf: { include: '_spf.protonmail.ch', all: '~all' },
    dkim: {
      description: 'Three CNAMEs to keys Proton rotates; the targets hold a per-domain id shown in Settings > Domain names.',
      records: [
        { type: 'CNAME', name: 'protonmail._domainkey', value: 'protonmail.domainkey.{domainId}.domains.proton.ch' },
        { type: 'CNAME', name: 'protonmail2._domainkey', value: 'protonmail2.domainkey.{domainId}.domains.proton.ch' },
        { type: 'CNAME', name: 'protonmail3._domainkey', value: 'protonmail3.domainkey.{domainId}.domains.proton.ch' },
      ],
      parameters: { domainId: { description: 'the per-domain id in the DKIM targets Proton shows', pattern: '^[a-z0-9]+$', example: 'daxdwij3h22rp3mr4kvkeokuurdra4if6ikhm2ndtbjr4gc54hbsq' } },
    },
    verification: {
      description: 'Domain ownership TXT from Settings > Domain names.',
      records: [{ type: 'TXT', name: '@', value: 'protonmail-verification={token}' }],
      parameters: { token: { description: 'the protonmail-verification value', pattern: '^[a-f0-9]+$', example: 'bdcd133d3f1c1e2bab7e5fe2e7a3b4c5d6e7f809' } },
    },
  },
};
