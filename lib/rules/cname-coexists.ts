import { declaredAt } from './exchange-resolution';
import { Rule, RuleHit } from './rule';
import { ZoneIndex } from './zone-index';

/** DNSSEC types that RFC 2181 §10.1 / RFC 4035 allow beside a CNAME. */
const ALLOWED_BESIDE_CNAME: ReadonlySet<string> = new Set(['RRSIG', 'NSEC', 'NSEC3', 'KEY', 'SIG', 'NXT']);

/** A CNAME is the only data its name may have (RFC 1034 §3.6.2). */
export const cnameCoexists: Rule = {
  id: 'cname-coexists',
  severity: 'error',
  summary: 'CNAME shares its name with other records',
  why: 'RFC 1034 §3.6.2 and RFC 2181 §10.1: "If a CNAME RR is present at a node, no other data should be present", and a name has at most one CNAME. Resolvers answer every query at that name from the CNAME target, so MX, TXT (SPF, DMARC, verification) or A records beside it are invisible or served inconsistently; Cloudflare refuses the combination (error 81053/81054) except where it flattens the CNAME.',
  sources: ['RFC 1034 §3.6.2', 'RFC 2181 §10.1'],
  fix: 'Keep either the CNAME or the other records at that name. For mail, remove the CNAME and publish A/AAAA records, or move the other records to a name without a CNAME.',
  *check({ zone }): Iterable<RuleHit> {
    for (const entry of ZoneIndex.of(zone).names()) {
      if (entry.cname.length === 0) continue;
      const others = entry.all.filter((record) => record.type !== 'CNAME' && !ALLOWED_BESIDE_CNAME.has(record.type));
      const cname = entry.cname[0];
      if (entry.cname.length > 1) {
        yield { name: entry.name, record: entry.cname[1], related: entry.cname, message: `${entry.name} has ${entry.cname.length} CNAME records (${entry.cname.map((r) => r.value).join(', ')}); a name may have one CNAME at most (RFC 2181 §10.1). Keep one.` };
      }
      if (others.length > 0) {
        const types = [...new Set(others.map((r) => r.type))].join(', ');
        yield { name: entry.name, record: cname, related: others, message: `CNAME ${cname.value}${declaredAt(cname)} shares ${entry.name} with ${others.length} other record(s) (${types}); a CNAME must be alone at its name (RFC 1034 §3.6.2), so resolvers ignore the ${types}. Remove the CNAME or move the other records.` };
      }
    }
  },
};
