import { isInZone, NULL_MX_EXCHANGE } from '../dns/names';
import { fillTemplate, placeholders } from '../presets/template';
import { DnsClient, Lookup } from '../verify/dns-client';
import { ImportError } from './import-error';
import { LiveRecord, LiveZone, normaliseLiveRecord, RawLiveRecord } from './live-zone';
import { presetsMatching } from './recognise';

/** TTL given to records read by lookups: node's resolver does not return TTLs for MX and TXT. */
export const DNS_SOURCE_TTL = 3600;

/**
 * Read the mail records of `domain` with live lookups, for zones hosted where no API is
 * configured: MX and TXT at the domain, TXT at `_dmarc`, A/AAAA (or the CNAME) of MX hosts inside the zone,
 * and the DKIM/autodiscover names of the vendor whose MX set is live, where they are fixed. DNS has no record ids, so nothing read here can be imported; TTLs are not in node's
 * answers and are set to {@link DNS_SOURCE_TTL} (said in `unreadable`). A failed lookup fails
 * the import; NXDOMAIN and NODATA are empty answers.
 */
export async function readDnsZone(domain: string, client: DnsClient): Promise<LiveZone> {
  const raw: RawLiveRecord[] = [];
  const mx = answer(await client.mx(domain), `MX ${domain}`);
  for (const m of mx) raw.push({ name: domain, type: 'MX', content: m.exchange, priority: m.priority, ttl: DNS_SOURCE_TTL });
  for (const text of answer(await client.txt(domain), `TXT ${domain}`)) raw.push({ name: domain, type: 'TXT', content: text, ttl: DNS_SOURCE_TTL });
  const dmarc = `_dmarc.${domain}`;
  for (const text of answer(await client.txt(dmarc), `TXT ${dmarc}`)) raw.push({ name: dmarc, type: 'TXT', content: text, ttl: DNS_SOURCE_TTL });
  const hosts = [...new Set(mx.map((m) => m.exchange.toLowerCase().replace(/\.$/, '')))].filter((h) => h !== NULL_MX_EXCHANGE && h !== '' && isInZone(h, domain));
  for (const host of hosts) {
    // A resolver answers A/AAAA of an alias with the CNAME and its target's addresses (RFC 1034
    // §4.3.2); asked first, the alias is kept as it is live (so mx-target-cname reports it).
    const alias = answer(await client.cname(host), `CNAME ${host}`);
    if (alias.length > 0) {
      for (const target of alias) raw.push({ name: host, type: 'CNAME', content: target, ttl: DNS_SOURCE_TTL });
      continue;
    }
    for (const address of answer(await client.a(host), `A ${host}`)) raw.push({ name: host, type: 'A', content: address, ttl: DNS_SOURCE_TTL });
    for (const address of answer(await client.aaaa(host), `AAAA ${host}`)) raw.push({ name: host, type: 'AAAA', content: address, ttl: DNS_SOURCE_TTL });
  }
  // DNS cannot list names, but a recognised vendor's DKIM and autodiscover names are known.
  for (const { name, type } of companionNames(mx, domain)) {
    if (raw.some((r) => r.name === name && r.type === type)) continue;
    const found = type === 'CNAME' ? await client.cname(name) : await client.txt(name);
    for (const content of answer(found, `${type} ${name}`)) raw.push({ name, type, content, ttl: DNS_SOURCE_TTL });
  }
  const records: LiveRecord[] = raw.map((r) => normaliseLiveRecord(r, domain));
  return {
    domain,
    source: 'DNS lookups',
    records,
    unreadable: records.length > 0 ? [`TTLs: DNS lookups here do not return them; the generated records use ${DNS_SOURCE_TTL} s. Check them against your DNS host.`] : [],
  };
}

/**
 * Where the companions of the vendors whose MX set is live are published, when the name does not
 * depend on the customer (Fastmail's fm1._domainkey, Microsoft 365's selector1._domainkey and
 * autodiscover, Google's default google._domainkey). The apex is looked up anyway.
 */
function companionNames(mx: ReadonlyArray<{ priority: number; exchange: string }>, domain: string): Array<{ name: string; type: 'TXT' | 'CNAME' }> {
  const live = mx.map((m) => ({ priority: m.priority, exchange: m.exchange.toLowerCase().replace(/\.$/, '') }));
  const names: Array<{ name: string; type: 'TXT' | 'CNAME' }> = [];
  for (const resolved of presetsMatching(live)) {
    const { spf: _spf, ...groups } = resolved.preset.companions ?? {};
    for (const group of Object.values(groups)) {
      const defaults = Object.fromEntries(Object.entries(group?.parameters ?? {}).filter(([, p]) => p.default !== undefined).map(([key, p]) => [key, p.default!]));
      for (const record of group?.records ?? []) {
        const label = fillTemplate(record.name, { ...resolved.values, ...defaults, domain });
        if (label === '@' || placeholders(label).length > 0 || label.includes('*')) continue;
        const name = `${label.toLowerCase()}.${domain}`;
        if (!names.some((n) => n.name === name && n.type === record.type)) names.push({ name, type: record.type });
      }
    }
  }
  return names;
}

function answer<T>(lookup: Lookup<T>, what: string): readonly T[] {
  if (lookup.status === 'answer') return lookup.records;
  if (lookup.status === 'error') throw new ImportError(`DNS lookup of ${what} failed: ${lookup.message}`);
  return [];
}
