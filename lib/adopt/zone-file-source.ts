import { zoneFileToLintInput } from '../lint/zone-file';
import { ImportError } from './import-error';
import { LiveZone, normaliseLiveRecord } from './live-zone';

/** `; cf_tags=cf-proxied:true` after a record in Cloudflare's dashboard export: the record is proxied. */
const PROXIED_TAG = /;\s*cf_tags=\S*cf-proxied:true/i;

/**
 * Read a BIND zone file, including Cloudflare's dashboard export (its SOA owner has no
 * trailing dot, and `; cf_tags=cf-proxied:true` marks proxied records).
 *
 * The reading itself is `zoneFileToLintInput` (dnsz), behind this one function so a better
 * reader can replace it without touching adoption. That reader drops comments, so the
 * proxied tags are read here from the lines of the export (one record a line, absolute names).
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
  const proxied = proxiedKeys(fixed, domain);
  const records = input.records.map((r) => {
    const record = normaliseLiveRecord({ name: r.name, type: r.type, content: r.value, ...(r.priority !== undefined ? { priority: Number(r.priority) } : {}), ttl: r.ttl ?? 3600 }, domain);
    return proxied.has(`${record.name} ${record.type} ${record.value}`) ? { ...record, proxied: true } : record;
  });
  const unreadable = records.filter((r) => r.type === 'MX' && !Number.isInteger(r.priority)).map((r) => `MX ${r.name} ${r.value}: the preference is not a number`);
  return { domain, source: path, records: records.filter((r) => r.type !== 'MX' || Number.isInteger(r.priority)), unreadable };
}

/** `name TYPE value` of every record line tagged proxied, normalised like the records. */
function proxiedKeys(text: string, domain: string): Set<string> {
  const keys = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    if (!PROXIED_TAG.test(line)) continue;
    const tokens = line.replace(/;.*$/, '').trim().split(/\s+/);
    // owner [ttl] [class] type data
    let i = 1;
    while (i < tokens.length && (/^\d+$/.test(tokens[i]) || /^(IN|CH|HS|CS)$/i.test(tokens[i]))) i++;
    if (i + 1 >= tokens.length) continue;
    const record = normaliseLiveRecord({ name: tokens[0], type: tokens[i], content: tokens.slice(i + 1).join(' '), ttl: 1 }, domain);
    keys.add(`${record.name} ${record.type} ${record.value}`);
  }
  return keys;
}
