import { DMARC_LABEL } from './mail-policy';
import { targetOf } from './mx-exchange';
import { Rule, RuleHit } from './rule';
import { NameRecords, ZoneIndex } from './zone-index';

/**
 * Without MX, senders deliver to the name's A/AAAA (RFC 5321 §5.1 "implicit MX"):
 * mail for the apex or a name that sends mail ends up at the web server.
 */
export const implicitMx: Rule = {
  id: 'implicit-mx',
  severity: 'warning',
  summary: 'a mail-relevant name has A/AAAA records but neither MX nor null MX',
  why: 'RFC 5321 §5.1: when a domain has no MX, senders treat its A/AAAA as an implicit MX and try to deliver there, usually to a web server that either accepts and loses the mail or makes senders retry for days. A null MX (RFC 7505) says "no mail" explicitly and makes senders fail at once. Only mail-relevant names are checked, to avoid a warning on every web host: the zone apex, names with an SPF record, and names with a DMARC record at _dmarc.<name>. A name that is itself an MX exchange in the zone (a mail server with its own HELO SPF, RFC 7208 §2.3) is skipped: its implicit MX is that mail server.',
  sources: ['RFC 5321 §5.1', 'RFC 7505 §1'],
  fix: 'Publish MX records for the name if it should receive mail, or a null MX ("MX 0 .", NullMx) if it should not.',
  *check({ zone }): Iterable<RuleHit> {
    const index = ZoneIndex.of(zone);
    // A mail server's own name (its HELO SPF, RFC 7208 §2.3) falls back to that same server: no web host involved.
    let exchanges: Set<string> | undefined;
    const isExchange = (name: string): boolean => {
      exchanges ??= new Set(index.routingMx.map((record) => targetOf(record).ascii ?? ''));
      return exchanges.has(name);
    };
    for (const entry of index.names()) {
      if (entry.address.length === 0 || entry.mx.length > 0 || !isMailRelevant(index, entry) || isExchange(entry.name)) continue;
      if (entry.name !== zone.apex && index.isDelegated(entry.name)) continue;
      const why = entry.name === zone.apex ? 'the zone apex' : entry.spf.length > 0 ? 'it has an SPF record' : 'it has a DMARC record';
      yield { name: entry.name, record: entry.address[0], message: `${entry.name} (${why}) has ${entry.address.map((r) => r.type).filter((t, i, a) => a.indexOf(t) === i).join('/')} records but no MX, so senders deliver its mail to ${entry.address[0].value} (implicit MX, RFC 5321 §5.1). Publish MX records, or a null MX ("MX 0 .") if the name takes no mail.` };
    }
  },
};

/** The apex, names with SPF, and names with a DMARC record below them: where mail is expected. */
function isMailRelevant(index: ZoneIndex, entry: NameRecords): boolean {
  if (entry.name.startsWith('*.') || entry.name.startsWith('_')) return false;
  return entry.name === index.apex || entry.spf.length > 0 || (index.at(`${DMARC_LABEL}.${entry.name}`)?.dmarc.length ?? 0) > 0;
}
