import { MailPreset } from '../lib/presets/preset';

/**
 * Microsoft 365 / Exchange Online. The MX host is per tenant and domain and cannot be
 * derived from the domain name (hyphenated domains get suffixes such as `01b`): it
 * must be copied from the admin centre (or Graph `serviceConfigurationRecords`).
 */
export const microsoft365: MailPreset = {
  id: 'microsoft-365',
  name: 'Microsoft 365',
  sources: [
    { url: 'https://learn.microsoft.com/en-us/microsoft-365/admin/get-help-with-domains/create-dns-records-at-any-dns-hosting-provider', title: 'Add DNS records to connect your domain' },
    { url: 'https://learn.microsoft.com/en-us/purview/how-smtp-dane-works', title: 'How SMTP DNS-based Authentication of Named Entities (DANE) works (mx.microsoft hosts)' },
  ],
  checked: '2026-11-24',
  defaultVariant: 'current',
  singleMxRedundant: true,
  parameters: {
    exchange: {
      description: 'The tenant\'s MX host from the Microsoft 365 admin centre ("Points to address").',
      suffixes: ['.mail.protection.outlook.com', '.mx.microsoft', '.mail.protection.office365.us', '.mail.protection.partner.outlook.cn'],
      example: 'contoso-com.mail.protection.outlook.com',
    },
  },
  variants: {
    current: {
      description: 'One MX at priority 0 pointing at the tenant host from the admin centre.',
      mx: [{ priority: 0, exchange: '{exchange}' }],
    },
  },
};
