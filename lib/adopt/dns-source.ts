import { isInZone, NULL_MX_EXCHANGE } from '../dns/names';
import { DnsClient, Lookup } from '../verify/dns-client';
import { ImportError } from './import-error';
import { LiveRecord, LiveZone, normaliseLiveRecord, RawLiveRecord } from './live-zone';

/** TTL given to records read by lookups: node's resolver does not return TTLs for MX and TXT. */
export const DNS_SOURCE_TTL = 3600;

/**
 * Read the mail records of `domain` with live lookups, for zones hosted where no API is
 * configured: MX and TXT at the domain, TXT at `_dmarc`, and A/AAAA of MX hosts inside the
 * zone. DNS has no record ids, so nothing read here can be imported; TTLs are not in node's
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
    for (const address of answer(await client.a(host), `A ${host}`)) raw.push({ name: host, type: 'A', content: address, ttl: DNS_SOURCE_TTL });
    for (const address of answer(await client.aaaa(host), `AAAA ${host}`)) raw.push({ name: host, type: 'AAAA', content: address, ttl: DNS_SOURCE_TTL });
  }
  const records: LiveRecord[] = raw.map((r) => normaliseLiveRecord(r, domain));
  return {
    domain,
    source: 'DNS lookups',
    records,
    unreadable: records.length > 0 ? [`TTLs: DNS lookups here do not return them; the generated records use ${DNS_SOURCE_TTL} s. Check them against your DNS host.`] : [],
  };
}

function answer<T>(lookup: Lookup<T>, what: string): readonly T[] {
  if (lookup.status === 'answer') return lookup.records;
  if (lookup.status === 'error') throw new ImportError(`DNS lookup of ${what} failed: ${lookup.message}`);
  return [];
}
