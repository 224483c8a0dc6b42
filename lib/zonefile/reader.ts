import { StringDecoder } from 'node:string_decoder';
import { cloudflareTags } from './cloudflare-tags';
import { generateRange, MAX_GENERATED, substitute } from './generate';
import { absoluteName, isAtOrBelow, MAX_TTL, parseTtl } from './names';
import { KNOWN_TYPES, Rdata, readRdata, TYPE_NUMBER } from './rdata';
import { NONE, RRsetTable } from './rrset-table';
import { LexState, lexLine, Token } from './tokens';

/** One record of a zone file, as BIND loads it. */
export interface ZoneFileRecord extends Rdata {
  /** Owner name: absolute, lower-case, trailing dot, escapes as BIND prints them (`_dmarc.example.com.`). */
  readonly name: string;
  /** TTL in seconds, after `$TTL`, units and BIND's defaults. */
  readonly ttl: number;
  /** Always `IN`: records of other classes are reported, not read. */
  readonly class: 'IN';
  /** Type mnemonic in upper case (`MX`), or `TYPEnnn` for a type BIND has no mnemonic for. */
  readonly type: string;
  /** Line the record starts on (1-based), in {@link file}. */
  readonly line: number;
  /** File the record came from, when known (the file given, or a `$INCLUDE`d one). */
  readonly file?: string;
  /** Cloudflare proxy status from the export's `; cf_tags=cf-proxied:true|false` comment. */
  readonly proxied?: boolean;
  /** The comment text after the record (`;` removed, the comments of a multi-line record joined by a space), when there is one. */
  readonly comment?: string;
}

/** A line the reader could not read (`error`: nothing from it is in the records) or read in a way worth knowing (`warning`). */
export interface ZoneFileProblem {
  readonly severity: 'error' | 'warning';
  /** Line (1-based) in {@link file}. */
  readonly line: number;
  readonly file?: string;
  /** Owner name of the line, when it was read that far. */
  readonly name?: string;
  readonly message: string;
  /**
   * Set when the problem is one a lint rule reports: `cname-and-other-data` (rule
   * `cname-coexists`), `spf-unquoted-words` (rule `zone-file-spf-unquoted`, noted by the linter).
   */
  readonly code?: 'cname-and-other-data' | 'spf-unquoted-words';
}

/** Options of {@link readZoneFile}. */
export interface ReadZoneFileOptions {
  /** Zone name (`example.com`, trailing dot optional): the first `$ORIGIN`. Without it, the file's first `$ORIGIN` or SOA owner. */
  readonly origin?: string;
  /** Name of the file, shown in problems and records. */
  readonly file?: string;
  /**
   * Text of a `$INCLUDE`d file, given its path as written and where it was included;
   * throw to refuse or report it missing. Without this option `$INCLUDE` is reported and not followed.
   */
  readonly include?: (path: string, from: { readonly file?: string; readonly line: number }) => string;
}

/** What a zone file holds. */
export interface ZoneFile {
  /** The zone apex without trailing dot (`example.com`), or undefined when the file does not say and no origin was given. */
  readonly zone?: string;
  readonly records: ZoneFileRecord[];
  /** In file order (includes in place). */
  readonly problems: ZoneFileProblem[];
}

/** Classes RFC 1035 §3.2.4 and BIND know; only IN is read. */
const CLASS = /^(?:IN|CH|CS|HS|NONE|ANY|CLASS\d+)$/i;
/** Types that may share a name with a CNAME (DNSSEC, RFC 4035 §2.5). */
const CNAME_COMPANIONS: ReadonlySet<string> = new Set(['RRSIG', 'NSEC', 'KEY']);
/** Types of which an RRset holds one record: BIND refuses a second ("multiple RRs of singleton type"). */
const SINGLETONS: ReadonlySet<string> = new Set(['SOA', 'CNAME', 'DNAME']);
/** `$INCLUDE` nesting beyond which a file is taken to include itself. */
const MAX_INCLUDE_DEPTH = 16;
/** Unreadable entries, with no record read, after which the input is taken not to be a zone file. */
const GIVE_UP_AFTER = 50;
/** TTL given to a record when the file has no `$TTL`, no SOA and no earlier TTL (BIND refuses such a record). */
const FALLBACK_TTL = 3600;
/** Mnemonics of types written as `TYPEnnn` that BIND prints by name. */
const TYPE_NAMES: Readonly<Record<string, string>> = { 1: 'A', 2: 'NS', 5: 'CNAME', 6: 'SOA', 12: 'PTR', 15: 'MX', 16: 'TXT', 28: 'AAAA', 33: 'SRV', 39: 'DNAME', 99: 'SPF', 257: 'CAA' };

