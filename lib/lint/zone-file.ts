import { LintZoneInput, LintZoneRecord } from './lint-zone';

/** Classes a zone-file line may name (RFC 1035 §3.2.4); anything else in that column is a misread type. */
const CLASSES: ReadonlySet<string> = new Set(['IN', 'CH', 'HS', 'CS']);
/** Types whose data is one domain name, relative to $ORIGIN unless it ends in a dot. */
const NAME_TYPES: ReadonlySet<string> = new Set(['CNAME', 'NS', 'PTR', 'DNAME', 'ANAME', 'ALIAS']);
const ORIGIN_LINE = /^\$ORIGIN\s+(\S+)/i;
const TTL_LINE = /^\$TTL\s+\S+/i;
const SOA_OWNER = /^(\S+\.)\s+(?:\S+\s+)*?SOA\s/im;
/** TTL of records when the file has no $TTL: neutral, so TTL rules do not fire on a parser default. */
const DEFAULT_TTL = 3600;

/**
 * Read an RFC 1035 master (zone) file into lintZone's input. Parsing uses `dnsz`
 * (maintained, dependency-free, keeps every record type; it resolves owner names,
 * `$ORIGIN`, `$TTL`, parentheses and TTL units). Record data is read here: MX
 * preference and exchange, names relative to the `$ORIGIN` in force, TXT strings joined.
 *
 * The zone is `zone` when given, else the first `$ORIGIN`, else the SOA owner; throws
 * when none is known, because relative names cannot be resolved without it.
 */
export function zoneFileToLintInput(text: string, zone?: string): LintZoneInput {
  const apex = bare(zone ?? leadingOrigin(text) ?? SOA_OWNER.exec(text)?.[1] ?? '');
  if (apex === '') throw new Error('the zone name is unknown: the file has no $ORIGIN or SOA; give it with --zone example.com');
  // Loaded on first use: dnsz is an ES module (Node ≥ 20.19 requires it natively), and
  // programs that only use the constructs never load it.
  const { parseZone } = require('dnsz') as typeof import('dnsz');
  const records: LintZoneRecord[] = [];
  for (const segment of segments(text, apex)) {
    const parsed = parseZone(withClasses(segment.text), { defaultTTL: DEFAULT_TTL });
    for (const record of parsed.records) records.push(toLintRecord(`${record.name}.`, record.type, record.content, record.ttl, segment.origin));
  }
  return { zone: apex, records };
}

function toLintRecord(name: string, type: string, content: string, ttl: number, origin: string): LintZoneRecord {
  if (type === 'MX') {
    const [priority, ...exchange] = content.trim().split(/\s+/);
    const host = exchange.join(' ');
    return { name, type, priority: (/^\d+$/.test(priority) ? Number(priority) : priority) as number, value: exchange.length === 1 ? absolute(host, origin) : host, ttl };
  }
  if (NAME_TYPES.has(type)) return { name, type, value: absolute(content.trim(), origin), ttl };
  if (type === 'TXT' || type === 'SPF') return { name, type, value: txtText(content), ttl };
  return { name, type, value: content.trim(), ttl };
}

/** A name from record data as absolute: `@` is the origin, a name without a final dot is relative to it. */
function absolute(name: string, origin: string): string {
  if (name === '@') return `${origin}.`;
  if (name === '.' || name.endsWith('.')) return name;
  return `${name}.${origin}.`;
}

/**
 * The text of TXT data: quoted character-strings joined without separators (RFC 7208
 * §3.3); unquoted words joined with spaces, as people mean them (strictly each word is its
 * own string).
 */
function txtText(content: string): string {
  const trimmed = content.trim();
  if (!trimmed.startsWith('"')) return trimmed.split(/\s+/).join(' ');
  const strings = trimmed.match(/"((?:[^"\\]|\\.)*)"/g) ?? [];
  return strings.map((s) => s.slice(1, -1).replace(/\\(\d{3}|.)/g, (_, c: string) => (c.length === 3 ? String.fromCharCode(Number(c)) : c))).join('');
}

/**
 * The file cut at each `$ORIGIN`, each piece starting with its origin and the `$TTL` in
 * force, so record data can be resolved against the origin that applied to it.
 */
function segments(text: string, apex: string): Array<{ origin: string; text: string }> {
  const result: Array<{ origin: string; lines: string[] }> = [];
  let origin = apex;
  let ttl: string | undefined;
  let current = { origin, lines: [`$ORIGIN ${origin}.`] };
  result.push(current);
  for (const line of text.split(/\r?\n/)) {
    const directive = ORIGIN_LINE.exec(line.trim());
    if (directive) {
      const given = directive[1];
      origin = given.endsWith('.') ? bare(given) : `${bare(given)}.${origin}`;
      current = { origin, lines: [`$ORIGIN ${origin}.`, ...(ttl ? [ttl] : [])] };
      result.push(current);
      continue;
    }
    if (TTL_LINE.test(line.trim())) ttl = line.trim();
    current.lines.push(line);
  }
  return result.map(({ origin: o, lines }) => ({ origin: o, text: lines.join('\n') }));
}

const TTL_TOKEN = /^\d+[smhdw]?(?:\d+[smhdw]?)*$/i;

/**
 * The text with class `IN` written out on record lines that leave it out. dnsz takes the
 * first word after the TTL as the class, so "@ SOA ns1 host …" or "@ TXT hello world"
 * without a class would be misread (class SOA, type NS1) and the class carried to later lines.
 */
function withClasses(text: string): string {
  let depth = 0;
  return text
    .split(/\r?\n/)
    .map((line) => {
      const code = line.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/;.*$/, '');
      const inside = depth > 0;
      depth += (code.match(/\(/g) ?? []).length - (code.match(/\)/g) ?? []).length;
      if (inside || code.trim() === '' || code.trim().startsWith('$')) return line;
      const tokens = code.trim().split(/\s+/);
      let i = /^\s/.test(line) ? 0 : 1; // a line that starts in column 0 names its owner
      while (i < tokens.length && (TTL_TOKEN.test(tokens[i]) || CLASSES.has(tokens[i].toUpperCase()))) {
        if (CLASSES.has(tokens[i].toUpperCase())) return line;
        i++;
      }
      if (i >= tokens.length) return line;
      const at = positionOfToken(line, i);
      return `${line.slice(0, at)}IN ${line.slice(at)}`;
    })
    .join('\n');
}

/** Index in `line` where its `n`th whitespace-separated token starts. */
function positionOfToken(line: string, n: number): number {
  const pattern = /\S+/g;
  let match: RegExpExecArray | null;
  let index = 0;
  while ((match = pattern.exec(line)) !== null) {
    if (index === n) return match.index;
    index++;
  }
  return line.length;
}

/** The `$ORIGIN` before the first record, if any: a `$ORIGIN` further down starts a subdomain section. */
function leadingOrigin(text: string): string | undefined {
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith(';') || TTL_LINE.test(trimmed)) continue;
    return ORIGIN_LINE.exec(trimmed)?.[1];
  }
  return undefined;
}

function bare(name: string): string {
  return name.trim().replace(/\.$/, '').toLowerCase();
}
