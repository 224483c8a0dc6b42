import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { describeValue, MxInputError } from '../dns/errors';
import { parseHostname } from '../dns/names';
import { CompanionOptions } from '../constructs/companion-options';
import { PRESETS } from '../presets/catalogue';
import { SpfAll } from '../presets/preset';

/** Where an inventory entry was written, for errors: `estate.csv:12:3`. */
export interface InventorySource {
  readonly file: string;
  readonly line: number;
}

/** One domain of an estate, from code or an inventory file. */
export interface EstateDomain {
  /** The zone apex, e.g. `example.com` (any case, trailing dot or Unicode). */
  readonly domain: string;
  /** The host's zone identity: the Cloudflare zone id (32 hex digits); for RFC 2136 zones the zone name. */
  readonly zoneId: string;
  /** Preset id from the catalogue, e.g. `google-workspace`, `fastmail`, `null-mx`. */
  readonly preset: string;
  /** Which host serves the zone: a key of `MailEstateProps.hosts`; default `cloudflare`. */
  readonly host?: string;
  /** Preset variant; default the preset's current one. */
  readonly variant?: string;
  /** Region of presets that have regions (Zoho, Amazon SES, …). */
  readonly region?: string;
  /** The preset's inputs, e.g. `{ exchange: 'contoso-com.mail.protection.outlook.com' }`. */
  readonly parameters?: Readonly<Record<string, string>>;
  /** Companion records to publish; none by default. */
  readonly companions?: CompanionOptions;
  /** TTL of the domain's records; default the constructs' default (3600). */
  readonly ttl?: number;
  /** Pin the domain to this shard (0-based) instead of the hashed one. */
  readonly shard?: number;
  /** Where the entry was written; errors name it. */
  readonly source?: InventorySource;
}

/** Columns an inventory CSV may have; `param.<name>` columns fill `parameters`. */
export const INVENTORY_COLUMNS = ['domain', 'zone_id', 'preset', 'host', 'variant', 'region', 'ttl', 'shard', 'companions', 'spf_all'] as const;
const REQUIRED_COLUMNS = ['domain', 'zone_id', 'preset'] as const;
const COMPANIONS = ['spf', 'dkim', 'dmarc', 'autodiscover'] as const;
const SPF_ALL: readonly SpfAll[] = ['-all', '~all', '?all'] as SpfAll[];
const PARAM_PREFIX = 'param.';

/**
 * Read an inventory file: `.csv` (a header row naming {@link INVENTORY_COLUMNS} and
 * `param.<name>` columns) or `.json` (a list of {@link EstateDomain} objects, or
 * `{ "domains": [...] }`). Every cell is checked; a wrong one is an `MxInputError` naming the
 * file, line and column and what is allowed.
 */
export function readInventory(file: string): EstateDomain[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new MxInputError(file, `cannot read the inventory: ${(error as Error).message}`);
  }
  const kind = extname(file).toLowerCase();
  if (kind === '.csv') return parseInventoryCsv(text, file);
  if (kind === '.json') return parseInventoryJson(text, file);
  throw new MxInputError(file, `an inventory is a .csv or .json file, not "${kind || 'no extension'}"`);
}

