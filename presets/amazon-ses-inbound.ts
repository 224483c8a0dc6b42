import { MailPreset, PresetRecordGroup } from '../lib/presets/preset';

/** Regions where Amazon SES receives mail, as known when the preset was checked; AWS adds more. */
const SES_RECEIVING_REGIONS = {
  'us-east-1': 'US East (N. Virginia)',
  'us-east-2': 'US East (Ohio)',
  'us-west-2': 'US West (Oregon)',
  'ca-central-1': 'Canada (Central)',
  'eu-west-1': 'Europe (Ireland)',
  'eu-west-2': 'Europe (London)',
  'eu-central-1': 'Europe (Frankfurt)',
  'eu-north-1': 'Europe (Stockholm)',
  'ap-south-1': 'Asia Pacific (Mumbai)',
  'ap-southeast-1': 'Asia Pacific (Singapore)',
  'ap-southeast-2': 'Asia Pacific (Sydney)',
  'ap-southeast-3': 'Asia Pacific (Jakarta)',
  'ap-northeast-1': 'Asia Pacific (Tokyo)',
};

const token = (which: string, example: string) => ({ description: `the ${which} Easy DKIM token the console shows`, pattern: '^[a-z0-9]+$', example });

/** SES Easy DKIM (sending side): three CNAMEs; Amazon WorkMail uses the same records. */
export const SES_EASY_DKIM: PresetRecordGroup = {
  description: 'Easy DKIM for sending: three CNAMEs whose tokens the SES (or WorkMail) console shows.',
  records: [
    { type: 'CNAME', name: '{token1}._domainkey', value: '{token1}.dkim.amazonses.com' },
    { type: 'CNAME', name: '{token2}._domainkey', value: '{token2}.dkim.amazonses.com' },
    { type: 'CNAME', name: '{token3}._domainkey', value: '{token3}.dkim.amazonses.com' },
  ],
  parameters: {
    token1: token('first', 'abcdefghijklmnopqrstuvwxyz234567'),
    token2: token('second', 'bcdefghijklmnopqrstuvwxyz2345672'),
    token3: token('third', 'cdefghijklmnopqrstuvwxyz23456723'),
  },
};

/** The SES domain verification TXT at `_amazonses` (legacy for SES v2 identities, required by WorkMail). */
export const SES_DOMAIN_VERIFICATION: PresetRecordGroup = {
  description: 'Domain verification TXT at _amazonses (SES v2 identities verify through the DKIM CNAMEs instead).',
  records: [{ type: 'TXT', name: '_amazonses', value: '{token}' }],
  parameters: { token: { description: 'the verification token the console shows', pattern: '^[A-Za-z0-9+/=]+$', example: 'pmBGN/7MjnfhTKUZ06Enqq1PeGUaOkw8lGhcfwefcHU=' } },
};

/** Amazon SES email receiving (receipt rules deliver to S3, SNS, Lambda, …). */
export const amazonSesInbound: MailPreset = {
  id: 'amazon-ses-inbound',
  name: 'Amazon SES email receiving',
  category: 'inbound-api',
  sources: [
    { url: 'https://docs.aws.amazon.com/ses/latest/dg/receiving-email-mx-record.html', title: 'Publishing an MX record for Amazon SES email receiving' },
    { url: 'https://docs.aws.amazon.com/general/latest/gr/ses.html', title: 'Amazon SES endpoints (email receiving endpoints)' },
  ],
  checked: '2026-11-25',
  confidence: 'medium',
  defaultVariant: 'current',
  singleMxRedundant: true,
  variants: {
    current: { description: 'One MX to the receiving endpoint of the region holding the active receipt rule set, at 10.', mx: [{ priority: 10, exchange: 'inbound-smtp.{region}.amazonaws.com' }] },
  },
  regions: Object.fromEntries(Object.entries(SES_RECEIVING_REGIONS).map(([id, name]) => [id, { name }])),
  openRegions: {
    pattern: '^[a-z]{2}(-[a-z]+)+-[0-9]$',
    description: 'AWS keeps adding receiving regions, so it is accepted; check the "Email receiving endpoints" table of the SES endpoints page.',
  },
  companions: {
    dkim: SES_EASY_DKIM,
    verification: SES_DOMAIN_VERIFICATION,
  },
  notes: 'Receiving only; sending needs no MX. Do not confuse with a custom MAIL FROM domain, whose MX is feedback-smtp.<region>.amazonses.com.',
};
