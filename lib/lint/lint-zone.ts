import { fromCloudflareTxt } from '../cloudflare/txt';
import { describeValue } from '../dns/errors';
import { fqdn, isInZone, ownerNameSyntaxProblem, parseHostname, resolveOwnerName } from '../dns/names';
import { HOSTNAME_VALUED_TYPES, RecordOrigin, ResourceFacts, SourcedRecord } from '../dns/record';
import { Zone, ZoneDocument } from '../dns/zone';
import { HOST_CHOICES, RULES, RULES_BY_ID, rulesForHost } from '../hosts';
import { appliesToZone, ExtraHit, Finding, internalError, LintOptions, runRules, Suppression } from '../rules/engine';
import { RuleInfo, Severity } from '../rules/rule';
import { INPUT_RULES, optionsInvalid, recordInvalid, recordOutsideZone, recordUnknownField, suppressionUnused, zoneInvalid } from './input-rules';

/** One record as `lintZone` takes it: the shape of a Cloudflare record or a zone-file line. */
export interface LintZoneRecord {
  /** Owner name: `@` for the apex, relative (`mail`), or absolute (`mail.example.com` or `mail.example.com.`). */
  readonly name: string;
  /** Record type, any case: MX, A, AAAA, CNAME, TXT, … */
  readonly type: string;
  /** MX preference (0–65535). */
  readonly priority?: number;
  /** Record data: the exchange for MX (`.` for null MX), the target for CNAME, the text for TXT (quoted or not), the address for A/AAAA. */
  readonly value: string;
  /** TTL in seconds (1 = Cloudflare automatic). */
  readonly ttl?: number;
  /** Cloudflare proxy status. */
  readonly proxied?: boolean;
  /**
   * Construct path of the record in a CDKTF app (lint of cdktf output sets it from the synth
   * metadata): findings carry it, and a suppression with a `path` matches records at or below it.
   */
  readonly path?: string;
  /**
   * The Terraform resource holding the record, when it was read from one (synthesized cdktf
   * output, a plan): the host rules that judge how resources are written read it (two resources on
   * one record set, create_before_destroy on a set, the host's TXT quoting).
   */
  readonly resource?: ResourceFacts;
  /** File the record was read from (a zone file, a stack's cdk.tf.json): findings about it carry it. */
  readonly file?: string;
  /** Line (1-based) in `file` where the record is written: findings about it carry it. */
  readonly line?: number;
  /** Terraform address of the resource holding the record (synthesized output): findings about it carry it. */
  readonly address?: string;
}

/**
 * A record whose name is absolute (no trailing dot) as `lintZone` takes it: the name with its
 * trailing dot, so it is never read as relative; optional fields only when set.
 */
export function lintRecordOf(record: { readonly name: string; readonly type: string; readonly value: string; readonly priority?: number; readonly ttl?: number; readonly proxied?: boolean; readonly path?: string; readonly resource?: ResourceFacts }): LintZoneRecord {
  return {
    name: `${record.name}.`,
    type: record.type,
    value: record.value,
    ...(record.priority !== undefined ? { priority: record.priority } : {}),
    ...(record.ttl !== undefined ? { ttl: record.ttl } : {}),
    ...(record.proxied !== undefined ? { proxied: record.proxied } : {}),
    ...(record.path !== undefined ? { path: record.path } : {}),
    ...(record.resource !== undefined ? { resource: record.resource } : {}),
  };
}

/** What `lintZone` checks: a zone name and its records. */
export interface LintZoneInput {
  /** The zone apex, e.g. `example.com` (any case, trailing dot or Unicode). */
  readonly zone: string;
  readonly records: readonly LintZoneRecord[];
  /**
   * MTA-STS policies served for names of the zone (the text at `https://mta-sts.<name>/.well-known/mta-sts.txt`,
   * which is not in DNS): `name` is the policy domain (`@`, relative or absolute; default the apex).
   * With it the rules check the policy against the MX set (`mta-sts-mx-uncovered`, …).
   */
  readonly mtaStsPolicies?: ReadonlyArray<{ readonly name?: string; readonly text: string }>;
}

