import { MailPreset } from '../lib/presets/preset';

/**
 * Microsoft 365 / Exchange Online. The MX host is per tenant and domain and cannot be
 * derived from the domain name (hyphenated domains get suffixes such as `01b`): it
 * must be copied from the admin centre (or Graph `serviceConfigurationRecords`).
 */
export const microsoft365: MailPreset = {
  id: 'microsoft-365',
  name: 'Microsoft 365',
  category: 'mailbox',
  sources: [
    { url: 'https://learn.microsoft.com/en-us/microsoft-365/admin/get-help-with-domains/create-dns-records-at-any-dns-hosting-provider', title: 'Add DNS records to connect your domain' },
    { url: 'https://learn.microsoft.com/en-us/purview/how-smtp-dane-works', title: 'How SMTP DNS-based Authentication of Named Entities (DANE) works (mx.microsoft hosts)' },
    { url: 'https://learn.microsoft.com/en-us/microsoft-365/enterprise/external-domain-name-system-records', title: 'External Domain Name System records for Office 365' },
    { url: 'https://mc.merill.net/message/MC1048624', title: 'MC1048624 DNS Provisioning Change (new domains get *.mx.microsoft hosts)' },
    { url: 'https://learn.microsoft.com/en-us/purview/enhancing-mail-flow-with-mta-sts', title: 'Enhancing mail flow with MTA-STS (policy mx: *.mail.protection.outlook.com)' },
    { url: 'https://learn.microsoft.com/en-us/purview/how-smtp-dane-works#set-up-inbound-smtp-dane-with-dnssec', title: 'Set up inbound SMTP DANE with DNSSEC (MX at priority 0 or 10, no fallback MX)' },
  ],
  checked: '2026-11-24',
  confidence: 'high',
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
  regions: {
    worldwide: { name: 'Worldwide (commercial)', values: { spfInclude: 'spf.protection.outlook.com', autodiscover: 'autodiscover.outlook.com' } },
    'gcc-high': { name: 'US Government GCC High', values: { spfInclude: 'spf.protection.office365.us', autodiscover: 'autodiscover.office365.us' } },
    dod: { name: 'US Government DoD', values: { spfInclude: 'spf.protection.office365.us', autodiscover: 'autodiscover-dod.office365.us' } },
    '21vianet': { name: 'Operated by 21Vianet (China)', values: { autodiscover: 'autodiscover.partner.outlook.cn' } },
  },
  defaultRegion: 'worldwide',
  companions: {
    spf: { include: '{spfInclude}', all: '-all' },
    dkim: {
      description: 'Two CNAMEs whose targets the Defender portal shows (selector1/selector2-<domain>._domainkey.<tenant>…); take them from the portal.',
      records: [
        { type: 'CNAME', name: 'selector1._domainkey', value: '{selector1}' },
        { type: 'CNAME', name: 'selector2._domainkey', value: '{selector2}' },
      ],
      parameters: {
        selector1: { description: 'CNAME target for selector1 from the Defender portal', example: 'selector1-contoso-com._domainkey.contoso.n-v1.dkim.mail.microsoft' },
        selector2: { description: 'CNAME target for selector2 from the Defender portal', example: 'selector2-contoso-com._domainkey.contoso.n-v1.dkim.mail.microsoft' },
      },
    },
    verification: {
      description: 'Domain ownership TXT (MS=ms…) from the domain setup wizard; can be removed after verification.',
      records: [{ type: 'TXT', name: '@', value: 'MS={token}' }],
      parameters: { token: { description: 'the ms-number the setup wizard shows', pattern: '^ms[0-9]+$', example: 'ms12345678' } },
    },
    autodiscover: {
      description: 'Outlook autodiscover CNAME, one of the three records Exchange Online lists.',
      records: [{ type: 'CNAME', name: 'autodiscover', value: '{autodiscover}' }],
    },
  },
  transportSecurity: {
    // Microsoft states this pattern for Exchange Online's mail.protection.outlook.com hosts only; the
    // DNSSEC hosts (<token>.<letter>-v1.mx.microsoft) are two labels below mx.microsoft, so policies list them exactly.
    mtaStsMx: [{ pattern: '*.mail.protection.outlook.com', source: 'https://learn.microsoft.com/en-us/purview/enhancing-mail-flow-with-mta-sts' }],
    dane: {
      title: 'Exchange Online inbound SMTP DANE with DNSSEC',
      hostSuffix: '.mx.microsoft',
      singleMx: true,
      priorities: [0, 10],
      source: 'https://learn.microsoft.com/en-us/purview/how-smtp-dane-works#set-up-inbound-smtp-dane-with-dnssec',
    },
  },
  notes: 'Domains added after July 2026 get DNSSEC hosts under *.mx.microsoft (MC1048624); the admin centre or Graph serviceConfigurationRecords is the source of truth. The 21Vianet SPF include is not documented here: add it with SpfInclude.',
};
