import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { MxInputError } from '../dns/errors';
import { LintZoneInput } from '../lint/lint-zone';
import { readSynthesizedRecords, SynthesizedRecord } from '../testing/synthesized';
import { inferredApexes, recordsOfZone } from '../testing/zone-records';

/**
 * True when `path` names synthesized cdktf output rather than a zone: a directory
 * (`cdktf.out` or one stack's directory) or a file called `cdk.tf.json`.
 */
export function isSynthesizedPath(path: string): boolean {
  if (path === '-') return false;
  return basename(path) === 'cdk.tf.json' || statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
}

/** True when parsed JSON is a Terraform configuration (`{ "resource": { … } }`), not a zone. */
export function isTerraformJson(json: unknown): boolean {
  return typeof json === 'object' && json !== null && !Array.isArray(json) && typeof (json as { resource?: unknown }).resource === 'object';
}

/**
 * Every zone in synthesized output as lint input, one per stack and Cloudflare zone id, its
 * apex told from the names written in full (as `verify` does), in name order. Zone ids are
 * compared within a stack only: two stacks that each take their zone id from their own
 * `var.zone_id` synthesize the same text for different zones. With `zone`, only that zone
 * (in every stack that has it). A zone id whose apex cannot be told (only `@` and single-label
 * names) is an input error naming it, never dropped silently.
 */
export function synthesizedZones(path: string, options: { zone?: string; stack?: string } = {}): LintZoneInput[] {
  const byStack = new Map<string, SynthesizedRecord[]>();
  for (const record of readSynthesizedRecords(path, { stack: options.stack })) byStack.set(record.stack, [...(byStack.get(record.stack) ?? []), record]);
  const zones: LintZoneInput[] = [];
  for (const records of byStack.values()) {
    if (options.zone !== undefined) {
      const selected = recordsOfZone(records, options.zone);
      if (selected.length > 0) zones.push({ zone: options.zone, records: selected.map(lintRecord) });
      continue;
    }
    for (const [zoneId, apex] of inferredApexes(records)) {
      const ofZone = records.filter((r) => r.zoneId === zoneId);
      if (apex === undefined) {
        const where = ofZone[0].address;
        throw new MxInputError('zone', `${path}: the zone of ${where} (stack ${ofZone[0].stack}, zone id ${zoneId}) cannot be told from its names (${[...new Set(ofZone.map((r) => r.name))].join(', ')}); give --zone <domain>`);
      }
      zones.push({ zone: apex, records: recordsOfZone(ofZone, apex, zoneId).map(lintRecord) });
    }
  }
  if (zones.length === 0) {
    if (options.zone !== undefined) throw new MxInputError('zone', `${path} has no records in zone ${options.zone}`);
    throw new MxInputError('path', `${path} declares no cloudflare_dns_record with names known at synth; nothing to lint`);
  }
  // Stable sort: zones of one name keep their stacks' (name) order.
  return zones.sort((a, b) => (a.zone < b.zone ? -1 : a.zone > b.zone ? 1 : 0));
}

function lintRecord(record: SynthesizedRecord): LintZoneInput['records'][number] {
  return {
    name: `${record.name}.`,
    type: record.type,
    value: record.value,
    ...(record.priority !== undefined ? { priority: record.priority } : {}),
    ...(record.ttl !== undefined ? { ttl: record.ttl } : {}),
    ...(record.proxied !== undefined ? { proxied: record.proxied } : {}),
  };
}