/** Parse CSV inventory text (RFC 4180: commas, double-quoted cells, `""` inside quotes). */
export function parseInventoryCsv(text: string, file = 'inventory.csv'): EstateDomain[] {
  const rows = csvRows(text, file);
  const header = rows.shift();
  if (header === undefined) throw new MxInputError(`${file}:1:1`, `the inventory is empty; the first row names the columns, at least ${REQUIRED_COLUMNS.join(', ')}`);
  const columns = header.cells.map((cell) => cell.text.trim().toLowerCase());
  columns.forEach((column, index) => {
    const at = `${file}:${header.line}:${header.cells[index]!.column}`;
    const known = (INVENTORY_COLUMNS as readonly string[]).includes(column) || (column.startsWith(PARAM_PREFIX) && column.length > PARAM_PREFIX.length);
    if (!known) throw new MxInputError(at, `unknown column ${describeValue(column)}; columns are ${INVENTORY_COLUMNS.join(', ')} and param.<name> for a preset's inputs`);
    if (columns.indexOf(column) !== index) throw new MxInputError(at, `column "${column}" appears twice`);
  });
  for (const required of REQUIRED_COLUMNS) {
    if (!columns.includes(required)) throw new MxInputError(`${file}:${header.line}:1`, `the header row needs a "${required}" column (required: ${REQUIRED_COLUMNS.join(', ')})`);
  }
  const domains: EstateDomain[] = [];
  for (const row of rows) {
    if (row.cells.every((cell) => cell.text.trim() === '')) continue;
    if (row.cells.length !== columns.length) {
      throw new MxInputError(`${file}:${row.line}:1`, `the row has ${row.cells.length} cells, the header ${columns.length}`);
    }
    const raw: Record<string, unknown> = {};
    const parameters: Record<string, string> = {};
    const columnOf: Record<string, number> = {};
    row.cells.forEach((cell, index) => {
      const column = columns[index]!;
      const value = cell.text.trim();
      columnOf[column] = cell.column;
      if (value === '') return;
      if (column.startsWith(PARAM_PREFIX)) parameters[column.slice(PARAM_PREFIX.length)] = value;
      else raw[column] = value;
    });
    const at = (column: string) => `${file}:${row.line}:${columnOf[column] ?? 1}`;
    domains.push(checkedDomain({
      domain: raw.domain,
      zoneId: raw.zone_id,
      preset: raw.preset,
      host: raw.host,
      variant: raw.variant,
      region: raw.region,
      ttl: raw.ttl === undefined ? undefined : numberCell(raw.ttl as string, at('ttl'), 'ttl'),
      shard: raw.shard === undefined ? undefined : numberCell(raw.shard as string, at('shard'), 'shard'),
      companions: companionsCell(raw.companions as string | undefined, raw.spf_all as string | undefined, at),
      parameters: Object.keys(parameters).length > 0 ? parameters : undefined,
    }, { file, line: row.line }, (field) => at(CSV_COLUMN[field] ?? field)));
  }
  return noDuplicates(domains);
}

/** The CSV column of each {@link EstateDomain} field. */
const CSV_COLUMN: Record<string, string> = { zoneId: 'zone_id', parameters: 'preset' };

/** Parse JSON inventory text: a list of {@link EstateDomain} objects, or `{ "domains": [...] }`. */
export function parseInventoryJson(text: string, file = 'inventory.json'): EstateDomain[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    throw new MxInputError(position ? `${file}:${lineColumn(text, Number(position[1]))}` : file, `not valid JSON: ${message}`);
  }
  const list = Array.isArray(parsed) ? parsed : parsed !== null && typeof parsed === 'object' ? (parsed as { domains?: unknown }).domains : undefined;
  if (!Array.isArray(list)) throw new MxInputError(file, `an inventory is a JSON list of domains or an object with a "domains" list, not ${describeValue(parsed)}`);
  const keys = new Set(['domain', 'zoneId', 'zone_id', 'preset', 'host', 'variant', 'region', 'ttl', 'shard', 'companions', 'parameters']);
  const lines = entryLines(text);
  const domains = list.map((entry: unknown, index: number) => {
    const line = lines[index] ?? 1;
    const at = (field: string) => `${file}:${line}: domains[${index}].${field}`;
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) throw new MxInputError(`${file}: domains[${index}]`, `each domain is an object with domain, zoneId and preset, not ${describeValue(entry)}`);
    const record = entry as Record<string, unknown>;
    for (const key of Object.keys(record)) if (!keys.has(key)) throw new MxInputError(at(key), `unknown field; fields are ${[...keys].join(', ')}`);
    const parameters = record.parameters;
    if (parameters !== undefined && (parameters === null || typeof parameters !== 'object' || Array.isArray(parameters) || Object.values(parameters).some((v) => typeof v !== 'string'))) {
      throw new MxInputError(at('parameters'), `an object of strings (the preset's inputs), not ${describeValue(parameters)}`);
    }
    const companions = record.companions;
    if (companions !== undefined && (companions === null || typeof companions !== 'object' || Array.isArray(companions))) {
      throw new MxInputError(at('companions'), `an object such as { "spf": true, "dmarc": true }, not ${describeValue(companions)}`);
    }
    return checkedDomain({ ...record, zoneId: record.zoneId ?? record.zone_id } as Record<string, unknown>, { file, line }, at);
  });
  return noDuplicates(domains);
}

