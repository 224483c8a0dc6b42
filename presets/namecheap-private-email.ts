import { dkimPublicKey } from '../lib/presets/parameters';
import { MailPreset } from '../lib/presets/preset';

/** Namecheap Private Email with DNS hosted elsewhere. */
export const namecheapPrivateEmail: MailPreset = {
  id: 'namecheap-private-email',
  name: 'Namecheap Private Email',
  category: 'mailbox',
  sources: [
    { url: 'https://www.namecheap.com/support/knowledgebase/article.aspx/1340/2176/namecheap-private-email-records-for-domains-with-thirdparty-dns/', title: 'Private Email records for domains with third-party DNS' },
    { url: 'https://www.namecheap.com/support/knowledgebase/article.aspx/1262/2176/what-does-namecheap-private-email-dns-verification-imply', title: 'What Private Email DNS verification implies (the MX records are the ownership check)' },
  ],
  checked: '2026-11-24',
  confidence: 'high',
  defaultVariant: 'current',
  variants: {
    current: {
      description: 'mx1 and mx2.privateemail.com, both at 10.',
      mx: [
        { priority: 10, exchange: 'mx1.privateemail.com' },
        { priority: 10, exchange: 'mx2.privateemail.com' },
      ],
    },
  },
  companions: {
    spf: { include: 'spf.privateemail.com', all: '~all' },
    dkim: {
      description: 'TXT key generated in the Private Email panel once the first mailbox exists.',
      records: [{ type: 'TXT', name: 'default._domainkey', value: 'v=DKIM1; k=rsa; p={publicKey}' }],
      parameters: { publicKey: dkimPublicKey('the Private Email panel') },
    },
    autodiscover: {
      description: 'Client discovery CNAMEs to privateemail.com.',
      records: [
        { type: 'CNAME', name: 'autodiscover', value: 'privateemail.com' },
        { type: 'CNAME', name: 'autoconfig', value: 'privateemail.com' },
      ],
    },
  },
};
