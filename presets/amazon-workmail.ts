import { MailPreset } from '../lib/presets/preset';
import { SES_DOMAIN_VERIFICATION, SES_EASY_DKIM } from './amazon-ses-inbound';

/** Amazon WorkMail: deprecated, AWS ends support on 2027-03-31. */
export const amazonWorkmail: MailPreset = {
  id: 'amazon-workmail',
  name: 'Amazon WorkMail',
  category: 'mailbox',
  sources: [
    { url: 'https://docs.aws.amazon.com/general/latest/gr/workmail.html', title: 'Amazon WorkMail endpoints (regions)' },
    { url: 'https://docs.aws.amazon.com/workmail/latest/adminguide/workmail-end-of-support.html', title: 'Amazon WorkMail end of support' },
  ],
  checked: '2026-11-25',
  confidence: 'medium',
  defaultVariant: 'current',
  singleMxRedundant: true,
  deprecated: { endOfSupport: '2027-03-31', message: 'AWS ends support for Amazon WorkMail then; plan a move to another vendor (see MxMigration).' },
  variants: {
    current: { description: 'One MX to the SES receiving endpoint of the organisation\'s region, at 10.', mx: [{ priority: 10, exchange: 'inbound-smtp.{region}.amazonaws.com' }] },
  },
  regions: {
    'us-east-1': { name: 'US East (N. Virginia)' },
    'us-west-2': { name: 'US West (Oregon)' },
    'eu-west-1': { name: 'Europe (Ireland)' },
  },
  companions: {
    spf: { include: 'amazonses.com', all: '~all' },
    dkim: SES_EASY_DKIM,
    verification: SES_DOMAIN_VERIFICATION,
    autodiscover: {
      description: 'Autodiscover CNAME for Outlook and mobile clients.',
      records: [{ type: 'CNAME', name: 'autodiscover', value: 'autodiscover.mail.{region}.awsapps.com' }],
    },
  },
};