/** Fields a record may have; `comment` is accepted and ignored. */
const KNOWN_FIELDS: ReadonlySet<string> = new Set(['name', 'type', 'priority', 'value', 'ttl', 'proxied', 'comment', 'path', 'resource', 'file', 'line', 'address']);
const FIELD_HINTS: Readonly<Record<string, string>> = { content: 'value', data: 'value', target: 'value', exchange: 'value', prio: 'priority', preference: 'priority', pref: 'priority', host: 'name', owner: 'name' };
const TYPE_MNEMONIC = /^[A-Z][A-Z0-9-]*$/;
const NUMERIC = /^\s*\d+\s*$/;
const SEVERITIES: ReadonlySet<string> = new Set(['error', 'warning', 'info', 'off']);
const MIN_REASON = 10;

/**
 * Lint a zone: the zone-wide rules and the host rules over the records as a whole; `options.host`
 * names the zone's host (only its host rules run), else every host's rules run. Never throws:
 * unreadable input, records and options come back as findings (`zone-invalid`,
 * `record-invalid`, `options-invalid`, …) and the readable rest is still checked.
 */
export function lintZone(input: LintZoneInput, options: LintOptions = {}): Finding[] {
  return lintZoneWith(input, options, []);
}

/**
 * {@link lintZone} with findings its caller found while reading the input (a zone file's
 * unreadable lines): they take severity overrides and suppressions like any rule's.
 */
export function lintZoneWith(input: LintZoneInput, options: LintOptions, found: readonly ExtraHit[]): Finding[] {
  return withUnused(lintZoneJudged(input, options, found));
}

/** What {@link lintZone} judged, with the suppressions that matched nothing apart (for callers judging several zones at once). */
export interface JudgedZone {
  /** Every finding but `suppression-unused`. */
  readonly findings: Finding[];
  /** Suppressions (as read from the options) that matched nothing in this zone, those scoped to another zone included. */
  readonly unused: Suppression[];
  /** The zone's apex, when the input named one. */
  readonly apex?: string;
  /** Severity of `suppression-unused` under the options; undefined when it is off. */
  readonly unusedSeverity?: Severity;
}

/** {@link lintZoneWith}, with unused suppressions returned apart instead of as findings. */
export function lintZoneJudged(input: LintZoneInput, options: LintOptions, found: readonly ExtraHit[] = []): JudgedZone {
  try {
    return lint(input as unknown, options as unknown, found);
  } catch (error) {
    return { findings: [internalFailure(error)], unused: [] };
  }
}

function internalFailure(error: unknown): Finding {
  const detail = error instanceof Error ? error.message : String(error);
  return { rule: internalError.id, severity: 'error', name: '.', message: `lintZone failed (${detail}); please report this with the input.` };
}

/** The findings of a judged zone with its unused suppressions as `suppression-unused` findings. */
function withUnused({ findings, unused, apex, unusedSeverity }: JudgedZone): Finding[] {
  return unusedSeverity && apex !== undefined ? [...findings, ...unused.map((s) => unusedSuppressionFinding(s, apex, unusedSeverity))] : findings;
}

/** The `suppression-unused` finding of a suppression that matched nothing in the zone at `apex`. */
export function unusedSuppressionFinding(unused: Suppression, apex: string, severity: Severity): Finding {
  const where = unused.name !== undefined ? ` at ${unused.name}` : '';
  return { rule: suppressionUnused.id, severity, name: fqdn(unused.name !== undefined ? resolveOwnerName(unused.name, unused.zone ?? apex) : unused.zone ?? apex), message: `suppression of ${unused.id}${where} matched no finding; remove it (reason given: "${unused.reason}").` };
}