/**
 * Check one domain given in code or read from a file: `where(field)` says where a field was
 * written. Throws `MxInputError` naming the field and what is allowed.
 */
export function checkedDomain(raw: Record<string, unknown>, source: InventorySource | undefined, where: (field: string) => string): EstateDomain {
  const text = (field: string, required: boolean): string | undefined => {
    const value = raw[field];
    if (value === undefined && !required) return undefined;
    if (typeof value !== 'string' || value.trim() === '') throw new MxInputError(where(field), `${required ? 'required: ' : ''}a non-empty string, not ${describeValue(value)}`);
    return value.trim();
  };
  const domain = text('domain', true)!;
  const parsed = parseHostname(domain);
  if (parsed.ascii === undefined || parsed.ascii === '' || parsed.ascii.startsWith('*')) {
    throw new MxInputError(where('domain'), `"${domain}" is not a domain name${parsed.problems.length ? `: ${parsed.problems.map((p) => p.detail).join('; ')}` : ''}`);
  }
  const preset = text('preset', true)!;
  if (!Object.prototype.hasOwnProperty.call(PRESETS, preset)) throw new MxInputError(where('preset'), `there is no preset "${preset}"; use one of: ${Object.keys(PRESETS).join(', ')}`);
  const integer = (field: string, min: number, max: number): number | undefined => {
    const value = raw[field];
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw new MxInputError(where(field), `a whole number from ${min} to ${max}, not ${describeValue(value)}`);
    return value;
  };
  const ttl = integer('ttl', 1, 2147483647);
  const shard = integer('shard', 0, 9999);
  const result: EstateDomain = {
    domain: parsed.ascii,
    zoneId: text('zoneId', true)!,
    preset,
    ...optional('host', text('host', false)),
    ...optional('variant', text('variant', false)),
    ...optional('region', text('region', false)),
    ...optional('parameters', raw.parameters as Record<string, string> | undefined),
    ...optional('companions', raw.companions as CompanionOptions | undefined),
    ...optional('ttl', ttl),
    ...optional('shard', shard),
    ...optional('source', source),
  };
  return result;
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/**
 * Check domains given in code as an inventory file's are checked (each field, no domain twice);
 * entries read from a file come back as they are.
 */
export function checkedDomains(domains: readonly EstateDomain[]): EstateDomain[] {
  return noDuplicates(domains.map((entry, index) => {
    if (entry === null || typeof entry !== 'object') throw new MxInputError(`domains[${index}]`, `each domain is an object with domain, zoneId and preset, not ${describeValue(entry)}`);
    return entry.source ? entry : checkedDomain(entry as unknown as Record<string, unknown>, undefined, (field) => `domains[${index}].${field}`);
  }));
}

/** Two entries for one domain are an error naming both places. */
function noDuplicates(domains: EstateDomain[]): EstateDomain[] {
  const seen = new Map<string, EstateDomain>();
  for (const entry of domains) {
    const first = seen.get(entry.domain);
    if (first) throw new MxInputError(placeOf(entry, 'domain'), `${entry.domain} is listed twice (first at ${placeOf(first, 'domain')}); list each domain once`);
    seen.set(entry.domain, entry);
  }
  return domains;
}

/** `file:line` of an entry, or the field name for one given in code. */
export function placeOf(entry: EstateDomain, field: string): string {
  return entry.source ? `${entry.source.file}:${entry.source.line}` : `domains[${entry.domain}].${field}`;
}

function numberCell(text: string, at: string, column: string): number {
  if (!/^\d+$/.test(text)) throw new MxInputError(at, `${column} is a whole number, not ${describeValue(text)}`);
  return Number(text);
}

/** `spf;dkim` (or spaces) → companion options; `spf_all` chooses SPF's terminator. */
function companionsCell(cell: string | undefined, spfAll: string | undefined, at: (column: string) => string): CompanionOptions | undefined {
  if (cell === undefined && spfAll === undefined) return undefined;
  const names = (cell ?? '').split(/[;\s]+/).filter(Boolean).map((n) => n.toLowerCase());
  for (const name of names) {
    if (!(COMPANIONS as readonly string[]).includes(name)) throw new MxInputError(at('companions'), `unknown companion "${name}"; list any of ${COMPANIONS.join(', ')} separated by ";"`);
  }
  if (spfAll !== undefined && !SPF_ALL.includes(spfAll as SpfAll)) throw new MxInputError(at('spf_all'), `one of ${SPF_ALL.join(', ')}, not ${describeValue(spfAll)}`);
  if (spfAll !== undefined && !names.includes('spf')) throw new MxInputError(at('spf_all'), 'spf_all needs "spf" in the companions column');
  const options: Record<string, unknown> = {};
  for (const name of names) options[name] = name === 'spf' && spfAll !== undefined ? { all: spfAll } : true;
  return options as CompanionOptions;
}

interface CsvRow {
  readonly line: number;
  readonly cells: Array<{ text: string; column: number }>;
}

/** RFC 4180 rows with the line each starts on and each cell's column (1-based). */
function csvRows(text: string, file: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let line = 1;
  let column = 1;
  let row: CsvRow = { line, cells: [] };
  let cell = { text: '', column: 1 };
  let quoted = false;
  let quoteStart = '';
  const source = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        cell.text += '"';
        i++;
        column += 2;
        continue;
      }
      if (char === '"') {
        quoted = false;
        column++;
        const next = source[i + 1];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') throw new MxInputError(`${file}:${line}:${column}`, 'a quoted cell ends at its closing quote; put a comma after it');
        continue;
      }
      cell.text += char;
      if (char === '\n') {
        line++;
        column = 1;
      } else column++;
      continue;
    }
    if (char === '"' && cell.text.trim() === '') {
      quoted = true;
      quoteStart = `${line}:${column}`;
      cell.text = '';
      column++;
      continue;
    }
    if (char === ',') {
      row.cells.push(cell);
      column++;
      cell = { text: '', column };
      continue;
    }
    if (char === '\r' && source[i + 1] === '\n') continue;
    if (char === '\n' || char === '\r') {
      row.cells.push(cell);
      rows.push(row);
      line++;
      column = 1;
      row = { line, cells: [] };
      cell = { text: '', column };
      continue;
    }
    if (char === '"') throw new MxInputError(`${file}:${line}:${column}`, 'a quote inside an unquoted cell; quote the whole cell and double the quotes inside ("a ""b""")');
    cell.text += char;
    column++;
  }
  if (quoted) throw new MxInputError(`${file}:${quoteStart}`, 'a quoted cell is never closed');
  if (row.cells.length > 0 || cell.text !== '') {
    row.cells.push(cell);
    rows.push(row);
  }
  return rows;
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}

/** The line where each top-level entry of the domains list starts (the `{` that opens it), in one pass. */
function entryLines(text: string): number[] {
  const lines: number[] = [];
  let depth = 0;
  let inString = false;
  let line = 1;
  const listDepth = text.trimStart().startsWith('[') ? 1 : 2;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\n') line++;
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === '{' || char === '[') {
      if (char === '{' && depth === listDepth) lines.push(line);
      depth++;
    } else if (char === '}' || char === ']') depth--;
  }
  return lines;
}
