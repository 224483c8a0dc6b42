import { describeRecord } from '../../rules/mx-exchange';
import { Rule, RuleHit } from '../../rules/rule';

/** Record types Cloudflare can proxy. */
export const PROXIABLE_TYPES: ReadonlySet<string> = new Set(['A', 'AAAA', 'CNAME']);

/** Cloudflare only proxies A, AAAA and CNAME; anything else with proxied = true fails at apply. */
export const cloudflareProxiedType: Rule = {
  id: 'cloudflare-proxied-type',
  severity: 'error',
  summary: 'proxied is set on a record type Cloudflare cannot proxy (MX, TXT, …)',
  why: 'Cloudflare proxies A, AAAA and CNAME records only; its API rejects proxied = true on MX, TXT and other types ("This kind of record cannot be proxied", error 9004), so the apply fails after the plan looked fine.',
  sources: ['Cloudflare API error 9004', 'Cloudflare: Proxy status'],
  fix: 'Remove proxied (or set it to false) on the record.',
  *check({ zone }): Iterable<RuleHit> {
    for (const record of zone.records) {
      if (record.proxied === true && !PROXIABLE_TYPES.has(record.type)) {
        yield { name: record.name, record, message: `${describeRecord(record)}: proxied = true, but Cloudflare proxies only A, AAAA and CNAME records; remove proxied from this ${record.type} record.` };
      }
    }
  },
};