function lint(input: unknown, rawOptions: unknown, found: readonly ExtraHit[]): JudgedZone {
  const extra: ExtraHit[] = [...found];
  const note = (rule: RuleInfo, name: string, message: string, record?: SourcedRecord) => extra.push({ rule, hit: { name, message, ...(record ? { record } : {}) } });
  const options = readOptions(rawOptions, (message) => note(optionsInvalid, '.', message));

  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return finish(undefined, extra, options, () => note(zoneInvalid, '.', `the input must be an object { zone, records }, not ${describeValue(input)}.`));
  }
  const { zone: zoneName, records } = input as { zone?: unknown; records?: unknown };
  const apex = typeof zoneName === 'string' ? parseHostname(zoneName).ascii : undefined;
  if (apex === undefined) {
    return finish(undefined, extra, options, () => note(zoneInvalid, '.', `zone must be a domain name such as "example.com", not ${describeValue(zoneName)}.`));
  }
  if (!Array.isArray(records)) {
    return finish(apex, extra, options, () => note(zoneInvalid, apex, `records must be an array of { name, type, value, … }, not ${describeValue(records)}.`));
  }
  const intake = new RecordIntake(apex);
  for (const raw of records as unknown[]) intake.add(raw);
  return judgeIntake(intake, extra, options, (input as { mtaStsPolicies?: unknown }).mtaStsPolicies);
}

/** The rules over an intake's records and policies: `extra` (findings so far), then the intake's notes, then the rules'. */
function judgeIntake(intake: RecordIntake, extra: ExtraHit[], options: LintOptions, mtaStsPolicies: unknown): JudgedZone {
  extra.push(...intake.notes);
  const documents = readPolicies(mtaStsPolicies, intake.apex, (message) => extra.push({ rule: zoneInvalid, hit: { name: intake.apex, message } }));
  return finish(intake.apex, extra, options, undefined, new Zone(intake.apex, intake.accepted, documents));
}

/**
 * Reads lintZone input records into zone records one at a time, keeping findings for those
 * it cannot read. A caller that reads records as a stream (a zone file) hands each over as
 * it is read, so no second list of every record is held while the rules run.
 */
export class RecordIntake {
  /** The records read, as the rules see them. */
  public readonly accepted: SourcedRecord[] = [];
  /** Findings about records that could not be read (or only in part). */
  public readonly notes: ExtraHit[] = [];
  private index = 0;
  /** Target host names seen, and the last owner read, so records share their strings. */
  private readonly strings: SharedStrings = { hosts: new Map<string, string>(), types: new Map<string, string>() };

  /** `apex`: the zone, lower-case ASCII without the trailing dot (as lintZone parses it). */
  constructor(public readonly apex: string) {}

  /** How many records were handed over. */
  public get count(): number {
    return this.index;
  }

  /** One input record, as an element of lintZone's `records` (`records[i]` in messages counts the calls). */
  public add(raw: unknown): void {
    const record = readRecord(raw, this.index++, this.apex, this.note, this.strings);
    if (record) this.accepted.push(record);
  }

  /** One record a zone-file reader read: typed already, so only what can still be wrong with it is checked. */
  public addRead(read: FileRecord): void {
    const record = readFileRecord(read, this.index++, this.apex, this.note, this.strings);
    if (record) this.accepted.push(record);
  }

  private readonly note: Note = (rule, name, message) => {
    this.notes.push({ rule, hit: { name, message } });
  };
}

/** A record as a zone-file reader hands it to {@link RecordIntake.addRead}. */
export interface FileRecord {
  /** Owner name, absolute with its trailing dot. */
  readonly name: string;
  /** Type mnemonic, upper case. */
  readonly type: string;
  /** Record data as the rules read it: TXT and SPF strings joined, an MX exchange written as an address as that address. */
  readonly value: string;
  /** MX preference. */
  readonly priority?: number;
  readonly ttl: number;
  readonly proxied?: boolean;
  readonly file?: string;
  readonly line: number;
}

/**
 * {@link lintZoneWith} over the records of an intake: `found` (the caller's findings while
 * reading), then the intake's, then the rules'; `mtaStsPolicies` as lintZone's input takes them.
 */
export function lintIntake(intake: RecordIntake, options: LintOptions, found: readonly ExtraHit[], mtaStsPolicies?: unknown): Finding[] {
  try {
    const extra: ExtraHit[] = [...found];
    const read = readOptions(options as unknown, (message) => extra.push({ rule: optionsInvalid, hit: { name: '.', message } }));
    return withUnused(judgeIntake(intake, extra, read, mtaStsPolicies));
  } catch (error) {
    return [internalFailure(error)];
  }
}

