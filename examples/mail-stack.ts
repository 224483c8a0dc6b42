import { DnsRecord } from '@cdktf/provider-cloudflare/lib/dns-record';
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { GoogleWorkspaceMx, Microsoft365Mx, MxRecords, NullMx, VendorMx } from '../lib';

/**
 * An example mail setup for five domains. The Cloudflare provider reads its API token
 * from CLOUDFLARE_API_TOKEN at plan/apply time; it is never in code or synth output.
 * Zone ids are Terraform variables: set TF_VAR_<name>_zone_id when deploying.
 */
export class MailStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new CloudflareProvider(this, 'cloudflare', {});

    const zoneId = (name: string, domain: string): string =>
      new TerraformVariable(this, `${name}_zone_id`, { type: 'string', description: `Cloudflare zone id of ${domain}` }).stringValue;

    // Google Workspace: one MX, smtp.google.com at priority 1.
    new GoogleWorkspaceMx(this, 'corp-mail', { zoneId: zoneId('corp', 'example.com'), domain: 'example.com' });

    // Microsoft 365: the tenant's host comes from the admin centre; it cannot be derived.
    new Microsoft365Mx(this, 'contoso-mail', {
      zoneId: zoneId('contoso', 'contoso.example'),
      domain: 'contoso.example',
      exchange: 'contoso-example.mail.protection.outlook.com',
    });

    // Any vendor from the preset catalogue, with the companion records it documents:
    // one merged SPF record and Fastmail's three DKIM CNAMEs.
    new VendorMx(this, 'family-mail', {
      zoneId: zoneId('family', 'example.net'),
      domain: 'example.net',
      preset: 'fastmail',
      companions: { spf: { all: '~all' }, dkim: true },
    });

    // A parked domain: MX 0 . (RFC 7505), v=spf1 -all and DMARC p=reject.
    new NullMx(this, 'parked', { zoneId: zoneId('parked', 'parked.example'), domain: 'parked.example' });

    // Self-hosted with a backup MX at another provider. The mail host's address is a
    // plain cloudflare_dns_record: the rules see it too (an in-zone exchange needs A/AAAA).
    const selfHostedZone = zoneId('selfhosted', 'example.org');
    new DnsRecord(this, 'mail-host', { zoneId: selfHostedZone, name: 'mail.example.org', type: 'A', content: '192.0.2.25', ttl: 3600, proxied: false });
    new MxRecords(this, 'self-hosted', {
      zoneId: selfHostedZone,
      domain: 'example.org',
      records: [
        { priority: 10, exchange: 'mail.example.org' },
        { priority: 20, exchange: 'backup-mx.isp.example' },
      ],
    });
  }
}
