import { dkimPublicKey } from '../lib/presets/parameters';
import { MailPreset } from '../lib/presets/preset';

/** Yandex 360 for Business (mail for your domain). */
export const yandex360: MailPreset = {
  id: 'yandex-360',
  name: 'Yandex 360',
  category: 'mailbox',
  sources: [
    { url: 'https://yandex.com.tr/support/kurum/set-mail/mx.html', title: 'Yandex 360: set up MX records' },
    { url: 'https://yandex.com/support/domain/faq/problems-get-messages.xml', title: 'Yandex mail for domain: problems receiving messages' },
  ],
  checked: '2026-11-24',
  confidence: 'medium',
  defaultVariant: 'current',
  singleMxRedundant: true,
  variants: {
    current: { description: 'One MX, mx.yandex.net at 10.', mx: [{ priority: 10, exchange: 'mx.yandex.net' }] },
  },
  companions: {
    spf: { include: '_spf.yandex.net', all: '~all', note: 'Yandex shows "v=spf1 redirect=_spf.yandex.net"; the include form lets the record merge with other senders.' },
    dkim: {
      description: 'TXT key from the Yandex 360 admin at mail._domainkey.',
      records: [{ type: 'TXT', name: 'mail._domainkey', value: 'v=DKIM1; k=rsa; t=s; p={publicKey}' }],
      parameters: { publicKey: dkimPublicKey('the Yandex 360 admin') },
    },
    verification: {
      description: 'Domain ownership TXT from the Yandex 360 admin.',
      records: [{ type: 'TXT', name: '@', value: 'yandex-verification: {code}' }],
      parameters: { code: { description: 'the yandex-verification code', pattern: '^[A-Za-z0-9]+$', example: '7a1b2c3d4e5f6a7b' } },
    },
  },
  notes: 'MX confidence is high; the DKIM and verification formats were not re-read from Yandex 360\'s English documentation.',
};