/** One file being read: its position, `$ORIGIN`, last owner and the entry in progress. */
interface Source {
  readonly file?: string;
  readonly depth: number;
  line: number;
  origin?: string;
  owner?: string;
  /** Tail of the last chunk, not yet ended by a line break (streaming). */
  partial: string;
  readonly lex: LexState;
  tokens: Token[];
  comments: string[];
  start: number;
  ownerField: boolean;
  /** Lines of the entry in progress, kept for `$INCLUDE`d files only: their problems must not quote them. */
  entryText?: string[];
}

/** An entry whose owner, TTL, class and type are known, ready for its data. */
interface Entry {
  readonly source: Source;
  readonly line: number;
  readonly ownerText: string | undefined;
  readonly ttl: number | undefined;
  readonly cls: string | undefined;
  readonly type: string;
  readonly data: readonly Token[];
  readonly comments: readonly string[];
  /** Made by `$GENERATE`: BIND adds each such record on its own, outside the run of records around it. */
  readonly generated?: boolean;
}

/**
 * Records of one owner that BIND loads together: the TTL of each type (`types[k]` has
 * `ttls[k]`: a run holds a few types; two short arrays per run cost less than a Map, whose
 * `clear` makes a new table, or than emptying arrays by their length, a runtime call), and the
 * targets of its NS records.
 */
interface Run {
  owner: string | undefined;
  types: string[];
  ttls: number[];
  readonly servers: Set<string>;
}

function newRun(owner: string | undefined): Run {
  return { owner, types: [], ttls: [], servers: new Set() };
}

/** The run emptied for a new owner (reused: a new run starts at almost every record). */
function restart(run: Run, owner: string | undefined): void {
  run.owner = owner;
  if (run.types.length > 0) {
    run.types = [];
    run.ttls = [];
  }
  if (run.servers.size > 0) run.servers.clear();
}

/**
 * A 53-bit fingerprint of record data (two FNV-1a hashes): two different records of one
 * RRset share it with a chance of about 1 in 10^16, far below any zone's size.
 */
