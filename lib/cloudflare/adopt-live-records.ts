import { Annotations, Aspects, IAspect, TerraformResource } from 'cdktf';
import { IConstruct } from 'constructs';
import { MxInputError } from '../dns/errors';
import { resolveOwnerName } from '../dns/names';
import { ZoneRegistry } from '../zones/registry';
import { configuredResources } from '../zones/configured-resources';
import { cloudflareReader } from './reader';
import { CLOUDFLARE_DNS_RECORD_TYPE } from './resource-types';

/** The Cloudflare record resources below a scope, as the reader reads them. */
const CLOUDFLARE_RECORDS = { recordTypes: new Set([CLOUDFLARE_DNS_RECORD_TYPE]), zoneTypes: new Set<string>() };

/** A live Cloudflare record to adopt: its id and what identifies it among the records a construct emits. */
export interface LiveRecordRef {
  /** Cloudflare DNS record id (`GET /zones/{zone_id}/dns_records` → `result[].id`). */
  readonly id: string;
  /** Record type, e.g. `MX`. */
  readonly type: string;
  /** Full record name, e.g. `example.com` or `google._domainkey.example.com` (any case, trailing dot or not). */
  readonly name: string;
  /** MX exchange / CNAME target / A address / TXT text (unquoted, strings joined). */
  readonly value: string;
  /** MX preference. */
  readonly priority?: number;
}


/**
 * Adopt live Cloudflare records into the `cloudflare_dns_record` resources emitted below
 * `scope` (a construct such as `GoogleWorkspaceMx`, or a whole stack): at synth, each resource
 * whose synthesized type, name, content and priority equal a live record gets a Terraform
 * import block (cdktf `importFrom`, id `<zone_id>/<dns_record_id>`, the provider's import format:
 * https://registry.terraform.io/providers/cloudflare/cloudflare/latest/docs/resources/dns_record#import), so the first `cdktf deploy` imports the records instead of creating
 * duplicates, which Cloudflare refuses (errors 81057/81058). Resources are recognised by
 * Terraform resource type and synthesized attributes, never by class, so any binding of
 * `cloudflare_dns_record` works. A live record that matches no resource is a synth warning on
 * `scope`: it stays live and unmanaged.
 */
export function adoptLiveRecords(scope: IConstruct, zoneId: string, records: readonly LiveRecordRef[]): void {
  if (typeof zoneId !== 'string' || !/^[0-9a-f]{32}$/i.test(zoneId)) {
    throw new MxInputError('zoneId', `adoptLiveRecords at ${scope.node.path} needs the literal Cloudflare zone id (32 hex digits), not ${JSON.stringify(zoneId)}: import ids are "<zone_id>/<record_id>".`);
  }
  records.forEach((record, index) => {
    for (const field of ['id', 'type', 'name', 'value'] as const) {
      if (typeof record?.[field] !== 'string' || record[field].trim() === '') {
        throw new MxInputError(`records[${index}].${field}`, `adoptLiveRecords at ${scope.node.path}: each live record needs id, type, name and value as strings.`);
      }
    }
  });
  Aspects.of(scope).add(new AdoptLiveRecords(scope, zoneId, records));
}

/** Runs once, when the aspect visits `scope` itself, over every resource below it. */
class AdoptLiveRecords implements IAspect {
  constructor(
    private readonly scope: IConstruct,
    private readonly zoneId: string,
    private readonly records: readonly LiveRecordRef[],
  ) {}

  public visit(node: IConstruct): void {
    if (node !== this.scope) return;
    // The zone's apex, when one of our constructs declared this zone id: names are resolved against it.
    const apexes = ZoneRegistry.of(this.scope).zones().filter((z) => z.target.identity === this.zoneId).map((z) => z.target.apex);
    const pending = this.records.map((record) => ({ record, key: keyOf(record.type, record.value, record.priority), name: host(record.name) }));
    // Read as validation reads the user's records (by type, overrides applied, TXT joined,
    // Terraform escapes undone), whichever class made them; the node is found by its path.
    const nodes = new Map<string, TerraformResource>();
    for (const child of this.scope.node.findAll()) {
      if (TerraformResource.isTerraformResource(child) && child.terraformResourceType === CLOUDFLARE_DNS_RECORD_TYPE) nodes.set(child.node.path, child);
    }
    for (const raw of configuredResources(this.scope, CLOUDFLARE_RECORDS).records) {
      const resource = raw.path === undefined ? undefined : nodes.get(raw.path);
      const [written] = cloudflareReader.readRecords(raw);
      if (resource === undefined || written === undefined) continue;
      const key = keyOf(written.type, written.value, written.priority);
      const same = pending.filter((p) => p.key === key);
      // A name as written in full first; then `@` or a relative name, as Cloudflare resolves them.
      const match = same.find((p) => p.name === host(written.name)) ?? same.find((p) => namesTheLive(written.name, p.name, apexes));
      if (match === undefined) continue;
      resource.importFrom(`${this.zoneId}/${match.record.id}`);
      pending.splice(pending.indexOf(match), 1);
    }
    for (const { record } of pending) {
      Annotations.of(this.scope).addWarning(
        `live record ${record.type} ${record.name}${record.priority !== undefined ? ` ${record.priority}` : ''} ${record.value} (id ${record.id}) matches no cloudflare_dns_record below ${this.scope.node.path}; it is not imported and stays live, unmanaged.`,
      );
    }
  }
}

function keyOf(type: string, value: string, priority: number | undefined): string {
  const upper = type.toUpperCase();
  const data = upper === 'TXT' || upper === 'SPF' ? value : host(value);
  return JSON.stringify([upper, data, upper === 'MX' ? priority ?? null : null]);
}

function host(name: string): string {
  return name.trim().replace(/\.$/, '').toLowerCase() || '.';
}

/**
 * True when `written` (`@`, relative or in full, as Cloudflare accepts names) names the live record
 * `live` (in full, as the API lists it): resolved against the zone's apex when a construct declared
 * the zone, otherwise against the one apex among `live`'s suffixes (two labels or more) that gives `live`.
 */
function namesTheLive(written: string, live: string, apexes: readonly string[]): boolean {
  if (apexes.length > 0) return apexes.some((apex) => resolveOwnerName(written, apex) === live);
  const labels = live.split('.');
  for (let i = 0; i <= labels.length - 2; i++) if (resolveOwnerName(written, labels.slice(i).join('.')) === live) return true;
  return false;
}
