import { MailPreset } from '../lib/presets/preset';

/** Fastmail with your own domain (DNS hosted elsewhere). */
export const fastmail: MailPreset = {
  id: 'fastmail',
  name: 'Fastmail',
  category: 'mailbox',
  sources: [
    { url: 'https://www.fastmail.help/hc/en-us/articles/360060591153', title: 'Domains: advanced configuration (full list of DNS records, DKIM)' },
    { url: 'https://www.fastmail.help/hc/en-us/articles/360058753374', title: 'Set up your domain with Fastmail' },
  ],
  checked: '2026-11-25',
  confidence: 'high',
  defaultVariant: 'current',
  variants: {
    current: {
      description: 'in1-smtp at 10 and in2-smtp at 20.',
      mx: [
        { priority: 10, exchange: 'in1-smtp.messagingengine.com' },
        { priority: 20, exchange: 'in2-smtp.messagingengine.com' },
      ],
    },
  },
  companions: {
    spf: { include: 'spf.messagingengine.com', all: '?all', note: 'Fastmail documents ?all (neutral) for domains that also send elsewhere; set all: "~all" or "-all" when Fastmail is the only sender.' },
    dkim: {
      description: 'Three CNAMEs (fm1, fm2, fm3) to keys Fastmail rotates; the target holds the domain with its dots.',
      records: [
        { type: 'CNAME', name: 'fm1._domainkey', value: 'fm1.{domain}.dkim.fmhosted.com' },
        { type: 'CNAME', name: 'fm2._domainkey', value: 'fm2.{domain}.dkim.fmhosted.com' },
        { type: 'CNAME', name: 'fm3._domainkey', value: 'fm3.{domain}.dkim.fmhosted.com' },
      ],
    },
  },
  notes: 'Fastmail also documents client-discovery SRV records (_submission._tcp, _imaps._tcp, _jmap._tcp, …); publish them yourself if you want them.',
};
