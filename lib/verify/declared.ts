import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { MxInputError } from '../dns/errors';
import { describeValue } from '../dns/errors';
import { resolveOwnerName } from '../dns/names';
import { numeric } from '../lint/lint-zone';
import { byPreference, PublishedMx } from '../testing/render-zone';
import { readSynthesizedRecords } from '../testing/synthesized';
import { withAbsoluteNames } from '../testing/zone-records';
import { absoluteHost, compareCanonicalNames } from '../testing/zone-text';

/** A mail domain as declared: the name and the MX set it should publish. */
export interface DeclaredDomain {
  /** Lower-case ASCII name without trailing dot. */
  readonly domain: string;
  /** Declared MX, by preference; exchanges absolute (`.` for a null MX). Empty when a domain is checked without a declaration. */
  readonly mx: readonly PublishedMx[];
}

/** A zone in JSON, as `cdktf-mx lint` reads it too. */
interface ZoneJson {
  readonly zone: string;
  readonly records: ReadonlyArray<{ name?: unknown; type?: unknown; value?: unknown; priority?: unknown }>;
}

/**
 * Every name with MX records in a declaration: synthesized output (a `cdktf.out`
 * directory, a stack directory or a `cdk.tf.json`) or a zone JSON file
 * (`{ zone, records: [{ name, type, value, priority }] }`, a list of them, or `{ zones: [...] }`).
 * Stacks are read apart: two stacks' `${var.zone_id}` are two zones, and a domain two stacks
 * declare (production and staging) is checked once per distinct MX set, never as their union.
 */
export function readDeclaredMail(path: string, options: { stack?: string } = {}): DeclaredDomain[] {
  const zoneJson = zoneJsonOf(path);
  const records: ReadonlyArray<{ name: string; type: string; value: string; priority?: number; stack?: string }> =
    zoneJson !== undefined
      ? zoneJsonRecords(path, zoneJson)
      : withAbsoluteNames(readSynthesizedRecords(path, options).map((r) => ({ ...r, zoneId: `${r.stack}\n${r.zoneId}` })));
  const byName = new Map<string, { domain: string; mx: PublishedMx[] }>();
  for (const record of records) {
    // A relative name whose zone could not be told from its neighbours names no domain to query.
    if (record.type !== 'MX' || !record.name.includes('.')) continue;
    const key = `${record.stack ?? ''}\n${record.name}`;
    const entry = byName.get(key) ?? { domain: record.name, mx: [] };
    entry.mx.push({ priority: record.priority ?? Number.NaN, exchange: absoluteHost(record.value) });
    byName.set(key, entry);
  }
  const seen = new Set<string>();
  return [...byName.values()]
    .map(({ domain, mx }) => ({ domain, mx: mx.sort(byPreference) }))
    .filter((d) => {
      const key = JSON.stringify(d);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => compareCanonicalNames(a.domain, b.domain));
}

/** The parsed file when `path` is zone JSON rather than synthesized output. */
function zoneJsonOf(path: string): unknown {
  if (!path.endsWith('.json') || basename(path) === 'cdk.tf.json' || !statSync(path, { throwIfNoEntry: false })?.isFile()) return undefined;
  const json = parse(path);
  return typeof json === 'object' && json !== null && 'resource' in json ? undefined : json;
}

function zoneJsonRecords(path: string, json: unknown): Array<{ name: string; type: string; value: string; priority?: number }> {
  const zones: unknown[] = Array.isArray(json) ? json : typeof json === 'object' && json !== null && 'zones' in json ? (json as { zones: unknown[] }).zones : [json];
  return zones.flatMap((zone, z) => {
    const where = `${path}${zones.length > 1 ? ` zone ${z}` : ''}`;
    if (!isZone(zone)) throw new MxInputError('zone', `${where} is not { "zone": "example.com", "records": [{ "name", "type", "value", "priority" }] }`);
    return zone.records.map((record, r) => {
      if (typeof record?.type !== 'string' || typeof record.value !== 'string') {
        throw new MxInputError(`records[${r}]`, `${where}: each record needs a string "type" and "value"`);
      }
      if (record.name !== undefined && typeof record.name !== 'string') {
        throw new MxInputError(`records[${r}].name`, `${where}: the owner name must be a string (@, relative or absolute), not ${describeValue(record.name)}`);
      }
      const type = record.type.trim().toUpperCase();
      // Read as lintZone reads it, so both commands agree: a number or a string of digits.
      const priority = numeric(record.priority);
      if (type === 'MX' && !(typeof priority === 'number' && Number.isInteger(priority) && priority >= 0 && priority <= 65535)) {
        throw new MxInputError(`records[${r}].priority`, `${where}: an MX record needs a priority from 0 to 65535 (a number or a string of digits), not ${describeValue(record.priority)}`);
      }
      return { name: resolveOwnerName(record.name ?? '@', zone.zone), type, value: record.value, ...(typeof priority === 'number' ? { priority } : {}) };
    });
  });
}

function isZone(value: unknown): value is ZoneJson {
  return typeof value === 'object' && value !== null && typeof (value as ZoneJson).zone === 'string' && Array.isArray((value as ZoneJson).records);
}

function parse(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new MxInputError('path', `${path} is not readable JSON: ${(error as Error).message}`);
  }
}
