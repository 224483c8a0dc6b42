import { declaredAt, resolveExchange } from '../../rules/exchange-resolution';
import { Rule, RuleHit } from '../../rules/rule';
import { ZoneIndex } from '../../rules/zone-index';

/** Cloudflare's proxy carries HTTP(S) only; an MX host behind it gets Cloudflare's addresses. */
export const cloudflareProxiedMailHost: Rule = {
  id: 'cloudflare-proxied-mail-host',
  severity: 'error',
  summary: 'MX exchange is a proxied (orange-cloud) record',
  why: 'A proxied A/AAAA/CNAME record answers with Cloudflare\'s anycast addresses, and Cloudflare\'s proxy carries HTTP(S), not SMTP on port 25, so senders connect to Cloudflare and mail to the exchange fails. Cloudflare\'s dashboard warns about exactly this for MX targets.',
  sources: ['Cloudflare: Proxied DNS records (which records to proxy)', 'RFC 5321 §5.1'],
  fix: 'Set proxied = false (DNS only) on the mail host\'s A/AAAA record; if the web site at the same name needs the proxy, use a separate name such as mail.<domain> for the MX.',
  *check({ zone }): Iterable<RuleHit> {
    const index = ZoneIndex.of(zone);
    for (const record of ZoneIndex.of(zone).routingMx) {
      const answer = resolveExchange(index, record);
      if (!answer || (answer.kind !== 'records' && answer.kind !== 'wildcard')) continue;
      const proxied = [...answer.records.address, ...answer.records.cname].filter((r) => r.proxied === true);
      if (proxied.length === 0) continue;
      yield {
        name: record.name,
        record,
        related: proxied,
        message: `MX ${record.priority} ${answer.host}: ${proxied.map((r) => `${r.type} ${r.value}`).join(', ')} at ${answer.records.name}${declaredAt(proxied[0])} is proxied, so senders reach Cloudflare's proxy, which does not carry SMTP. Set proxied = false on it (or use a separate DNS-only name for mail).`,
      };
    }
  },
};