function fingerprint(data: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

class Stop extends Error {}

/**
 * A streaming RFC 1035 §5.1 zone-file reader: feed it text in chunks of any size with
 * {@link write}, then {@link end}; each record goes to `onRecord` as soon as its entry
 * ends and is not kept: what memory grows with is one map entry per RRset (BIND's one TTL
 * per RRset needs it). Time is linear in the input.
 *
 * Reads as BIND 9 does (checked against `named-checkzone -D` in the tests): `$ORIGIN`,
 * `$TTL`, `$INCLUDE`, `$GENERATE`, owners in column one (whatever they look like, so
 * `20161025._domainkey` and `300` are owners), an inherited owner on lines that start
 * with blanks, TTL and class in either order, TTL units, parentheses across lines,
 * comments, quoted and unquoted character-strings, `\X`/`\DDD` escapes, RFC 3597 data,
 * CRLF and a UTF-8 BOM; no `$TTL` means the SOA minimum, then the last TTL given; one
 * TTL per RRset as BIND loads it. Every line it cannot read is a problem with its line
 * number, never dropped silently.
 */
export class ZoneFileReader {
  private apex?: string;
  private defaultTtl?: number;
  private lastTtl?: number;
  /** Each RRset read so far: its TTL and its records' data fingerprints. */
  private readonly rrsets = new RRsetTable();
  /** Records `$GENERATE` made so far, against {@link MAX_GENERATED}. */
  private generated = 0;
  /** The current run of records of one owner, and the run of glue records inside it. */
  private readonly run: Run = newRun(undefined);
  private readonly glue: Run = newRun(undefined);
  /** True once a later run changed the TTL of an RRset already read: earlier records then need {@link finalTtl}. */
  private retimed = false;
  /** Every type read so far: the few a CNAME must be checked against. */
  private readonly typesSeen = new Set<string>();
  private readonly problemList: ZoneFileProblem[] = [];
  private errors = 0;
  private read = 0;
  private stopped = false;
  private readonly top: Source;
  private readonly decoder = new StringDecoder('utf8');

  /** `onRecord` receives each record in file order. */
  constructor(private readonly options: ReadZoneFileOptions, private readonly onRecord: (record: ZoneFileRecord) => void) {
    if (options.origin !== undefined) {
      const origin = absoluteName(`${options.origin.trim().replace(/\.$/, '')}.`, '.');
      if (typeof origin !== 'string') throw new Error(`the zone name "${options.origin}" is not a domain name: ${origin.error}`);
      this.apex = origin;
    }
    this.top = newSource(options.file, 0, this.apex);
  }

  /** The next piece of the file (text, or bytes decoded as UTF-8). */
  write(chunk: string | Uint8Array): void {
    const text = typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    this.feed(this.top, text, false);
  }

  /** The end of the file: reports what is left open. Returns the zone and every problem. */
  end(): { zone?: string; problems: ZoneFileProblem[]; records: number; retimed: boolean } {
    this.feed(this.top, this.decoder.end(), true);
    const zone = this.zone;
    return { ...(zone !== undefined ? { zone } : {}), problems: this.problemList, records: this.read, retimed: this.retimed };
  }

  /** The zone apex without trailing dot (`example.com`) once known: always before the first record is handed over. */
  get zone(): string | undefined {
    if (!this.apex) return undefined;
    return this.apex === '.' ? '.' : this.apex.slice(0, -1);
  }

  /**
   * The TTL BIND serves for the RRset of `type` at `name` once the whole file is read. It
   * differs from a record's own `ttl` only when {@link end} says `retimed`: the RRset was
   * added to again, further down, with another TTL (a streaming reader cannot go back).
   */
  finalTtl(name: string, type: string): number | undefined {
    const rrset = this.rrsets.find(name, type);
    return rrset === NONE ? undefined : this.rrsets.ttl(rrset);
  }

  /** Lines of `text` in `source`; `last` flushes the tail and closes the source. */
  private feed(source: Source, text: string, last: boolean): void {
    if (this.stopped) return;
    try {
      let from = 0;
      let buffered = source.partial;
      for (;;) {
        const newline = text.indexOf('\n', from);
        if (newline < 0) break;
        const line = text.slice(from, newline);
        from = newline + 1;
        this.line(source, buffered === '' ? line : buffered + line);
        buffered = '';
      }
      source.partial = buffered + text.slice(from);
      if (last) {
        if (source.partial !== '') this.line(source, source.partial);
        source.partial = '';
        if (source.lex.quote !== undefined) this.problem('error', source, source.start, `a quoted string continued with "\\" at the end of a line is never closed before the end of the file (line ${source.line}); the entry is not read`);
        else if (source.lex.depth > 0 || source.tokens.length > 0) this.problem('error', source, source.start, `a "(" opened on this line is never closed before the end of the file (line ${source.line}); the entry is not read`);
      }
    } catch (error) {
      if (!(error instanceof Stop)) throw error;
      this.stopped = true;
    }
  }

  private line(source: Source, raw: string): void {
    source.line++;
    let text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (source.line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.includes('\0')) {
      this.problem('error', source, source.line, 'binary data (a NUL byte): this is not a zone file; nothing after it is read');
      throw new Stop();
    }
    if (!text.includes('\r')) return this.entryLine(source, text);
    // A lone CR (old Mac line ends) ends an entry's line for BIND's lexer, but not a comment,
    // which runs to the next LF; BIND counts lines by LF, so the parts share its number.
    const parts = text.split('\r');
    for (let k = 0; k < parts.length; k++) {
      const comments = source.comments.length;
      this.entryLine(source, parts[k]);
      const swallowed = source.comments.length > comments ? parts.slice(k + 1).filter((rest) => rest.trim() !== '').length : 0;
      if (swallowed > 0) {
        this.problem('warning', source, source.line, `a comment runs to the next line feed: the ${swallowed} CR-separated line(s) after it are comment text to BIND, so they are not read (the file has CR-only line ends; convert them to LF)`);
        break;
      }
    }
  }

  /** One line of an entry (a physical line, or a part of one ended by a lone CR). */
  private entryLine(source: Source, text: string): void {
    if (source.tokens.length === 0 && source.lex.depth === 0 && source.lex.quote === undefined) {
      source.start = source.line;
      source.ownerField = text !== '' && text[0] !== ' ' && text[0] !== '\t';
      // A new list only when the last entry had comments: most have none, and a list per line is garbage for nothing.
      if (source.comments.length > 0) source.comments = [];
      if (source.depth > 0) source.entryText = [];
    }
    source.entryText?.push(text);
    const error = lexLine(text, source.lex, source.tokens, source.comments);
    if (error) {
      this.fail(source, source.line, error);
      source.tokens = [];
      source.lex.depth = 0;
      source.lex.quote = undefined;
      return;
    }
    if (source.lex.depth > 0 || source.lex.quote !== undefined) return;
    const tokens = source.tokens;
    if (tokens.length === 0) return;
    source.tokens = [];
    if (!tokens[0].quoted && tokens[0].text.startsWith('$')) {
      if (source.ownerField) this.directive(source, tokens);
      else this.fail(source, source.start, `${tokens[0].text} after a blank: a directive must start in the first column (BIND reads it as a record type and refuses the file: "unknown RR type")`);
    } else this.entry(source, tokens, source.ownerField);
  }

  /** An error problem; too many of them with no record read means the input is no zone file. */
  private fail(source: Source, line: number, message: string, name?: string): void {
    this.problem('error', source, line, message, name);
    if (++this.errors >= GIVE_UP_AFTER && this.read === 0) {
      this.problem('error', source, line, `${GIVE_UP_AFTER} lines could not be read and none could: this does not look like a zone file; stopped reading`);
      throw new Stop();
    }
  }

  private problem(severity: ZoneFileProblem['severity'], source: Source, line: number, message: string, name?: string): void {
    // An `$INCLUDE`d path may name any file (a .env beside the zones): say what is wrong, never its text.
    if (source.depth > 0) {
      message = withoutText(message, source.entryText);
      name = name === undefined ? undefined : withoutText(name, source.entryText);
    }
    this.problemList.push({ severity, line, ...(source.file !== undefined ? { file: source.file } : {}), ...(name !== undefined ? { name } : {}), message });
  }

  /** A record line: [owner] [ttl] [class] type data, TTL and class in either order. */
  private entry(source: Source, tokens: readonly Token[], ownerField: boolean): void {
    const { i, ttl, cls } = ttlAndClass(tokens, ownerField ? 1 : 0, tokens.length);
    const typeToken = tokens[i];
    const ownerText = ownerField ? tokens[0].text : undefined;
    if (typeToken === undefined) {
      this.fail(source, source.start, `no record type after "${tokens.map((t) => t.text).join(' ')}"`);
      return;
    }
    const type = recordType(typeToken);
    if (type === undefined) {
      this.fail(source, source.start, unknownType(typeToken, ttl !== undefined));
      return;
    }
    this.record({ source, line: source.start, ownerText, ttl, cls, type, data: tokens.slice(i + 1), comments: source.comments });
  }

  private record(entry: Entry): void {
    const { source, line, type } = entry;
    let data = entry.data;
    if (this.apex === undefined) this.findApex(entry);
    const origin = source.origin ?? this.apex!;
    let name: string;
    if (entry.ownerText === undefined) {
      if (source.owner === undefined) return this.fail(source, line, 'the line starts with a blank, so it repeats the owner of the record before, but there is none; put the owner name in the first column');
      name = source.owner;
    } else {
      const owner = absoluteName(entry.ownerText, origin);
      if (typeof owner !== 'string') return this.fail(source, line, `owner name: ${owner.error}`);
      name = owner;
      // Under `$ORIGIN .` (named-compilezone -s relative) `example.org` IS the apex: no quirk to read around.
      if (type === 'SOA' && owner !== this.apex && cloudflareSoa(entry.ownerText, this.apex!)) {
        name = this.apex!;
        data = data.map((t, k) => (k < 2 && !t.text.endsWith('.') && isAtOrBelow(`${t.text.toLowerCase()}.`, this.apex!) ? { ...t, text: `${t.text}.` } : t));
        this.problem('warning', source, line, `the SOA owner "${entry.ownerText}" has no trailing dot; read as the apex ${this.apex} (as Cloudflare's export means it; BIND would read ${owner})`, name);
      }
      source.owner = name;
    }
    if (!isAtOrBelow(name, this.apex!)) return this.problem('warning', source, line, `${name} is outside the zone ${this.apex}; BIND ignores out-of-zone data, so it is not read`, name);
    if (entry.cls !== undefined && entry.cls !== 'IN') return this.fail(source, line, `class ${entry.cls}: the zone is class IN, so BIND refuses the record (class mismatch)`, name);
    if (type === 'DS' && name === this.apex) return this.fail(source, line, `DS at the zone apex ${name}: DS records belong in the parent zone (RFC 4034 §5), BIND refuses it`, name);
    if (type === 'NS' && name.startsWith('*.')) return this.fail(source, line, `NS at the wildcard ${name}: a wildcard cannot be delegated (RFC 4592 §4.2), BIND refuses it`, name);
    const rdata = readRdata(type, data, origin);
    if ('error' in rdata) return this.fail(source, line, rdata.error, name);
    const rrset = this.rrsets.find(name, type);
    const print = fingerprint(rdata.data);
    if (rrset !== NONE && this.refusedSingleton(entry, name, rrset, print)) return;
    this.checkCname(entry, name);
    const duplicate = rrset !== NONE && this.rrsets.holds(rrset, print);
    // A record BIND collapses into the same one further up still sets the RRset's TTL.
    const ttl = this.ttlOf(entry, name, rdata.data, print, rrset);
    if (duplicate) return this.problem('warning', source, line, `the same ${type} record at ${name} is written further up; BIND loads it once, so it is read once`, name);
    if (rrset !== NONE) this.rrsets.addRecord(rrset, print);
    const comment = entry.comments.length === 0 ? '' : entry.comments.map((c) => c.trim()).filter((c) => c !== '').join(' ');
    const proxied = comment === '' ? undefined : cloudflareTags(comment).proxied;
    this.read++;
    const record: { -readonly [K in keyof ZoneFileRecord]: ZoneFileRecord[K] } = { name, ttl, class: 'IN', type, data: rdata.data, value: rdata.value, line };
    if (rdata.priority !== undefined) record.priority = rdata.priority;
    if (rdata.strings !== undefined) record.strings = rdata.strings;
    if (rdata.generic) record.generic = true;
    if (rdata.unquotedWords) record.unquotedWords = true;
    if (rdata.exchangeAddress !== undefined) record.exchangeAddress = rdata.exchangeAddress;
    if (source.file !== undefined) record.file = source.file;
    if (proxied !== undefined) record.proxied = proxied;
    if (comment !== '') record.comment = comment;
    this.onRecord(record);
  }

  /** The zone, when neither the options nor a `$ORIGIN` gave it: the owner of a leading SOA. */
  private findApex(entry: Entry): void {
    if (entry.type === 'SOA' && entry.ownerText !== undefined && entry.ownerText !== '@') {
      const owner = absoluteName(entry.ownerText.endsWith('.') ? entry.ownerText : `${entry.ownerText}.`, '.');
      if (typeof owner === 'string') {
        this.apex = owner;
        this.top.origin ??= owner;
        return;
      }
    }
    this.problem('error', entry.source, entry.line, 'the zone name is unknown: the file has no $ORIGIN or SOA before its first record; give it with --zone example.com (or the origin option)');
    throw new Stop();
  }

  /**
   * The TTL as BIND sets it: the one written, else `$TTL`, else (no `$TTL`, RFC 1035
   * semantics) the TTL of the record before, the SOA's included. An SOA with no TTL and none
   * before it takes its minimum, which then stands for `$TTL` (BIND's master.c). One RRset
   * has one TTL (RFC 2181 §5.2): a later record that differs takes the first one's,
   * reported, and that is the TTL the next record inherits.
   */
  private ttlOf(entry: Entry, name: string, data: string, print: number, rrset: number): number {
    const { source, line, type } = entry;
    let ttl = entry.ttl;
    if (ttl !== undefined && ttl > MAX_TTL) {
      this.problem('warning', source, line, `TTL ${ttl} is above ${MAX_TTL} (RFC 2181 §8); read as 0, as BIND does`, name);
      ttl = 0;
    }
    if (ttl === undefined) ttl = this.defaultTtl ?? this.lastTtl;
    if (ttl === undefined && type === 'SOA') ttl = this.defaultTtl = Number(data.split(' ')[6]);
    if (ttl === undefined) {
      this.problem('warning', source, line, `no TTL: the file has no $TTL, no SOA and no earlier TTL; read as ${FALLBACK_TTL} (BIND refuses the record)`, name);
      ttl = FALLBACK_TTL;
    }
    // An RRset has one TTL (RFC 2181 §5.2). BIND loads records in runs of one owner (glue,
    // the address of a name server of the run's NS records, does not end a run) and gives a
    // record the TTL of the same type before it in its run; an RRset that a later run adds
    // to takes that run's TTL (bin/dns/master.c, load_text and commit).
    const run = entry.generated ? newRun(name) : this.runFor(name);
    const at = run.types.indexOf(type);
    const runFirst = at < 0 ? undefined : run.ttls[at];
    if (runFirst === undefined) {
      run.types.push(type);
      run.ttls.push(ttl);
    }
    else if (runFirst !== ttl) {
      this.problem('warning', source, line, `TTL ${ttl} differs from ${runFirst} of the ${type} record before it at ${name}; an RRset has one TTL (RFC 2181 §5.2), read as ${runFirst} as BIND does`, name);
      ttl = runFirst;
    }
    this.lastTtl = ttl;
    if (type === 'NS' && run === this.run) run.servers.add(data);
    if (runFirst !== undefined) return ttl;
    if (rrset === NONE) {
      this.rrsets.add(name, type, ttl, print);
      return ttl;
    }
    const before = this.rrsets.ttl(rrset);
    if (before !== ttl) {
      this.problem('warning', source, line, `TTL ${ttl} differs from ${before} of the ${type} records at ${name} further up; an RRset has one TTL (RFC 2181 §5.2), and BIND gives them all ${ttl}, the later one`, name);
      this.retimed = true;
      this.rrsets.setTtl(rrset, ttl);
    }
    return ttl;
  }

  /** True (an error) for a second, different record of a type whose RRset holds one: BIND refuses the zone. */
  private refusedSingleton(entry: Entry, name: string, rrset: number, data: number): boolean {
    if (!SINGLETONS.has(entry.type) || this.rrsets.holds(rrset, data)) return false;
    this.fail(entry.source, entry.line, `a second ${entry.type} record at ${name}: the ${entry.type} RRset holds one record, so BIND refuses the zone ("multiple RRs of singleton type"); the record is not read`, name);
    return true;
  }

  /**
   * A CNAME beside other data at one name (RFC 1034 §3.6.2, RFC 2181 §10.1): BIND refuses
   * the zone. Reported as a warning with code `cname-and-other-data`; the records are read.
   */
  private checkCname(entry: Entry, name: string): void {
    const { source, line, type } = entry;
    if (CNAME_COMPANIONS.has(type)) return;
    this.typesSeen.add(type);
    // Until a CNAME is read, a record beside one is impossible: most zones' records skip the lookups.
    const other = type === 'CNAME' ? [...this.typesSeen].find((t) => t !== 'CNAME' && !CNAME_COMPANIONS.has(t) && this.rrsets.find(name, t) !== NONE) : this.typesSeen.has('CNAME') && this.rrsets.find(name, 'CNAME') !== NONE ? 'CNAME' : undefined;
    if (other === undefined) return;
    this.problemList.push({ severity: 'warning', line, ...(source.file !== undefined ? { file: source.file } : {}), name, code: 'cname-and-other-data', message: `${type} beside ${other} at ${name}: a CNAME cannot share its name with other data (RFC 1034 §3.6.2), BIND refuses the zone ("CNAME and other data")` });
  }

  /** The run a record of `name` belongs to: the current one, its glue, or a new one. */
  private runFor(name: string): Run {
    if (name === this.run.owner) return this.run;
    if (this.run.servers.has(name)) {
      if (this.glue.owner !== name) restart(this.glue, name);
      return this.glue;
    }
    restart(this.run, name);
    restart(this.glue, undefined);
    return this.run;
  }

  private directive(source: Source, tokens: readonly Token[]): void {
    const name = tokens[0].text.toUpperCase();
    const line = source.start;
    const args = tokens.slice(1);
    if (name === '$ORIGIN' || name === '$TTL') {
      if (args.length !== 1) return this.fail(source, line, `${name} takes one ${name === '$TTL' ? 'TTL' : 'domain name'}, not ${args.length} words`);
      if (name === '$TTL') {
        const ttl = parseTtl(args[0].text);
        if (ttl === undefined) return this.fail(source, line, `$TTL must be a time (3600, 1h, 1d2h…), not "${args[0].text}"`);
        this.defaultTtl = ttl > MAX_TTL ? 0 : ttl;
        return;
      }
      const base = source.origin ?? this.apex;
      if (base === undefined && !args[0].text.endsWith('.')) return this.fail(source, line, `$ORIGIN ${args[0].text} is relative, but no origin is known yet; end it with a dot`);
      const origin = absoluteName(args[0].text, base ?? '.');
      if (typeof origin !== 'string') return this.fail(source, line, `$ORIGIN: ${origin.error}`);
      source.origin = origin;
      // `$ORIGIN .` starts BIND's relative output (names below are written in full): the zone is its SOA owner, not the root.
      if (this.apex === undefined && origin !== '.') this.apex = origin;
      return;
    }
    if (name === '$INCLUDE') return this.include(source, args, line);
    if (name === '$GENERATE') return this.generate(source, args, line);
    this.fail(source, line, `unknown directive ${tokens[0].text} (known: $ORIGIN, $TTL, $INCLUDE, $GENERATE)`);
  }

  /** `$INCLUDE file [origin]`: the file read in place with its own origin; the including file's origin and owner are restored after it (RFC 1035 §5.1). */
  private include(source: Source, args: readonly Token[], line: number): void {
    if (args.length < 1 || args.length > 2) return this.fail(source, line, `$INCLUDE takes a file name and optionally an origin, not ${args.length} words`);
    const path = args[0].text;
    if (!this.options.include) return this.fail(source, line, `$INCLUDE ${path} is not followed: this reader was given no way to read other files`);
    if (source.depth + 1 > MAX_INCLUDE_DEPTH) return this.fail(source, line, `$INCLUDE ${path} is nested more than ${MAX_INCLUDE_DEPTH} deep (a file that includes itself?)`);
    let origin = source.origin ?? this.apex;
    if (args[1]) {
      const given = absoluteName(args[1].text, origin ?? '.');
      if (typeof given !== 'string') return this.fail(source, line, `$INCLUDE origin: ${given.error}`);
      origin = given;
    }
    let text: string;
    try {
      text = this.options.include(path, { ...(source.file !== undefined ? { file: source.file } : {}), line });
    } catch (error) {
      return this.fail(source, line, `$INCLUDE ${path} cannot be read: ${(error as Error).message}`);
    }
    const included = newSource(path, source.depth + 1, origin);
    included.owner = source.owner;
    this.feed(included, text, true);
    if (this.stopped) throw new Stop();
  }

  /** `$GENERATE range lhs [ttl] [class] type rhs`, expanded as named-checkzone does. */
  private generate(source: Source, args: readonly Token[], line: number): void {
    const fail = (message: string) => this.fail(source, line, message);
    if (args.length < 4) return fail('$GENERATE takes range lhs [ttl] [class] type rhs');
    const range = generateRange(args[0].text);
    if ('error' in range) return fail(range.error);
    const { i, ttl, cls } = ttlAndClass(args, 2, args.length - 2);
    const type = recordType(args[i]);
    if (type === undefined) return fail(unknownType(args[i], ttl !== undefined));
    if (i !== args.length - 2) return fail(`$GENERATE takes one rhs after the type; quote it when it has spaces ("10 mail$")`);
    const [lhs, rhs] = [args[1].text, args[i + 1].text];
    const count = Math.floor((range.stop - range.start) / range.step) + 1;
    if (this.generated + count > MAX_GENERATED) return fail(`$GENERATE ${args[0].text} would make ${count} records, and the file's $GENERATE lines before it made ${this.generated}: more than ${MAX_GENERATED} in all, which no real zone needs (a typo in a range?); this line is not expanded`);
    this.generated += count;
    for (let value = range.start; value <= range.stop; value += range.step) {
      const owner = substitute(lhs, value);
      const text = substitute(rhs, value);
      if (typeof owner !== 'string') return fail(owner.error);
      if (typeof text !== 'string') return fail(text.error);
      const data: Token[] = [];
      const problem = lexLine(text, { depth: 0 }, data, []);
      if (problem) return fail(`$GENERATE rhs "${text}": ${problem}`);
      const saved = source.owner;
      this.record({ source, line, ownerText: owner, ttl, cls, type, data, comments: [], generated: true });
      source.owner = saved;
    }
  }
}

/**
 * `message` with every word of `lines` (the entry of an included file) replaced by `…`, longest
 * first, case-insensitively (names are lower-cased when read), so no text of the file is shown;
 * whole words only, so the reader's own words around them stay readable.
 */
function withoutText(message: string, lines: readonly string[] = []): string {
  const words = [...new Set(asciiLower(lines.join(' ')).split(/[\s"();]+/).filter((w) => w.length > 1))].sort((a, b) => b.length - a.length);
  let redacted = message;
  for (const word of words) {
    let lower = asciiLower(redacted);
    for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
      if (isWordChar(lower, at - 1) || isWordChar(lower, at + word.length)) continue;
      redacted = `${redacted.slice(0, at)}…${redacted.slice(at + word.length)}`;
      lower = asciiLower(redacted);
    }
  }
  return redacted;
}

/** A-Z lower-cased, nothing else: the length stays, so positions in it are positions in `text`. */
function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (run) => run.toLowerCase());
}

/** True when `text[i]` is a letter or digit (a word goes on there). */
function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a);
}

