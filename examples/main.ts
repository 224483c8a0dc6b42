import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { GoogleWorkspaceMx, Microsoft365Mx, MxRecords, NullMx } from '../lib';

/**
 * An example mail setup for four domains. The Cloudflare API token is read by the
 * provider from CLOUDFLARE_API_TOKEN at plan/apply time; it is never in code or output.
 * Zone ids are Terraform variables (set TF_VAR_<name> or a .tfvars file when deploying).
 */
export class MailStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new CloudflareProvider(this, 'cloudflare', {});

    const zone = (name: string, domain: string): string =>
      new TerraformVariable(this, `${name}_zone_id`, { type: 'string', description: `Cloudflare zone id of ${domain}` }).stringValue;

    new GoogleWorkspaceMx(this, 'corp-mail', { zoneId: zone('corp', 'example.com'), domain: 'example.com' });

    new Microsoft365Mx(this, 'contoso-mail', {
      zoneId: zone('contoso', 'contoso.example'),
      domain: 'contoso.example',
      exchange: 'contoso-example.mail.protection.outlook.com', // from the Microsoft 365 admin centre
    });

    new NullMx(this, 'parked', { zoneId: zone('parked', 'parked.example'), domain: 'parked.example' });

    new MxRecords(this, 'self-hosted', {
      zoneId: zone('selfhosted', 'example.org'),
      domain: 'example.org',
      records: [
        { priority: 10, exchange: 'mail.example.org' },
        { priority: 20, exchange: 'backup-mx.example.net' },
      ],
    });
  }
}

const app = new App();
new MailStack(app, 'mail');
app.synth();
