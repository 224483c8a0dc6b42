import { dkimPublicKey, dkimSelector } from '../lib/presets/parameters';
import { MailPreset } from '../lib/presets/preset';

/** Zoho Mail, one record set per data centre. The data centre is where the organisation was created (login URL mail.zoho.<tld>). */
export const zohoMail: MailPreset = {
  id: 'zoho-mail',
  name: 'Zoho Mail',
  category: 'mailbox',
  sources: [
    { url: 'https://www.zoho.com/mail/help/adminconsole/configure-email-delivery.html', title: 'Configure email delivery: update MX records' },
    { url: 'https://github.com/Domain-Connect/Templates/blob/master/zoho.com.zmail_hosting.json', title: 'Zoho Domain Connect template (priorities 10/20/50, host per data centre)' },
    { url: 'https://www.zoho.com/workdrive/developer/docs/api/v1/getting-started-multi-dc-support.html', title: 'Zoho data centres and their domains' },
  ],
  checked: '2026-11-25',
  confidence: 'high',
  defaultVariant: 'current',
  variants: {
    current: {
      description: 'mx, mx2 and mx3 of the data centre at 10, 20 and 50.',
      mx: [
        { priority: 10, exchange: 'mx.{dc}' },
        { priority: 20, exchange: 'mx2.{dc}' },
        { priority: 50, exchange: 'mx3.{dc}' },
      ],
    },
  },
  regions: {
    com: { name: 'United States / global (zoho.com)', values: { dc: 'zoho.com' } },
    eu: { name: 'European Union (zoho.eu)', values: { dc: 'zoho.eu' } },
    in: { name: 'India (zoho.in)', values: { dc: 'zoho.in' } },
    'com.au': { name: 'Australia (zoho.com.au)', values: { dc: 'zoho.com.au' } },
    jp: { name: 'Japan (zoho.jp)', values: { dc: 'zoho.jp' } },
    ca: { name: 'Canada (zohocloud.ca)', values: { dc: 'zohocloud.ca' } },
    sa: { name: 'Saudi Arabia (zoho.sa)', values: { dc: 'zoho.sa' }, unverified: 'the mx/mx2/mx3.zoho.sa hosts follow Zoho\'s pattern but no Zoho page confirming them was found (checked 2026-11-25).' },
    'com.cn': { name: 'China (zoho.com.cn)', values: { dc: 'zoho.com.cn' }, unverified: 'mx.zoho.com.cn is seen receiving mail, but mx2/mx3.zoho.com.cn were not confirmed in Zoho\'s documentation (checked 2026-11-25).' },
  },
  companions: {
    spf: { include: '{dc}', all: '~all' },
    dkim: {
      description: 'TXT key generated in the Zoho Mail admin console under the selector you choose there.',
      records: [{ type: 'TXT', name: '{selector}._domainkey', value: 'v=DKIM1; k=rsa; p={publicKey}' }],
      parameters: {
        selector: dkimSelector('the Zoho Mail admin console', 'zmail'),
        publicKey: dkimPublicKey('the Zoho Mail admin console'),
      },
    },
    verification: {
      description: 'Domain ownership TXT (the CNAME method also exists).',
      records: [{ type: 'TXT', name: '@', value: 'zoho-verification={code}.zmverify.{dc}' }],
      parameters: { code: { description: 'the zb… code the admin console shows', pattern: '^zb[0-9]+$', example: 'zb12345678' } },
    },
  },
  notes: 'The wrong data centre bounces mail: pick the region your organisation was created in.',
};
