import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { MxInputError } from '../dns/errors';
import { isInZone, resolveOwnerName } from '../dns/names';
import { SourcedRecord } from '../dns/record';
import { Zone } from '../dns/zone';
import { HOST_READERS } from '../hosts';
import { MxValidation } from '../validation/mx-validation';
import { RawRecord, readRawRecords } from '../zones/stack-zones';
import { readSynthesizedRecords, SynthesizedRecord } from './synthesized';
import { recordsOfZone, withAbsoluteNames } from './zone-records';
import { absoluteHost, formatZone, ZoneTextOptions } from './zone-text';

/**
 * Where records come from: a stack (or any construct in it), or the path of synthesized
 * output (a `cdktf.out` directory, one stack's directory or a `cdk.tf.json` file).
 */
export type ZoneSource = IConstruct | string;

/** Options of {@link renderZone} and {@link zoneOf}. */
export interface RenderZoneOptions extends ZoneTextOptions {
  /** The zone id as written in the stack or synth output (e.g. `${var.corp_zone_id}`), when names alone cannot tell zones apart. */
  readonly zoneId?: string;
  /** Only this stack of a `cdktf.out` directory. Default all stacks. */
  readonly stack?: string;
}

/** One MX record as published: preference and exchange (`.` for a null MX). */
export interface PublishedMx {
  readonly priority: number;
  readonly exchange: string;
}

/**
 * The zone `domain` as a stack or its synthesized output publishes it: every record our
 * constructs declare plus the user's own record resources in that zone (any host, any binding),
 * as stable BIND-style text (see {@link formatZone}). `domain` is the zone apex.
 */
export function renderZone(source: ZoneSource, domain: string, options: RenderZoneOptions = {}): string {
  const zone = zoneOf(source, domain, options);
  return formatZone(zone.apex, zone.records, options);
}

/** The zone model of `domain` (its apex) in a stack or in synthesized output. */
export function zoneOf(source: ZoneSource, domain: string, options: RenderZoneOptions = {}): Zone {
  const apex = normalise(domain);
  if (typeof source === 'string') {
    const records = recordsOfZone(readSynthesizedRecords(source, options), apex, options.zoneId).map(fromSynthesized);
    if (records.length === 0) throw noZone(apex, source, zoneNames(withAbsoluteNames(readSynthesizedRecords(source, options))));
    return new Zone(apex, records);
  }
  const declared = MxValidation.of(source).zoneModels().filter((m) => m.zone.apex === apex && (options.zoneId === undefined || m.zoneId === options.zoneId || m.target.identity === options.zoneId));
  if (declared.length > 0) return new Zone(apex, declared.flatMap((m) => m.zone.records));
  // A zone only the user's own records are in: decide it from their names, as for synth output.
  const configured = userRecords(source);
  const records = recordsOfZone(configured, apex, options.zoneId).map(fromConfigured);
  if (records.length === 0) throw noZone(apex, `stack "${TerraformStack.of(source).node.path}"`, zoneNames(withAbsoluteNames(configured)));
  return new Zone(apex, records);
}

/**
 * The MX records published at `name` (the apex or any name in a zone), sorted by
 * preference then exchange; exchanges absolute with trailing dot.
 */
export function publishedMx(source: ZoneSource, name: string, options: Pick<RenderZoneOptions, 'stack'> = {}): PublishedMx[] {
  const owner = normalise(name);
  let records: ReadonlyArray<{ name: string; type: string; value: string; priority?: number }>;
  if (typeof source === 'string') {
    records = withAbsoluteNames(readSynthesizedRecords(source, options));
  } else {
    const zones = MxValidation.of(source).zoneModels().filter((m) => isInZone(owner, m.zone.apex));
    const longest = Math.max(-1, ...zones.map((m) => m.zone.apex.length));
    records = zones.length > 0
      ? zones.filter((m) => m.zone.apex.length === longest).flatMap((m) => m.zone.records)
      : withAbsoluteNames(userRecords(source));
  }
  return records
    .filter((r) => r.type === 'MX' && r.name === owner)
    .map((r) => ({ priority: r.priority ?? Number.NaN, exchange: absoluteHost(r.value) }))
    .sort(byPreference);
}

/** RFC 5321 order: lower preference first; equal preferences by exchange name for a stable listing. */
export function byPreference(a: PublishedMx, b: PublishedMx): number {
  return a.priority - b.priority || (a.exchange < b.exchange ? -1 : a.exchange > b.exchange ? 1 : 0);
}

function fromSynthesized(record: SynthesizedRecord): SourcedRecord {
  const { stack: _stack, address, path, zoneId: _zoneId, ...rest } = record;
  return { ...rest, origin: { path: path ?? address } };
}

function fromConfigured(record: RawRecord): SourcedRecord {
  const { zoneId: _zoneId, host: _host, address: _address, ...rest } = record;
  return rest;
}

/** The raw records of every known host in the stack of `source` (a stack only the user's own records are in). */
function userRecords(source: IConstruct): RawRecord[] {
  return readRawRecords(TerraformStack.of(source), HOST_READERS).records;
}

function zoneNames(records: ReadonlyArray<{ name: string; type: string }>): string[] {
  return [...new Set(records.filter((r) => r.type === 'MX').map((r) => r.name))].sort();
}

function noZone(apex: string, where: string, known: readonly string[]): MxInputError {
  const hint = known.length > 0 ? `; names with MX records there: ${known.join(', ')}` : '';
  return new MxInputError('domain', `no records of zone "${apex}" in ${where}${hint}. Give the zone apex, e.g. "example.com".`);
}

/** Lower-case ASCII name without trailing dot. */
function normalise(name: string): string {
  return resolveOwnerName('@', name);
}
