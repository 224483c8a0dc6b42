import { zoneFileToLintInput } from '../lint/zone-file';
import { ImportError } from './import-error';
import { LiveRecord, LiveZone, normaliseLiveRecord } from './live-zone';

/** A Cloudflare dashboard export: its header, or the `cf_tags=` it writes after records. */
const CLOUDFLARE_EXPORT = /^;;\s*Exported:|;[^\n]*\bcf_tags=/m;
/** Cloudflare's own tags in `cf_tags=`: the proxy status (and CNAME flattening), not user tags. */
const CLOUDFLARE_TAG = /^cf-/;

/** What Cloudflare's export writes in the comment after a record: `; <comment> cf_tags=<tag>,<tag>`. */
interface ExportAttributes {
  readonly proxied?: boolean;
  readonly comment?: string;
  readonly tags?: readonly string[];
}

/**
 * Read a BIND zone file, including Cloudflare's dashboard export: its SOA owner has no trailing
 * dot, and after a record it writes `; <comment> cf_tags=cf-proxied:true,<tag>…`, which is kept
 * (proxied flag, record comment, tags) so adopting changes nothing. In other zone files comments
 * are only comments.
 *
 * The records themselves are read by `zoneFileToLintInput` (dnsz), behind this one function so a
 * better reader can replace it without touching adoption. That reader drops comments, so the
 * export's attributes are read here from its lines (one record a line, absolute names).
 */
export function readZoneFile(text: string, domain: string, path: string): LiveZone {
  // Cloudflare writes the SOA owner as `example.com` without the dot: relative to $ORIGIN it would be example.com.example.com.
  const owner = new RegExp(`^${domain.replace(/\./g, '\\.')}(?=\\s)`, 'gim');
  const fixed = text.replace(owner, `${domain}.`);
  let input;
  try {
    input = zoneFileToLintInput(fixed, domain);
  } catch (error) {
    throw new ImportError(`cannot read the zone file ${path}: ${(error as Error).message}`);
  }
  const attributes = CLOUDFLARE_EXPORT.test(fixed) ? exportAttributes(fixed, domain) : new Map<string, ExportAttributes>();
  const records = input.records.map((r): LiveRecord => {
    const record = normaliseLiveRecord({ name: r.name, type: r.type, content: r.value, ...(r.priority !== undefined ? { priority: Number(r.priority) } : {}), ttl: r.ttl ?? 3600 }, domain);
    return { ...record, ...attributes.get(keyOf(record)) };
  });
  const unreadable = records.filter((r) => r.type === 'MX' && !Number.isInteger(r.priority)).map((r) => `MX ${r.name} ${r.value}: the preference is not a number`);
  return { domain, source: path, records: records.filter((r) => r.type !== 'MX' || Number.isInteger(r.priority)), unreadable };
}

function keyOf(record: Pick<LiveRecord, 'name' | 'type' | 'value' | 'priority'>): string {
  return `${record.name} ${record.type} ${record.priority ?? ''} ${record.value}`;
}

/** The attributes of every record line of an export that has any, by record. */
function exportAttributes(text: string, domain: string): Map<string, ExportAttributes> {
  const found = new Map<string, ExportAttributes>();
  for (const line of text.split(/\r?\n/)) {
    const { code, comment } = splitComment(line);
    if (comment === undefined || /^\s*$/.test(code) || /^\s/.test(line) || code.trim().startsWith('$')) continue;
    const tokens = code.trim().split(/\s+/);
    // owner [ttl] [class] type data
    let i = 1;
    while (i < tokens.length && (/^\d+$/.test(tokens[i]) || /^(IN|CH|HS|CS)$/i.test(tokens[i]))) i++;
    if (i + 1 >= tokens.length) continue;
    const type = tokens[i].toUpperCase();
    const data = tokens.slice(i + 1);
    const priority = type === 'MX' && /^\d+$/.test(data[0]) ? Number(data.shift()) : undefined;
    const record = normaliseLiveRecord({ name: tokens[0], type, content: data.join(' '), ...(priority !== undefined ? { priority } : {}), ttl: 1 }, domain);
    const tagText = /(?:^|\s)cf_tags=(\S*)\s*$/.exec(comment);
    const note = (tagText ? comment.slice(0, tagText.index) : comment).trim();
    const tags = (tagText?.[1] ?? '').split(',').filter((t) => t !== '');
    const proxied = tags.find((t) => /^cf-proxied:(true|false)$/.test(t));
    const own = tags.filter((t) => !CLOUDFLARE_TAG.test(t));
    found.set(keyOf(record), {
      ...(proxied ? { proxied: proxied.endsWith('true') } : {}),
      ...(note !== '' ? { comment: note } : {}),
      ...(own.length > 0 ? { tags: own } : {}),
    });
  }
  return found;
}

/** A zone-file line cut at its first `;` outside a quoted string. */
function splitComment(line: string): { code: string; comment?: string } {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') i++;
    else if (c === '"') quoted = !quoted;
    else if (c === ';' && !quoted) return { code: line.slice(0, i), comment: line.slice(i + 1) };
  }
  return { code: line };
}
