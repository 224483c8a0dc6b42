import { ReadZoneFileOptions, ZoneFileProblem, ZoneFileReader, ZoneFileRecord } from '../zonefile/reader';
import { ExtraHit, Finding, LintOptions } from '../rules/engine';
import { zoneFileReading, zoneFileSpfUnquoted, zoneFileUnreadable } from './input-rules';
import { FileRecord, filePlace, lintIntake, LintZoneInput, LintZoneRecord, RecordIntake } from './lint-zone';
import { escapeTxt } from '../dns/txt';
import { parseHostname } from '../dns/names';

/** Types the rules read the data of: given in RFC 3597 generic form they would be misread, so they are reported instead. */
const RULE_TYPES: ReadonlySet<string> = new Set(['MX', 'TXT', 'SPF', 'CNAME', 'NS', 'DNAME', 'PTR', 'SOA', 'SRV', 'CAA']);

/** lintZone's input read from a zone file, with what could not be read. */
export interface ZoneFileLintInput extends LintZoneInput {
  /** Lines not read (`error`) or read in a way worth knowing (`warning`), with line numbers. */
  readonly problems: readonly ZoneFileProblem[];
}

/**
 * Read an RFC 1035 master (zone) file into lintZone's input (reader: {@link readZoneFile},
 * which reads as BIND's named-checkzone does). The zone is `zone` when given, else the
 * first `$ORIGIN`, else the SOA owner; throws when none is known, because relative names
 * cannot be resolved without it. Lines that cannot be read are in `problems`.
 */
export function zoneFileToLintInput(text: string, zone?: string, options: Omit<ReadZoneFileOptions, 'origin'> = {}): ZoneFileLintInput {
  const records: LintZoneRecord[] = [];
  const read = readForLint(text, zone, options, (record) => records.push(toLintRecord(record)));
  const { finalTtl } = read;
  const timed = finalTtl ? records.map((r) => ({ ...r, ttl: finalTtl(r.name, r.type) })) : records;
  return { zone: read.zone, records: timed, problems: read.problems };
}

/**
 * The reader run for lint: each record handed to `onRecord` as lintZone's input record as it
 * is read (the reader's records are never all held at once); records whose data is in generic
 * form for a type the rules read are problems instead. Throws when the zone is unknown.
 */
function readForLint(
  text: string,
  zone: string | undefined,
  options: Omit<ReadZoneFileOptions, 'origin'>,
  onRecord: (record: ZoneFileRecord, reader: ZoneFileReader) => void,
): { zone: string; problems: ZoneFileProblem[]; retimed: boolean; finalTtl?: (name: string, type: string) => number | undefined } {
  const noted: ZoneFileProblem[] = [];
  const reader: ZoneFileReader = new ZoneFileReader({ ...options, ...(zone !== undefined ? { origin: zone } : {}) }, (record) => {
    if (record.generic && RULE_TYPES.has(record.type)) {
      noted.push({ severity: 'warning', line: record.line, ...(record.file !== undefined ? { file: record.file } : {}), name: record.name, message: `${record.type} data in generic form (${record.data.slice(0, 40)}) is not decoded, so the rules do not check this record; write it in the ${record.type} form` });
    } else {
      if (record.unquotedWords && /^v=spf1$/i.test(record.strings![0])) noted.push(spfUnquoted(record));
      onRecord(record, reader);
    }
  });
  reader.write(text);
  const read = reader.end();
  if (read.zone === undefined) throw new Error(read.problems.find((p) => p.severity === 'error')?.message ?? 'the zone name is unknown; give it with --zone example.com');
  // A CNAME beside other data is the rule cname-coexists's finding; the reader's note of it is not repeated.
  const problems = [...read.problems.filter((p) => p.code !== 'cname-and-other-data'), ...noted];
  // The final TTLs only when some changed: the closure holds the reader (a map entry per RRset), which a caller keeps through the rules.
  return { zone: read.zone, problems, retimed: read.retimed, ...(read.retimed ? { finalTtl: (name: string, type: string) => reader.finalTtl(name, type) } : {}) };
}

/** Options of {@link lintZoneFile}: the reader's and the rules'. */
export interface LintZoneFileOptions extends LintOptions, Omit<ReadZoneFileOptions, 'origin'> {
  /** Zone name when the file has no `$ORIGIN` or SOA. */
  readonly zone?: string;
  /** MTA-STS policies served for names of the zone (not in DNS); see {@link LintZoneInput.mtaStsPolicies}. */
  readonly mtaStsPolicies?: LintZoneInput['mtaStsPolicies'];
}

/**
 * Lint a zone file: every rule over its records, plus a `zone-file-unreadable` error for
 * each line that could not be read and a `zone-file-reading` warning for each read in a
 * way worth knowing (messages start with `file:line:`). `records` is how many were read;
 * 0 means nothing usable was (`cdktf-mx lint` exits 2). Throws when the zone is unknown.
 */
