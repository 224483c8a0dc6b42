import { MailPreset } from '../lib/presets/preset';

/** Twilio SendGrid Inbound Parse: mail to a dedicated (sub)domain is posted to your webhook. */
export const sendgridInboundParse: MailPreset = {
  id: 'sendgrid-inbound-parse',
  name: 'SendGrid Inbound Parse',
  category: 'inbound-api',
  sources: [{ url: 'https://www.twilio.com/docs/sendgrid/for-developers/parsing-email/setting-up-the-inbound-parse-webhook', title: 'Setting up the Inbound Parse Webhook' }],
  checked: '2026-11-24',
  confidence: 'high',
  defaultVariant: 'current',
  singleMxRedundant: true,
  variants: {
    current: { description: 'One MX, mx.sendgrid.net at 10, on a name used only for parsing.', mx: [{ priority: 10, exchange: 'mx.sendgrid.net' }] },
  },
  notes: 'Publish it on a dedicated subdomain (name: "parse"): pointing the apex MX at SendGrid sends all your mail to the webhook. Sending-side records (s1/s2._domainkey, emNNNN) are per account and not part of this preset.',
};
