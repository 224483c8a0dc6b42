import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { MxInputError } from '../dns/errors';
import { HOST_READERS } from '../hosts';
import { lintRecordOf, LintZoneInput, LintZoneRecord } from '../lint/lint-zone';
import { isInZone, parseHostname } from '../dns/names';
import { readSynthesizedStacks, SynthesizedRecord } from '../testing/synthesized';
import { SynthesizedValidation } from '../validation/synthesized-validation';
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
 * Every zone in synthesized output as lint input, one per stack and zone identity of any host
 * (Cloudflare zone id, Route 53 hosted zone, …), its apex told from the names written in full
 * (as `verify` does), in name order. Zone identities are compared within a stack only: two
 * stacks that each take their zone id from their own `var.zone_id` synthesize the same text for
 * different zones. With `zone`, only that zone (in every stack that has it). A zone id whose
 * apex cannot be told (only `@` and single-label names) is an input error naming it, never
 * dropped silently.
 */
export function synthesizedZones(path: string, options: { zone?: string; stack?: string } = {}): SynthesizedZone[] {
  const placed = placeIn(path);
  const zones: SynthesizedZone[] = [];
  for (const { stack, records, validation, policies } of readSynthesizedStacks(path, { stack: options.stack })) {
    if (records.length === 0) continue;
    const ofStack = { stack, validation };
    /** The stack's policies for a zone (any zone id when undefined) with names in `apex`, as lint input. */
    const policiesOf = (apex: string, zoneId?: string): Pick<SynthesizedZone, 'mtaStsPolicies'> => {
      const found = policies.filter((p) => (zoneId === undefined || p.zoneId === zoneId) && isInZone(p.name, apex)).map((p) => ({ name: `${p.name}.`, text: p.text }));
      return found.length > 0 ? { mtaStsPolicies: found } : {};
    };
    if (options.zone !== undefined) {
      const selected = recordsOfZone(records, options.zone);
      if (selected.length > 0) zones.push({ zone: options.zone, records: selected.map(placed), ...hostOf(selected), ...ofStack, ...policiesOf(parseHostname(options.zone).ascii ?? options.zone) });
      continue;
    }
    for (const [zoneId, apex] of inferredApexes(records)) {
      const ofZone = records.filter((r) => r.zoneId === zoneId);
      if (apex === undefined) {
        const where = ofZone[0].address;
        throw new MxInputError('zone', `${path}: the zone of ${where} (stack ${ofZone[0].stack}, zone id ${zoneId}) cannot be told from its names (${[...new Set(ofZone.map((r) => r.name))].join(', ')}); give --zone <domain>`);
      }
      zones.push({ zone: apex, records: recordsOfZone(ofZone, apex, zoneId).map(placed), ...hostOf(ofZone), ...ofStack, ...policiesOf(apex, zoneId) });
    }
  }
  if (zones.length === 0) {
    if (options.zone !== undefined) throw new MxInputError('zone', `${path} has no records in zone ${options.zone}`);
    const types = HOST_READERS.flatMap((host) => host.recordTypes).join(', ');
    throw new MxInputError('path', `${path} declares no DNS record resource (${types}) with names known at synth; nothing to lint`);
  }
  // Stable sort: zones of one name keep their stacks' (name) order.
  return zones.sort((a, b) => (a.zone < b.zone ? -1 : a.zone > b.zone ? 1 : 0));
}

/**
 * A record of synthesized output as lint input, placed where machine output points: its
 * Terraform address, its stack's cdk.tf.json and the line there where the resource starts.
 */
function placeIn(path: string): (record: SynthesizedRecord) => LintZoneRecord {
  const files = new Map<string, { file?: string; lines?: ReadonlyMap<string, number> }>();
  return (record) => {
    let stack = files.get(record.stack);
    if (stack === undefined) {
      const file = synthesizedFile(path, record.stack);
      let lines: ReadonlyMap<string, number> | undefined;
      try {
        lines = file !== undefined && file.endsWith('cdk.tf.json') ? resourceLines(readFileSync(file, 'utf8')) : undefined;
      } catch {
        lines = undefined;
      }
      stack = { ...(file !== undefined ? { file } : {}), ...(lines ? { lines } : {}) };
      files.set(record.stack, stack);
    }
    const line = stack.lines?.get(record.address);
    return { ...lintRecordOf(record), address: record.address, ...(stack.file !== undefined ? { file: stack.file } : {}), ...(line !== undefined ? { line } : {}) };
  };
}

/**
 * The line (1-based) where each resource `type.name` starts in a cdk.tf.json as cdktf writes it
 * (2-space JSON: a type's key at 4 spaces, its names' keys at 6), read in one pass so a stack of
 * many records is not scanned once per record.
 */
function resourceLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  const key = /^( {4}| {6})"((?:[^"\\]|\\.)*)": \{$/;
  let type: string | undefined;
  text.split('\n').forEach((line, index) => {
    const match = key.exec(line);
    if (!match) {
      if (/^ {0,4}\S/.test(line)) type = undefined;
      return;
    }
    const name = JSON.parse(`"${match[2]}"`) as string;
    if (match[1].length === 4) type = name;
    else if (type !== undefined && !lines.has(`${type}.${name}`)) lines.set(`${type}.${name}`, index + 1);
  });
  return lines;
}

/** A zone of synthesized output as lint input, with the host its resources are at and the stack it is in. */
export interface SynthesizedZone extends LintZoneInput {
  /** Id of the host whose resources hold the zone's records; absent when they are at several hosts. */
  readonly host?: string;
  /** The stack the zone is declared in. */
  readonly stack: string;
  /** What synth judged the stack with: its suppressions and `configureMxValidation` settings. */
  readonly validation: SynthesizedValidation;
}

/** `{ host }` when every record is at one host, else `{}` (every host's rules then run). */
function hostOf(records: readonly SynthesizedRecord[]): { host?: string } {
  const hosts = new Set(records.map((record) => record.host));
  return hosts.size === 1 ? { host: [...hosts][0] } : {};
}

/** A path as machine output shows it: relative to the working directory. */
export function shown(file: string): string {
  return relative(process.cwd(), resolve(file)) || '.';
}

/**
 * The file machine output (SARIF, GitHub annotations) reports findings on for an input,
 * relative to the working directory: a file as given; for a stack directory its
 * `cdk.tf.json`; for a `cdktf.out` directory the one stack's `cdk.tf.json` (the `stack`
 * asked for, or the only one), else the directory itself. Undefined for standard input.
 */
export function synthesizedFile(path: string, stack?: string): string | undefined {
  if (path === '-') return undefined;
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory() !== true) return shown(path);
  if (existsSync(join(path, 'cdk.tf.json'))) return shown(join(path, 'cdk.tf.json'));
  const stacks = join(path, 'stacks');
  const names = existsSync(stacks) ? readdirSync(stacks).filter((name) => existsSync(join(stacks, name, 'cdk.tf.json'))) : [];
  const chosen = stack ?? (names.length === 1 ? names[0] : undefined);
  return chosen !== undefined && names.includes(chosen) ? shown(join(stacks, chosen, 'cdk.tf.json')) : shown(path);
}