/** The MTA-STS policies of the input as zone documents; each unreadable entry reported and left out. */
function readPolicies(raw: unknown, apex: string, problem: (message: string) => void): ZoneDocument[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problem(`mtaStsPolicies must be an array of { name?, text }, not ${describeValue(raw)}.`);
    return [];
  }
  const documents: ZoneDocument[] = [];
  raw.forEach((entry: unknown, index: number) => {
    const { name, text } = (entry ?? {}) as { name?: unknown; text?: unknown };
    if (typeof text !== 'string' || (name !== undefined && typeof name !== 'string')) {
      problem(`mtaStsPolicies[${index}] must be { name?: string, text: string }, not ${describeValue(entry)}.`);
      return;
    }
    const owner = resolveOwnerName(name ?? '@', apex);
    if (!isInZone(owner, apex)) {
      problem(`mtaStsPolicies[${index}]: ${fqdn(owner)} is outside the zone ${apex}.`);
      return;
    }
    documents.push({ kind: 'mta-sts-policy', name: owner, text });
  });
  return documents;
}

/** Run the rules (when there is a zone); unused suppressions are told only when there is one. */
function finish(apex: string | undefined, extra: ExtraHit[], options: LintOptions, last?: () => void, zone?: Zone): JudgedZone {
  last?.();
  const result = runRules(zone ?? new Zone(apex ?? '.', []), options, zone ? (rulesForHost(options.host) ?? RULES) : [], extra);
  const unusedSeverity = severityOf(suppressionUnused, options);
  // One scoped to another zone matched nothing here either.
  const elsewhere = zone ? (options.suppressions ?? []).filter((s) => !appliesToZone(s, zone.apex) && options.rules?.[s.id] !== 'off') : [];
  return { findings: result.findings, unused: zone ? [...result.unusedSuppressions, ...elsewhere] : [], ...(zone ? { apex: zone.apex } : {}), ...(unusedSeverity ? { unusedSeverity } : {}) };
}

function severityOf(rule: RuleInfo, options: LintOptions): Severity | undefined {
  const override = options.rules?.[rule.id];
  if (override === 'off') return undefined;
  return override ?? rule.severity;
}

/** One input record as a zone record, or undefined (with findings) when it cannot be read. */
function readRecord(raw: unknown, index: number, apex: string, note: Note, strings?: SharedStrings): SourcedRecord | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    note(recordInvalid, apex, `records[${index}] must be an object { name, type, value, … }, not ${describeValue(raw)}.`);
    return undefined;
  }
  const fields = raw as Record<string, unknown>;
  const origin = originOf(fields);
  const name = fields.name;
  for (const key in fields) {
    if (KNOWN_FIELDS.has(key) || !Object.prototype.hasOwnProperty.call(fields, key)) continue;
    // Own keys only: `__proto__` or `constructor` must not find Object.prototype's members.
    const hint = Object.prototype.hasOwnProperty.call(FIELD_HINTS, key.toLowerCase()) ? FIELD_HINTS[key.toLowerCase()] : undefined;
    note(recordUnknownField, typeof name === 'string' ? resolveOwnerName(name, apex) : apex, `${recordPlace(origin, index)} (${typeof name === 'string' ? name : recordPlace(origin, index)}) has an unknown field "${key}"${hint ? `; did you mean "${hint}"?` : '.'} It is ignored.`);
  }
  if (typeof name !== 'string') {
    note(recordInvalid, apex, `${recordPlace(origin, index)}: name must be a string (@, relative or absolute), not ${describeValue(name)}.`);
    return undefined;
  }
  const owner = ownerOf(name, apex, strings);
  const type = typeof fields.type === 'string' ? sharedType(fields.type.trim().toUpperCase(), strings) : undefined;
  if (!ownerAndTypeAccepted(owner, type, fields.type, name, origin, index, apex, note)) return undefined;
  let value = fields.value;
  if (value === undefined && type === 'MX') value = '';
  if (typeof value !== 'string') {
    const hint = typeof fields.content === 'string' ? ' (the value is in "content"; rename it to "value")' : '';
    note(recordInvalid, owner, `${recordPlace(origin, index)}: ${type} at ${fqdn(owner)} needs value as a string, not ${describeValue(value)}${hint}.`);
    return undefined;
  }
  if (fields.proxied !== undefined && typeof fields.proxied !== 'boolean') {
    note(recordInvalid, owner, `${recordPlace(origin, index)}: proxied must be true or false, not ${describeValue(fields.proxied)}; it is ignored.`);
  }
  // Quoted TXT is character-strings; unquoted TXT is the text itself, leading spaces and all (they make ' v=spf1' not SPF, RFC 7208 §4.5).
  const data = type === 'TXT' || type === 'SPF' ? (value.trimStart().startsWith('"') ? fromCloudflareTxt(value) : value) : shared(value.trim(), type, strings?.hosts);
  const path = typeof fields.path === 'string' && fields.path !== '' ? fields.path : undefined;
  const record = zoneRecord(owner, type, data, numeric(fields.priority) as number | undefined, numeric(fields.ttl) as number | undefined, path !== undefined ? { ...origin, path } : origin);
  if (typeof fields.proxied === 'boolean') record.proxied = fields.proxied;
  const resource = resourceFacts(fields.resource);
  if (resource) record.resource = resource;
  else if (fields.resource !== undefined) note(recordInvalid, owner, `${recordPlace(origin, index)}: resource must be { address, ownsRecordSet?, createBeforeDestroy?, written? } with address a string, not ${describeValue(fields.resource)}; it is ignored.`);
  return record;
}