export function lintZoneFile(text: string, options: LintZoneFileOptions = {}): { zone: string; records: number; problems: readonly ZoneFileProblem[]; findings: Finding[] } {
  const { zone, file, include, mtaStsPolicies, ...lintOptions } = options;
  const readOptions = { ...(file !== undefined ? { file } : {}), ...(include ? { include } : {}) };
  let taken = intakeZoneFile(text, zone, readOptions);
  // An RRset's TTL changed further down: the records already taken need the final TTL. Rare; read again with it.
  if (taken.read.finalTtl) taken = intakeZoneFile(text, zone, readOptions, taken.read.finalTtl);
  const { intake, read } = taken;
  return { zone: read.zone, records: intake.count, problems: read.problems, findings: lintIntake(intake, lintOptions, readingFindings(read.problems, read.zone), mtaStsPolicies) };
}

/**
 * The records of a zone file taken into the rules' intake as they are read (no list of
 * lintZone input records is held beside the zone's), with their TTLs from `finalTtl` when given.
 */
function intakeZoneFile(text: string, zone: string | undefined, options: Omit<ReadZoneFileOptions, 'origin'>, finalTtl?: (name: string, type: string) => number | undefined): { intake: RecordIntake; read: ReturnType<typeof readForLint> } {
  let intake: RecordIntake | undefined;
  const read = readForLint(text, zone, options, (record, reader) => {
    intake ??= new RecordIntake(zoneApex(reader.zone!));
    intake.addRead(toFileRecord(record, finalTtl?.(record.name, record.type)));
  });
  return { intake: intake ?? new RecordIntake(zoneApex(read.zone)), read };
}

/** The reader's problems as findings: `zone-file-unreadable` errors, `zone-file-reading` warnings. */
function readingFindings(problems: readonly ZoneFileProblem[], zone: string): ExtraHit[] {
  const apex = zone.replace(/\.$/, '');
  return problems.map((problem) => ({
    rule: problem.code === 'spf-unquoted-words' ? zoneFileSpfUnquoted : problem.severity === 'error' ? zoneFileUnreadable : zoneFileReading,
    hit: { name: (problem.name ?? apex).replace(/\.$/, '') || '.', message: `${problemPlace(problem)}: ${problem.message}` },
  }));
}

/** The zone name as lintZone parses it (lower-case ASCII). */
function zoneApex(zone: string): string {
  const apex = parseHostname(zone).ascii;
  if (apex === undefined) throw new Error(`the zone name "${zone}" is not a domain name`);
  return apex;
}

/** `file:line` (or `line N`) of a problem. */
export function problemPlace(problem: ZoneFileProblem): string {
  return filePlace(problem);
}

/** The problem of an SPF record written as unquoted words: what receivers read, and the record as meant. */
function spfUnquoted(record: ZoneFileRecord): ZoneFileProblem {
  const words = record.strings!;
  return {
    severity: 'error',
    line: record.line,
    ...(record.file !== undefined ? { file: record.file } : {}),
    name: record.name,
    code: 'spf-unquoted-words',
    message: `SPF written as ${words.length} unquoted words: each is its own string, and receivers join them without spaces, reading "${words.join('')}", which is not an SPF record; quote the whole text: "${words.join(' ')}"`,
  };
}

/** A reader's record as lintZone's input: TXT as quoted strings, which lintZone joins without separators, so a text that itself starts with a quote survives. */
function toLintRecord(record: ZoneFileRecord): LintZoneRecord {
  const read = toFileRecord(record);
  return {
    name: read.name,
    type: read.type,
    ...(read.priority !== undefined ? { priority: read.priority } : {}),
    value: record.exchangeAddress ?? (record.strings ? quotedStrings(record.strings) : record.value),
    ttl: read.ttl,
    ...(read.proxied !== undefined ? { proxied: read.proxied } : {}),
    ...(read.file !== undefined ? { file: read.file } : {}),
    line: read.line,
  };
}

/** A reader's record as the rules' intake takes it (TXT strings joined), with `ttl` for its own when given. */
function toFileRecord(record: ZoneFileRecord, ttl = record.ttl): FileRecord {
  const strings = record.strings;
  // TXT and SPF are their strings joined; other types' strings (HINFO, CAA, …) stay in presentation form.
  const data = strings ? (record.type === 'TXT' || record.type === 'SPF' ? strings.join('') : quotedStrings(strings)) : record.value;
  // One shape for every record (fields left undefined rather than absent): it is made for each record of the file.
  return {
    name: record.name,
    type: record.type,
    priority: record.type === 'MX' ? record.priority : undefined,
    // An MX written as a bare address is checked as the address it was meant to be (mx-target-ip), as BIND warns.
    value: record.exchangeAddress ?? data,
    ttl,
    proxied: record.proxied,
    file: record.file,
    line: record.line,
  };
}

/** Character-strings in presentation form: each quoted and escaped, separated by a space. */
function quotedStrings(strings: readonly string[]): string {
  return strings.map((s) => `"${escapeTxt(s)}"`).join(' ');
}
