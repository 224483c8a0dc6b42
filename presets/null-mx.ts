import { MailPreset } from '../lib/presets/preset';

/** Null MX (RFC 7505): the domain accepts no mail. */
export const nullMx: MailPreset = {
  id: 'null-mx',
  name: 'Null MX',
  category: 'null',
  sources: [
    { url: 'https://www.rfc-editor.org/rfc/rfc7505', title: 'RFC 7505: A "Null MX" No Service Resource Record' },
    { url: 'https://github.com/internetstandards/toolbox-wiki/blob/main/parked-domain-how-to.md', title: 'Parked domain how-to (SPF -all, DMARC p=reject, empty DKIM)' },
  ],
  checked: '2026-11-24',
  confidence: 'high',
  defaultVariant: 'current',
  variants: {
    current: { description: 'Exactly one MX: preference 0, exchange "." (no other MX may exist at the name).', mx: [{ priority: 0, exchange: '.' }] },
  },
  companions: {
    spf: { all: '-all' },
    dmarc: {
      description: 'DMARC that asks receivers to reject mail claiming to be from the domain.',
      records: [{ type: 'TXT', name: '_dmarc', value: 'v=DMARC1; p=reject;' }],
    },
    dkim: {
      description: 'An empty (revoked) key for every selector, so no DKIM signature can pass.',
      records: [{ type: 'TXT', name: '*._domainkey', value: 'v=DKIM1; p=' }],
    },
  },
  notes: 'Do not publish a null MX on a domain used in MAIL FROM or From of mail you send. The NullMx construct publishes the same records with SPF and DMARC on by default.',
};