/**
 * A record a zone-file reader has already read (its fields typed, its TXT strings joined) as a
 * zone record: the owner and type checks every input record gets, without the generic reading.
 */
function readFileRecord(read: FileRecord, index: number, apex: string, note: Note, strings: SharedStrings): SourcedRecord | undefined {
  const owner = ownerOf(read.name, apex, strings);
  // The reader's type strings are its type table's own: no intake copy to share.
  const type = read.type;
  if (!ownerAndTypeAccepted(owner, type, type, read.name, read, index, apex, note)) return undefined;
  const data = type === 'TXT' || type === 'SPF' ? read.value : shared(read.value.trim(), type, strings.hosts);
  if (read.proxied === undefined) return new PlacedRecord(owner, type, data, read.priority, read.ttl, read.file, read.line);
  const record = zoneRecord(owner, type, data, read.priority, read.ttl, { file: read.file, line: read.line });
  record.proxied = read.proxied;
  return record;
}

/**
 * A zone record read from a file, which is its own origin (its file and line are its fields):
 * a zone file's hundreds of thousands of records need no origin object each (8 MiB at 250,000).
 */
class PlacedRecord implements SourcedRecord {
  constructor(
    public readonly name: string,
    public readonly type: string,
    public readonly value: string,
    public readonly priority: number | undefined,
    public readonly ttl: number,
    public readonly file: string | undefined,
    public readonly line: number,
  ) {}

  public get origin(): RecordOrigin {
    return this;
  }
}

/** How intake steps report a record they cannot read (or only in part). */
type Note = (rule: RuleInfo, name: string, message: string) => void;

/** The owner name as the zone indexes it; a zone file writes an owner's records one after another, so they share one string. */
function ownerOf(name: string, apex: string, strings: SharedStrings | undefined): string {
  const owner = strings?.lastName === name ? strings.lastOwner! : resolveOwnerName(name, apex);
  if (strings) {
    strings.lastName = name;
    strings.lastOwner = owner;
  }
  return owner;
}

/** True when the record's type is a mnemonic and its owner is a valid name in the zone; otherwise noted. */
function ownerAndTypeAccepted(owner: string, type: string | undefined, writtenType: unknown, name: string, origin: RecordOrigin | undefined, index: number, apex: string, note: Note): type is string {
  if (type === undefined || !TYPE_MNEMONIC.test(type)) {
    note(recordInvalid, owner, `${recordPlace(origin, index)} (${name}): type must be a record type such as "MX" or "TXT", not ${describeValue(writtenType)}.`);
    return false;
  }
  if (!isInZone(owner, apex)) {
    note(recordOutsideZone, owner, `${recordPlace(origin, index)}: ${type} record at ${fqdn(owner)} is outside the zone ${apex}; use a name at or below ${apex}.`);
    return false;
  }
  const detail = ownerNameSyntaxProblem(owner);
  if (detail !== undefined) {
    note(recordInvalid, owner, `${recordPlace(origin, index)}: owner name "${name}" ${detail}.`);
    return false;
  }
  return true;
}

