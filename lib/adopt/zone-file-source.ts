import { readZoneFile, ZoneFileRecord } from '../zonefile';
import { cloudflareTags } from '../zonefile/cloudflare-tags';
import { ImportError } from './import-error';
import { LiveRecord, LiveZone, normaliseLiveRecord } from './live-zone';

/** A Cloudflare dashboard export: its header, or the `cf_tags=` it writes after records. */
const CLOUDFLARE_EXPORT = /^;;\s*Exported:|;[^\n]*\bcf_tags=/m;

/**
 * Read a BIND zone file for adoption, with the project's zone-file reader (lib/zonefile: read as
 * BIND reads it, every unreadable line reported). In Cloudflare's dashboard export the comment
 * after a record is the record's (`; <comment> cf_tags=cf-proxied:true,<tag>…`): its proxied flag,
 * comment and tags are kept so adopting changes nothing. In other zone files comments are only comments.
 * `include` reads `$INCLUDE`d files (without it they are reported as not followed, and not read).
 */
export function readLiveZoneFile(text: string, domain: string, path: string, include?: (path: string) => string): LiveZone {
  const file = readZoneFile(text, { origin: domain, file: path, ...(include ? { include } : {}) });
  if (file.records.length === 0) {
    const problems = file.problems.slice(0, 5).map((p) => `${path}:${p.line}: ${p.message}`);
    throw new ImportError(`cannot read the zone file ${path}: no record of ${domain} could be read${problems.length > 0 ? `\n${problems.join('\n')}` : ''}`);
  }
  const isExport = CLOUDFLARE_EXPORT.test(text);
  const records = file.records.map((record) => liveRecord(record, domain, isExport));
  const unreadable = file.problems.filter((p) => p.severity === 'error').map((p) => `${p.file ?? path}:${p.line}: ${p.message}`);
  return { domain, source: path, records, unreadable };
}

function liveRecord(record: ZoneFileRecord, domain: string, isExport: boolean): LiveRecord {
  const live = normaliseLiveRecord(
    {
      name: record.name,
      type: record.type,
      // TXT as its character-strings, quoted, so they are joined exactly as the zone holds them.
      content: record.strings !== undefined ? record.strings.map((s) => `"${s.replace(/["\\]/g, '\\$&')}"`).join(' ') : record.value,
      ...(record.priority !== undefined && record.type === 'MX' ? { priority: record.priority } : {}),
      ttl: record.ttl,
      ...(record.proxied !== undefined ? { proxied: record.proxied } : {}),
    },
    domain,
  );
  if (!isExport || record.comment === undefined) return live;
  const { note, tags } = cloudflareTags(record.comment);
  return { ...live, ...(note !== undefined ? { comment: note } : {}), ...(tags !== undefined ? { tags } : {}) };
}
