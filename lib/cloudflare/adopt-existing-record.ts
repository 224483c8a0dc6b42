import { TerraformDataSource, TerraformResource, Token } from 'cdktf';
import { Construct } from 'constructs';
import { CLOUDFLARE_GENERATOR_METADATA, CloudflareDnsRecord } from './dns-record';

/** Terraform type of Cloudflare's record list data source (provider 5.x). */
export const CLOUDFLARE_DNS_RECORDS_DATA_TYPE = 'cloudflare_dns_records';

/** The filters of a {@link CloudflareDnsRecordLookup}: exact name, type and content in one zone. */
interface LookupConfig {
  readonly zoneId: string;
  readonly name: string;
  readonly type: string;
  readonly content: string;
}

/**
 * `data "cloudflare_dns_records"` filtered to one record (exact name and content, type):
 * `GET /zones/{zone_id}/dns_records?name.exact=…&type=…&content.exact=…`, read at plan time.
 * @see https://registry.terraform.io/providers/cloudflare/cloudflare/latest/docs/data-sources/dns_records
 */
class CloudflareDnsRecordLookup extends TerraformDataSource {
  constructor(scope: Construct, id: string, private readonly config: LookupConfig) {
    super(scope, id, { terraformResourceType: CLOUDFLARE_DNS_RECORDS_DATA_TYPE, terraformGeneratorMetadata: { ...CLOUDFLARE_GENERATOR_METADATA } });
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return { zone_id: this.config.zoneId, name: { exact: this.config.name }, type: this.config.type, content: { exact: this.config.content }, max_items: 1 };
  }
}

/**
 * Import a live Cloudflare record into `resource` (a {@link CloudflareDnsRecord}) whose id is
 * not known at synth: a lookup of the record by its exact name, type and content gives the id at
 * plan time, and the import block's id is `<zone_id>/<that id>` (the provider's import format).
 * Used when a record moves from one Terraform state to another: the receiving stack adopts the
 * record the other stack created, so no create (Cloudflare refuses an identical record, 81058)
 * and no gap. Terraform fails the plan if no such record is live.
 */
export function adoptExistingCloudflareRecord(resource: TerraformResource): void {
  if (!(resource instanceof CloudflareDnsRecord)) return;
  const lookup = new CloudflareDnsRecordLookup(resource, 'live', {
    zoneId: resource.zoneIdInput,
    name: resource.nameInput,
    type: resource.typeInput,
    content: resource.contentInput ?? '',
  });
  resource.importFrom(`${resource.zoneIdInput}/${Token.asString(lookup.interpolationForAttribute('result[0].id'))}`);
}
