import { declaredAt } from './exchange-resolution';
import { Rule, RuleHit } from './rule';
import { ZoneIndex } from './zone-index';

/** The apex always holds SOA and NS, so a CNAME there is "CNAME and other data" by construction. */
export const cnameAtApex: Rule = {
  id: 'cname-at-apex',
  severity: 'error',
  summary: 'CNAME at the zone apex',
  why: 'The apex always holds SOA and NS records, and a CNAME may not share its name with other data (RFC 1034 §3.6.2, RFC 2181 §10.1). A resolver that sees a CNAME at the apex follows it for every type, so the domain\'s MX, SPF and DMARC queries are answered from the CNAME target\'s zone and mail goes wherever that zone says, or nowhere. Cloudflare hides this by flattening an apex CNAME into A/AAAA, but the zone then cannot move to another DNS host or be served by a secondary, and named-checkzone rejects it.',
  sources: ['RFC 1034 §3.6.2', 'RFC 2181 §10.1', 'Cloudflare: CNAME flattening'],
  fix: 'Publish A/AAAA records at the apex (the web host\'s addresses) instead of a CNAME. If you rely on Cloudflare\'s CNAME flattening on purpose, suppress this rule for the record with that reason.',
  *check({ zone }): Iterable<RuleHit> {
    for (const record of ZoneIndex.of(zone).at(zone.apex)?.cname ?? []) {
      yield { name: record.name, record, message: `CNAME ${record.value} at the apex ${zone.apex}${declaredAt(record)}: the apex holds SOA/NS (and here MX/TXT), which a CNAME may not share; resolvers would answer MX queries from ${record.value}'s zone. Use A/AAAA records at the apex instead.` };
    }
  },
};
