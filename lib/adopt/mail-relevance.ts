import { isInZone } from '../dns/names';
import { presets } from '../presets/catalogue';
import { placeholders, templateSource } from '../presets/template';
import { LiveRecord } from './live-zone';

/** The records of a live zone that concern mail, and the rest, which adoption leaves alone. */
export interface MailRecordSplit {
  readonly mail: LiveRecord[];
  readonly other: LiveRecord[];
}

/**
 * Vendor domain-verification TXT values the catalogue documents (`google-site-verification=…`,
 * `MS=ms…`, …), as patterns. A template that is only a placeholder (any text) says nothing about
 * a value and is left out.
 */
const VERIFICATION_PATTERNS: readonly RegExp[] = presets.flatMap((preset) =>
  (preset.companions?.verification?.records ?? [])
    .filter((record) => record.type === 'TXT' && record.value.replace(/\{[a-zA-Z0-9]+\}/g, '').trim() !== '')
    .map((record) => new RegExp(`^${templateSource(record.value, (name) => (placeholders(record.value).includes(name) ? '.+' : ''))}$`, 'i')),
);

/** Fixed owner labels of verification records (`_amazonses`), whose values are bare tokens. */
const VERIFICATION_LABELS: ReadonlySet<string> = new Set(
  presets.flatMap((preset) => (preset.companions?.verification?.records ?? []).map((record) => record.name)).filter((name) => name !== '@' && placeholders(name).length === 0),
);

/** Labels that mail clients look up for their settings (Outlook, Thunderbird). */
const CLIENT_SETTINGS_LABELS: ReadonlySet<string> = new Set(['autodiscover', 'autoconfig']);

/**
 * Split a live zone into what cdktf-mx manages and the rest: MX; SPF and vendor verification
 * TXT at the names that take mail (and SPF anywhere); `_dmarc`; `*._domainkey`;
 * `autodiscover`/`autoconfig`; and the A/AAAA (or CNAME) of MX hosts inside the zone.
 */
export function splitMailRecords(records: readonly LiveRecord[], domain: string): MailRecordSplit {
  const mailNames = new Set<string>([domain]);
  const mailHosts = new Set<string>();
  for (const record of records) {
    if (record.type !== 'MX') continue;
    mailNames.add(record.name);
    if (record.value !== '.' && isInZone(record.value, domain)) mailHosts.add(record.value);
  }
  const mail: LiveRecord[] = [];
  const other: LiveRecord[] = [];
  for (const record of records) (isMailRecord(record, mailNames, mailHosts) ? mail : other).push(record);
  return { mail, other };
}

function isMailRecord(record: LiveRecord, mailNames: ReadonlySet<string>, mailHosts: ReadonlySet<string>): boolean {
  const { type, name } = record;
  const labels = name.split('.');
  if (type === 'MX') return true;
  if (type === 'TXT' || type === 'SPF') {
    if (/^v=spf1(\s|$)/i.test(record.value.trim())) return true;
    if (labels[0] === '_dmarc') return true;
    if (labels.includes('_domainkey')) return true;
    if (VERIFICATION_LABELS.has(labels[0]) && mailNames.has(labels.slice(1).join('.'))) return true;
    return mailNames.has(name) && VERIFICATION_PATTERNS.some((pattern) => pattern.test(record.value.trim()));
  }
  if (type === 'CNAME' && labels.includes('_domainkey')) return true;
  if (CLIENT_SETTINGS_LABELS.has(labels[0]) && (type === 'CNAME' || type === 'A' || type === 'AAAA')) return true;
  return mailHosts.has(name) && (type === 'A' || type === 'AAAA' || type === 'CNAME');
}