function newSource(file: string | undefined, depth: number, origin: string | undefined): Source {
  return { ...(file !== undefined ? { file } : {}), depth, line: 0, ...(origin !== undefined ? { origin } : {}), partial: '', lex: { depth: 0 }, tokens: [], comments: [], start: 0, ownerField: false };
}

/** TTL and class from `tokens[from]` on (before `end`), in either order, each at most once; `i` is the next token. */
function ttlAndClass(tokens: readonly Token[], from: number, end: number): { i: number; ttl: number | undefined; cls: string | undefined } {
  let i = from;
  let ttl: number | undefined;
  let cls: string | undefined;
  for (; i < end && !tokens[i].quoted; i++) {
    const text = tokens[i].text;
    const seconds = ttl === undefined ? parseTtl(text) : undefined;
    if (seconds !== undefined) ttl = seconds;
    else if (cls === undefined && CLASS.test(text)) cls = /^CLASS0*1$/i.test(text) ? 'IN' : text.toUpperCase();
    else break;
  }
  return { i, ttl, cls };
}

/** The type a token names, upper case, or undefined when it names none. */
/** Each known type mnemonic, by itself. */
const KNOWN_TYPE_NAMES: ReadonlyMap<string, string> = new Map([...KNOWN_TYPES].map((type) => [type, type]));