/** The zone record, built as one object literal of its final shape: fields added afterwards would go to a separate property store (250,000 records: ~10 MiB). */
function zoneRecord(owner: string, type: string, data: string, priority: number | undefined, ttl: number | undefined, placed: RecordOrigin | undefined): { -readonly [K in keyof SourcedRecord]: SourcedRecord[K] } {
  return placed !== undefined
    ? priority !== undefined
      ? ttl !== undefined ? { name: owner, type, value: data, priority, ttl, origin: placed } : { name: owner, type, value: data, priority, origin: placed }
      : ttl !== undefined ? { name: owner, type, value: data, ttl, origin: placed } : { name: owner, type, value: data, origin: placed }
    : priority !== undefined
      ? ttl !== undefined ? { name: owner, type, value: data, priority, ttl } : { name: owner, type, value: data, priority }
      : ttl !== undefined ? { name: owner, type, value: data, ttl } : { name: owner, type, value: data };
}

/** The facts of a record's resource as given, or undefined when they are not an object with an address. */
function resourceFacts(value: unknown): ResourceFacts | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const { address, ownsRecordSet, createBeforeDestroy, written } = value as Record<string, unknown>;
  if (typeof address !== 'string') return undefined;
  return {
    address,
    ...(ownsRecordSet === true ? { ownsRecordSet } : {}),
    ...(createBeforeDestroy === true ? { createBeforeDestroy } : {}),
    ...(typeof written === 'string' ? { written } : {}),
  };
}

/** A record read from a file is named by its place there (`zone.db:27`), else by its index (`records[3]`); built only for a message. */
function recordPlace(origin: RecordOrigin | undefined, index: number): string {
  return origin?.line !== undefined ? filePlace({ ...origin, line: origin.line }) : `records[${index}]`;
}

/** `file:line` (or `line N` without a file), how findings name a place in a file. */
export function filePlace(place: { readonly file?: string; readonly line: number }): string {
  return place.file !== undefined ? `${place.file}:${place.line}` : `line ${place.line}`;
}

/** Where a record was read (file, line, Terraform address), when its input says so. */
function originOf(fields: Readonly<Record<string, unknown>>): RecordOrigin | undefined {
  const file = typeof fields.file === 'string' ? fields.file : undefined;
  const line = typeof fields.line === 'number' && Number.isInteger(fields.line) && fields.line > 0 ? fields.line : undefined;
  const address = typeof fields.address === 'string' ? fields.address : undefined;
  if (address !== undefined) return { file, line, address };
  // A zone file's hundreds of thousands of records: one shape {file, line} for all, no slot for an address they never have.
  return file === undefined && line === undefined ? undefined : { file, line };
}

/** Strings that records read by one intake share: one per target host name, and the last owner name's. */
interface SharedStrings {
  readonly hosts: Map<string, string>;
  /** One string per record type (`toUpperCase` makes a new one for every record). */
  readonly types: Map<string, string>;
  /** The last owner as written, and as resolved. */
  lastName?: string;
  lastOwner?: string;
}

/** The intake's one string for a record type. */
function sharedType(type: string, strings: SharedStrings | undefined): string {
  if (!strings) return type;
  const known = strings.types.get(type);
  if (known !== undefined) return known;
  strings.types.set(type, type);
  return type;
}

/** One string per distinct host name a record points at (zones repeat their MX and CNAME targets). */
function shared(value: string, type: string, hosts: Map<string, string> | undefined): string {
  if (!hosts || !HOSTNAME_VALUED_TYPES.has(type)) return value;
  const known = hosts.get(value);
  if (known !== undefined) return known;
  hosts.set(value, value);
  return value;
}

/**
 * A number, a numeric string (or bigint) as its number, other numbers, strings and booleans as given
 * (the rules report them); any other value as a plain description, so no rule has to
 * print a symbol, a bigint or a cyclic object. `verify` reads zone JSON priorities with it
 * too, so both commands take `"priority": "10"` as 10.
 */
