import { DnsRecord } from '@cdktf/provider-cloudflare/lib/dns-record';
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { DaneTlsa, GoogleWorkspaceMx, Microsoft365Mx, MtaSts, MxRecords, NullMx, TlsRpt, VendorMx } from '../lib';

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
    const contoso = { zoneId: zoneId('contoso', 'contoso.example'), domain: 'contoso.example' };
    new Microsoft365Mx(this, 'contoso-mail', { ...contoso, exchange: 'contoso-example.mail.protection.outlook.com' });
    // MTA-STS for it: the policy (stack output `policy`, to serve at https://mta-sts.contoso.example/.well-known/mta-sts.txt)
    // lists the wildcard Microsoft documents, and _mta-sts carries its hash as the id. TLS-RPT reports failures.
    new MtaSts(this, 'contoso-mta-sts', { ...contoso, mode: 'enforce' });
    new TlsRpt(this, 'contoso-tls-rpt', { ...contoso, rua: ['mailto:tls-reports@contoso.example'] });

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
    // DANE for the in-zone mail host (needs a DNSSEC-signed zone): TLSA 3 1 1 at _25._tcp.mail.example.org.
    // The backup MX is in the ISP's zone, which publishes its own TLSA.
    new DaneTlsa(this, 'self-hosted-dane', {
      zoneId: selfHostedZone,
      domain: 'example.org',
      records: [{ exchange: 'mail.example.org', data: '8cbd8d4a5bdc2ba8c8d8b8e3c1a2f0e4d6b7a9c8e1f2a3b4c5d6e7f8091a2b3c' }],
    });
  }
}
