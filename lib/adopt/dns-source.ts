import { isInZone, NULL_MX_EXCHANGE } from '../dns/names';
import { fillTemplate, placeholders } from '../presets/template';
import { DnsClient, Lookup } from '../verify/dns-client';
import { ImportError } from './import-error';
import { LiveRecord, LiveZone, normaliseLiveRecord, RawLiveRecord } from './live-zone';
import { presetsMatching } from './recognise';

/**
 * Read the mail records of `domain` with live lookups, for zones hosted where no API is
 * configured: MX and TXT at the domain, TXT at `_dmarc`, A/AAAA (or the CNAME) of MX hosts inside the zone,
 * and the DKIM/autodiscover names of the vendor whose MX set is live, where they are fixed. DNS has
 * no record ids, so nothing read here can be imported. Each record keeps the TTL the server
 * answered: the zone's own from its authoritative server (`servers` given); from the system's
 * resolver what is left of its cache time, which `unreadable` says. A failed lookup fails the
 * import; NXDOMAIN and NODATA are empty answers.
 */
export async function readDnsZone(domain: string, client: DnsClient, options: { fromResolver?: boolean } = {}): Promise<LiveZone> {
  const raw: RawLiveRecord[] = [];
  const add = <T>(lookup: Lookup<T>, what: string, record: (value: T) => Omit<RawLiveRecord, 'ttl'>): T[] => {
    const { records, ttl } = answer(lookup, what);
    for (const value of records) raw.push({ ...record(value), ttl });
    return [...records];
  };
  const mx = add(await client.mx(domain), `MX ${domain}`, (m) => ({ name: domain, type: 'MX', content: m.exchange, priority: m.priority }));
  add(await client.txt(domain), `TXT ${domain}`, (text) => ({ name: domain, type: 'TXT', content: text }));
  const dmarc = `_dmarc.${domain}`;
  add(await client.txt(dmarc), `TXT ${dmarc}`, (text) => ({ name: dmarc, type: 'TXT', content: text }));
  const hosts = [...new Set(mx.map((m) => m.exchange.toLowerCase().replace(/\.$/, '')))].filter((h) => h !== NULL_MX_EXCHANGE && h !== '' && isInZone(h, domain));
  for (const host of hosts) {
    // A resolver answers A/AAAA of an alias with the CNAME and its target's addresses (RFC 1034
    // §4.3.2); asked first, the alias is kept as it is live (so mx-target-cname reports it).
    const alias = add(await client.cname(host), `CNAME ${host}`, (target) => ({ name: host, type: 'CNAME', content: target }));
    if (alias.length > 0) continue;
    add(await client.a(host), `A ${host}`, (address) => ({ name: host, type: 'A', content: address }));
    add(await client.aaaa(host), `AAAA ${host}`, (address) => ({ name: host, type: 'AAAA', content: address }));
  }
  // DNS cannot list names, but a recognised vendor's DKIM and autodiscover names are known.
  for (const { name, type } of companionNames(mx, domain)) {
    if (raw.some((r) => r.name === name && r.type === type)) continue;
    const found = type === 'CNAME' ? await client.cname(name) : await client.txt(name);
    add<string>(found, `${type} ${name}`, (content) => ({ name, type, content }));
  }
  const records: LiveRecord[] = raw.map((r) => normaliseLiveRecord(r, domain));
  return {
    domain,
    source: 'DNS lookups',
    records,
    unreadable: records.length > 0 && options.fromResolver
      ? ['TTLs: read from the system\'s resolver, which answers what is left of its cache time; give --server <the zone\'s authoritative server> for the zone\'s own TTLs.']
      : [],
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

function answer<T>(lookup: Lookup<T>, what: string): { records: readonly T[]; ttl: number } {
  if (lookup.status === 'answer') return lookup;
  if (lookup.status === 'error') throw new ImportError(`DNS lookup of ${what} failed: ${lookup.message}`);
  return { records: [], ttl: 0 };
}