export function numeric(value: unknown): unknown {
  if (typeof value === 'bigint') return numeric(String(value));
  if (typeof value === 'string' && NUMERIC.test(value)) return Number(value);
  if (value === null || value === undefined) return undefined;
  return typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean' ? value : describeValue(value);
}

/** What narrows a suppression: its zone, owner name and construct path (as synth records them). */
const SCOPE_FIELDS = ['zone', 'name', 'path'] as const;

/** The options that can be applied; each problem reported once. */
function readOptions(raw: unknown, problem: (message: string) => void): LintOptions {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problem(`options must be an object { rules?, minPriorityGap?, suppressions?, host? }, not ${describeValue(raw)}; defaults are used.`);
    return {};
  }
  const { rules, minPriorityGap, suppressions, host } = raw as Record<string, unknown>;
  const known = (id: string) => RULES_BY_ID.has(id) || INPUT_RULES.some((r) => r.id === id) || id === internalError.id;
  const overrides: Record<string, 'error' | 'warning' | 'info' | 'off'> = {};
  if (rules !== undefined) {
    if (rules === null || typeof rules !== 'object' || Array.isArray(rules)) problem(`options.rules must map rule ids to a severity, not ${describeValue(rules)}.`);
    else {
      for (const [id, severity] of Object.entries(rules as Record<string, unknown>)) {
        if (!known(id)) problem(`options.rules: there is no rule "${id}"${suggest(id)}.`);
        else if (typeof severity !== 'string' || !SEVERITIES.has(severity)) problem(`options.rules["${id}"] must be error, warning, info or off, not ${describeValue(severity)}.`);
        else overrides[id] = severity as 'error';
      }
    }
  }
  let gap: number | undefined;
  if (minPriorityGap !== undefined) {
    if (typeof minPriorityGap === 'number' && Number.isFinite(minPriorityGap) && minPriorityGap >= 0) gap = minPriorityGap;
    else problem(`options.minPriorityGap must be a number ≥ 0, not ${describeValue(minPriorityGap)}; the default is used.`);
  }
  const accepted: Suppression[] = [];
  if (suppressions !== undefined) {
    if (!Array.isArray(suppressions)) problem(`options.suppressions must be an array of { id, reason, zone?, name?, path? }, not ${describeValue(suppressions)}.`);
    else {
      suppressions.forEach((s: unknown, i: number) => {
        const entry = (s ?? {}) as Record<string, unknown>;
        const reason = typeof entry.reason === 'string' ? entry.reason.trim() : '';
        if (typeof entry.id !== 'string' || !known(entry.id)) problem(`options.suppressions[${i}]: there is no rule ${describeValue(entry.id)}${typeof entry.id === 'string' ? suggest(entry.id) : ''}.`);
        else if (reason.length < MIN_REASON) problem(`options.suppressions[${i}] (${entry.id}) needs a reason of at least ${MIN_REASON} characters that says why the finding is safe; it is not applied.`);
        else {
          const wrong = SCOPE_FIELDS.find((field) => entry[field] !== undefined && typeof entry[field] !== 'string');
          if (wrong) problem(`options.suppressions[${i}] (${entry.id}): ${wrong} must be a string.`);
          else accepted.push({ id: entry.id, reason, ...Object.fromEntries(SCOPE_FIELDS.filter((field) => entry[field] !== undefined).map((field) => [field, entry[field]])) });
        }
      });
    }
  }
  const hostKnown = typeof host === 'string' && rulesForHost(host) !== undefined;
  if (host !== undefined && !hostKnown) problem(`options.host must be one of ${HOST_CHOICES.join(', ')}, not ${describeValue(host)}; every host's rules are run.`);
  return { rules: overrides, ...(gap !== undefined ? { minPriorityGap: gap } : {}), suppressions: accepted, ...(hostKnown ? { host: host as string } : {}) };
}

/** ` (did you mean "mx-single"?)` for a near miss, else ''. */
function suggest(id: string): string {
  const ids = [...RULES_BY_ID.keys(), ...INPUT_RULES.map((r) => r.id)];
  const close = ids.find((candidate) => distance(candidate, id) <= 2);
  return close ? ` (did you mean "${close}"?)` : '';
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