function recordType(token: Token | undefined): string | undefined {
  if (token === undefined || token.quoted) return undefined;
  const type = token.text.toUpperCase();
  // The table's own string: records and RRsets keep their type, and each line's would be a copy of its own.
  const known = KNOWN_TYPE_NAMES.get(type);
  if (known !== undefined) return known;
  const number = TYPE_NUMBER.exec(type)?.[1];
  if (number === undefined || Number(number) > 65535) return undefined;
  return TYPE_NAMES[Number(number)] ?? `TYPE${Number(number)}`;
}

function unknownType(token: Token | undefined, hadTtl: boolean): string {
  const text = token?.text ?? '';
  const upper = text.toUpperCase();
  if (upper === 'ALIAS' || upper === 'ANAME') return `${upper} is a DNS host's own record type, not one zone files (or BIND) know; the record is not read (write the CNAME or addresses it stands for)`;
  if (/^\d/.test(text) && hadTtl) return `"${text}" where the record type belongs: a second TTL, or an owner name missing from the first column?`;
  return `unknown record type "${text}"; expected [owner] [ttl] [class] type data, e.g. "www 300 IN A 192.0.2.1"`;
}

/** Cloudflare's export writes the SOA owner as `example.com` without its trailing dot. */
function cloudflareSoa(ownerText: string, apex: string): boolean {
  return !ownerText.endsWith('.') && ownerText !== '@' && `${ownerText.toLowerCase()}.` === apex;
}

/** Read a whole zone file held in memory. Never throws for the file's content: what cannot be read is in `problems`. */
export function readZoneFile(text: string, options: ReadZoneFileOptions = {}): ZoneFile {
  const records: ZoneFileRecord[] = [];
  const reader = new ZoneFileReader(options, (record) => records.push(record));
  reader.write(text);
  const { zone, problems, retimed } = reader.end();
  return { ...(zone !== undefined ? { zone } : {}), records: retimed ? records.map((r) => ({ ...r, ttl: reader.finalTtl(r.name, r.type)! })) : records, problems };
}

/**
 * Read a zone file from a stream (e.g. `fs.createReadStream(path)`), handing each record
 * to `onRecord` as it is read, so a file of millions of records needs little memory.
 * Resolves to the zone, the problems and the number of records read. `retimed` means an
 * RRset was added to again further down with another TTL (reported as a problem): BIND
 * serves the later TTL for the records handed over earlier too.
 */
export async function readZoneFileStream(input: AsyncIterable<string | Uint8Array>, options: ReadZoneFileOptions, onRecord: (record: ZoneFileRecord) => void): Promise<{ zone?: string; problems: ZoneFileProblem[]; records: number; retimed: boolean }> {
  const reader = new ZoneFileReader(options, onRecord);
  for await (const chunk of input) reader.write(chunk);
  return reader.end();
}
